import { DEFAULT_FEATURE_WEIGHTS, extractFeatures, type FeatureWeights } from "./extractFeatures";
import type { ClassifierOptions, IntentCandidate, IntentClassifier, IntentDefinition, IntentMatch } from "./types";

/**
 * Internal model constants. Chosen on the dev split (flows/nlu/eval/dev) and
 * leave-one-out on training phrases, never on the held-out eval sets.
 */
export interface ClassifierConfig {
  features: FeatureWeights;
  /** weight of the nearest-neighbour score vs the intent-centroid score */
  knnWeight: number;
  /** share of the 2nd-nearest phrase in the neighbour score */
  secondNeighbour: number;
  /** IDF multiplier for features never seen in training (penalises unknown content) */
  unknownIdf: number;
  /** extra factor for unseen *combinations* (word bigrams, Han 2/3-grams, char-grams): new combos of known units are weak evidence of new content */
  unknownNgram: number;
  /** logistic calibration: bias, top score, margin to runner-up, known-weight share */
  calib: [number, number, number, number];
  /** built-in out-of-scope cut on the calibrated confidence */
  cut: number;
}

export const DEFAULT_CLASSIFIER_CONFIG: ClassifierConfig = {
  features: DEFAULT_FEATURE_WEIGHTS,
  knnWeight: 0.4,
  secondNeighbour: 0.3,
  unknownIdf: 0.8,
  unknownNgram: 0.5,
  calib: [-3.21, 5.49, 4.22, 2.04],
  cut: 0.5,
};

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

interface Posting {
  ids: number[];
  weights: number[];
}

export interface ScoredText {
  scores: Float64Array; // combined score per intent
  known: number; // share of the input's (IDF-weighted) feature mass known to the model
}

