import type { IntentMatcher, IntentSpec } from "../engine/types";
import { trainClassifier } from "../nlu";

/**
 * The real intent classifier behind the IntentMatcher port, for tests that
 * should exercise actual matching. Models are trained once per key and
 * training set (the key alone is not trusted: a draft's phrases change between
 * edits while its key stays the same).
 */
export function createRealNlu(): IntentMatcher {
  const cache = new Map<string, ReturnType<typeof trainClassifier>>();
  return {
    match({ key, intents, threshold, text }) {
      const cacheKey = `${key}\u0000${threshold}\u0000${signature(intents)}`;
      let classifier = cache.get(cacheKey);
      if (!classifier) {
        classifier = trainClassifier(intents, { threshold });
        cache.set(cacheKey, classifier);
      }
      return classifier.classify(text);
    },
  };
}

function signature(intents: readonly IntentSpec[]): string {
  return JSON.stringify(intents.map((intent) => [intent.name, intent.phrases]));
}
