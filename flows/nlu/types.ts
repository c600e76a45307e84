export interface IntentDefinition {
  name: string;
  phrases: string[];
}

export interface IntentCandidate {
  intent: string;
  /** calibrated estimate (0..1) that this intent is the right one */
  confidence: number;
}

export interface IntentMatch {
  /** null when out of scope (fallback) */
  intent: string | null;
  /** confidence of the top candidate */
  confidence: number;
  /** top 3, best first (also when out of scope) */
  candidates: IntentCandidate[];
  outOfScope: boolean;
}

export interface ClassifierOptions {
  /**
   * Extra confidence threshold (0..1) applied on top of the built-in
   * out-of-scope detection: a match whose confidence is below it goes to
   * fallback even if the built-in detector accepted it. Default 0 (built-in only;
   * the built-in detector already rejects matches with confidence below 0.5).
   */
  threshold?: number;
}

export interface IntentClassifier {
  classify(text: string): IntentMatch;
  readonly intents: string[];
  /**
   * Plain-JSON snapshot of the trained model (structured-clone / JSON safe), to
   * rebuild it cheaply with loadClassifier() — e.g. train in a worker thread and
   * hand the model to the main thread.
   */
  toJSON(): unknown;
  /**
   * The same snapshot with its number arrays as typed arrays: what a worker
   * thread posts to the main thread (structured clone copies typed arrays as
   * blocks, several times faster than plain arrays of that size).
   */
  snapshot(): unknown;
}