/** Train a per-node intent classifier (TF-IDF n-grams + nearest neighbours/centroids + calibrated OOS detection). */
export function trainClassifier(
  intents: IntentDefinition[],
  options: ClassifierOptions = {},
  config: ClassifierConfig = DEFAULT_CLASSIFIER_CONFIG,
): IntentClassifier & { score(text: string): ScoredText } {
  const names = intents.map((i) => i.name);
  const nIntents = names.length;
  const userThreshold = Math.min(1, Math.max(0, options.threshold ?? 0));

  // ---- featurise (dedupe identical phrases per intent) ----
  const phraseFeats: Array<Map<string, number>> = [];
  const phraseIntent: number[] = [];
  const df = new Map<string, number>();
  let trainedIntents = 0;
  intents.forEach((def, idx) => {
    const seen = new Set<string>();
    const intentFeatures = new Set<string>();
    for (const p of def.phrases ?? []) {
      if (typeof p !== "string") continue;
      const f = extractFeatures(p, config.features);
      if (f.size === 0) continue;
      const sig = [...f.keys()].sort().join("|");
      if (seen.has(sig)) continue;
      seen.add(sig);
      phraseFeats.push(f);
      phraseIntent.push(idx);
      for (const k of f.keys()) intentFeatures.add(k);
    }
    if (seen.size > 0) trainedIntents += 1;
    for (const k of intentFeatures) df.set(k, (df.get(k) ?? 0) + 1);
  });
  const N = Math.max(trainedIntents, 1);
  const idf = new Map<string, number>();
  for (const [k, d] of df) idf.set(k, Math.log(1 + N / d));
  const unknownIdf = Math.log(1 + N) * config.unknownIdf;
  const unknownNgramIdf = unknownIdf * config.unknownNgram;
  const isNgram = (k: string) => k.startsWith("h2:") || k.startsWith("h3:") || k.startsWith("b:") || k.startsWith("c:");

  // ---- phrase vectors, centroids, inverted indexes ----
  const phrasePost = new Map<string, Posting>();
  const centroid: Array<Map<string, number>> = names.map(() => new Map());
  phraseFeats.forEach((f, pid) => {
    let norm = 0;
    const v: Array<[string, number]> = [];
    for (const [k, w] of f) {
      const x = w * (idf.get(k) as number);
      v.push([k, x]);
      norm += x * x;
    }
    norm = Math.sqrt(norm) || 1;
    const c = centroid[phraseIntent[pid]];
    for (const [k, x] of v) {
      const y = x / norm;
      let post = phrasePost.get(k);
      if (!post) phrasePost.set(k, (post = { ids: [], weights: [] }));
      post.ids.push(pid);
      post.weights.push(y);
      c.set(k, (c.get(k) ?? 0) + y);
    }
  });
  const centPost = new Map<string, Posting>();
  centroid.forEach((c, iid) => {
    let norm = 0;
    for (const x of c.values()) norm += x * x;
    norm = Math.sqrt(norm) || 1;
    for (const [k, x] of c) {
      let post = centPost.get(k);
      if (!post) centPost.set(k, (post = { ids: [], weights: [] }));
      post.ids.push(iid);
      post.weights.push(x / norm);
    }
  });

  const nPhrases = phraseFeats.length;
  const phraseScore = new Float64Array(nPhrases);
  const touched: number[] = [];
  const best1 = new Float64Array(nIntents);
  const best2 = new Float64Array(nIntents);
  const centScore = new Float64Array(nIntents);

  function score(text: string): ScoredText {
    const scores = new Float64Array(nIntents);
    const f = typeof text === "string" ? extractFeatures(text, config.features) : new Map<string, number>();
    if (f.size === 0 || nPhrases === 0) return { scores, known: 0 };
    let norm = 0;
    let knownMass = 0;
    const q: Array<[string, number]> = [];
    for (const [k, w] of f) {
      const i = idf.get(k);
      const x = w * (i ?? (isNgram(k) ? unknownNgramIdf : unknownIdf));
      norm += x * x;
      if (i !== undefined) {
        knownMass += x * x;
        q.push([k, x]);
      }
    }
    if (q.length === 0) return { scores, known: 0 };
    norm = Math.sqrt(norm);
    best1.fill(0);
    best2.fill(0);
    centScore.fill(0);
    touched.length = 0;
    for (const [k, x] of q) {
      const y = x / norm;
      const pp = phrasePost.get(k);
      if (pp) {
        const { ids, weights } = pp;
        for (let j = 0; j < ids.length; j++) {
          const id = ids[j];
          if (phraseScore[id] === 0) touched.push(id);
          phraseScore[id] += y * weights[j];
        }
      }
      const cp = centPost.get(k);
      if (cp) {
        const { ids, weights } = cp;
        for (let j = 0; j < ids.length; j++) centScore[ids[j]] += y * weights[j];
      }
    }
    for (const id of touched) {
      const s = phraseScore[id];
      phraseScore[id] = 0;
      const it = phraseIntent[id];
      if (s > best1[it]) {
        best2[it] = best1[it];
        best1[it] = s;
      } else if (s > best2[it]) best2[it] = s;
    }
    const a = config.knnWeight;
    const b = config.secondNeighbour;
    for (let i = 0; i < nIntents; i++) {
      const knn = (1 - b) * best1[i] + b * best2[i];
      scores[i] = a * knn + (1 - a) * centScore[i];
    }
    return { scores, known: knownMass / (norm * norm) };
  }

  function classify(text: string): IntentMatch {
    const { scores, known } = score(text);
    // top 3 (+1 for the margin of the 3rd)
    const order: number[] = [];
    for (let i = 0; i < nIntents; i++) {
      let pos = order.length;
      while (pos > 0 && scores[order[pos - 1]] < scores[i]) pos--;
      if (pos < 4) {
        order.splice(pos, 0, i);
        if (order.length > 4) order.pop();
      }
    }
    const [c0, c1, c2, c3] = config.calib;
    const candidates: IntentCandidate[] = [];
    for (let r = 0; r < Math.min(3, order.length); r++) {
      const s = scores[order[r]];
      const other = r === 0 ? (order.length > 1 ? scores[order[1]] : 0) : scores[order[0]];
      const conf = s > 0 ? sigmoid(c0 + c1 * s + c2 * (s - other) + c3 * known) : 0;
      candidates.push({ intent: names[order[r]], confidence: Math.round(conf * 1e4) / 1e4 });
    }
    // keep candidates sorted even after rounding ties
    candidates.sort((x, y) => y.confidence - x.confidence || 0);
    const top = candidates[0];
    const confidence = top ? top.confidence : 0;
    const outOfScope = !top || confidence <= 0 || confidence < config.cut || confidence < userThreshold;
    return { intent: outOfScope ? null : top.intent, confidence, candidates, outOfScope };
  }

  return { classify, score, intents: names.slice() };
}
