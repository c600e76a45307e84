// The intent matcher port: trained classifiers cached per training-set key.
// Published versions are immutable, so `${flowVersionId}:${nodeId}` keys are
// trained once and kept (LRU-bounded). Draft keys (the designer's test chat,
// prefix "draft") change as staff edit, so the key gets a hash of the training
// data and an edit retrains.
import { createHash } from "node:crypto";
import type { IntentMatcher, IntentSpec } from "../../flows/engine/types";
import { trainClassifier, type IntentMatch } from "../../flows/nlu";
import { LruCache } from "./lruCache";

interface Classifier {
  classify(text: string): IntentMatch;
}

export interface NluPortOptions {
  /** Trained classifiers kept for published versions (and built-ins). */
  publishedCapacity?: number;
  /** Trained classifiers kept for drafts. */
  draftCapacity?: number;
  train?: (intents: IntentSpec[], options: { threshold: number }) => Classifier;
}

export interface NluPort extends IntentMatcher {
  /** Trains (if not cached) without classifying: used to warm a version's intent nodes. */
  warm(request: { key: string; intents: IntentSpec[]; threshold: number }): void;
  /** How many classifiers are cached (for tests and health). */
  readonly size: number;
}

export function isDraftModelKey(key: string): boolean {
  return key.startsWith("draft");
}

export function createNluPort(options: NluPortOptions = {}): NluPort {
  const train = options.train ?? trainClassifier;
  const published = new LruCache<string, Classifier>(options.publishedCapacity ?? 2000);
  const drafts = new LruCache<string, Classifier>(options.draftCapacity ?? 200);

  function classifierFor(key: string, intents: IntentSpec[], threshold: number): Classifier {
    const draft = isDraftModelKey(key);
    const cacheKey = draft ? `${key}#${fingerprint(intents, threshold)}` : key;
    const cache = draft ? drafts : published;
    let classifier = cache.get(cacheKey);
    if (!classifier) {
      classifier = train(intents, { threshold });
      cache.set(cacheKey, classifier);
    }
    return classifier;
  }

  return {
    match({ key, intents, threshold, text }) {
      return classifierFor(key, intents, threshold).classify(text);
    },
    warm({ key, intents, threshold }) {
      classifierFor(key, intents, threshold);
    },
    get size() {
      return published.size + drafts.size;
    },
  };
}

function fingerprint(intents: IntentSpec[], threshold: number): string {
  return createHash("sha1").update(JSON.stringify([threshold, intents])).digest("base64url");
}
