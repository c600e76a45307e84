// The intent matcher port: trained classifiers cached per training-set key.
// Published versions are immutable, so `${flowVersionId}:${nodeId}` keys are
// trained once and kept (LRU-bounded). Draft keys (the designer's test chat,
// prefix "draft") change as staff edit, so the key gets a hash of the training
// data and an edit retrains. Training runs off the request path (a worker
// thread): a turn that needs an untrained model waits for it without blocking
// other conversations.
import { createHash } from "node:crypto";
import type { IntentMatcher, IntentSpec } from "../../flows/engine/types";
import type { IntentMatch } from "../../flows/nlu";
import { LruCache } from "./lruCache";
import { trainInWorker } from "./background";

interface Classifier {
  classify(text: string): IntentMatch;
}

export interface NluPortOptions {
  /** Trained classifiers kept for published versions (and built-ins). */
  publishedCapacity?: number;
  /** Trained classifiers kept for drafts. */
  draftCapacity?: number;
  train?: (intents: IntentSpec[], options: { threshold: number }) => Classifier | Promise<Classifier>;
}

export interface NluPort extends IntentMatcher {
  /** Trains (if not cached) without classifying: used to warm a version's intent nodes. */
  warm(request: { key: string; intents: IntentSpec[]; threshold: number }): Promise<void>;
  /** How many classifiers are cached (for tests and health). */
  readonly size: number;
}

export function isDraftModelKey(key: string): boolean {
  return key.startsWith("draft");
}

export function createNluPort(options: NluPortOptions = {}): NluPort {
  const train = options.train ?? trainInWorker;
  const published = new LruCache<string, Classifier>(options.publishedCapacity ?? 2000);
  const drafts = new LruCache<string, Classifier>(options.draftCapacity ?? 200);
  const training = new Map<string, Promise<Classifier>>();

  /** The cached classifier, or a promise of it while it trains (one training per key at a time). */
  function classifierFor(key: string, intents: IntentSpec[], threshold: number): Classifier | Promise<Classifier> {
    const draft = isDraftModelKey(key);
    const cacheKey = draft ? `${key}#${fingerprint(intents, threshold)}` : key;
    const cache = draft ? drafts : published;
    const cached = cache.get(cacheKey);
    if (cached) return cached;
    const inFlight = training.get(cacheKey);
    if (inFlight) return inFlight;
    const trained = Promise.resolve(train(intents, { threshold })).then(
      (classifier) => {
        cache.set(cacheKey, classifier);
        training.delete(cacheKey);
        return classifier;
      },
      (error: unknown) => {
        training.delete(cacheKey);
        throw error;
      },
    );
    training.set(cacheKey, trained);
    return trained;
  }

  return {
    match({ key, intents, threshold, text }) {
      const classifier = classifierFor(key, intents, threshold);
      return classifier instanceof Promise ? classifier.then((ready) => ready.classify(text)) : classifier.classify(text);
    },
    async warm({ key, intents, threshold }) {
      await classifierFor(key, intents, threshold);
    },
    get size() {
      return published.size + drafts.size;
    },
  };
}

function fingerprint(intents: IntentSpec[], threshold: number): string {
  return createHash("sha1").update(JSON.stringify([threshold, intents])).digest("base64url");
}
