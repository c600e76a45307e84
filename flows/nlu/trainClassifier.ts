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

export interface ScoredText {
  scores: Float64Array; // combined score per intent
  known: number; // share of the input's (IDF-weighted) feature mass known to the model
}

/** Features of unseen *combinations* (word bigrams, Han 2/3-grams, char trigrams). */
function isNgramKey(k: string): boolean {
  const c0 = k.charCodeAt(0);
  if (c0 === 104 /* h */) return k.charCodeAt(1) !== 49; // h2:, h3: (not h1:)
  return c0 === 98 /* b */ || c0 === 99; /* c */
}

/** Inverted index in CSR layout: one Map lookup per query feature, few heap objects. */
interface Index {
  featureId: Map<string, number>;
  idf: Float64Array;
  pStart: Int32Array; // postings of feature f: [pStart[f], pStart[f+1])
  pIds: Int32Array; // phrase ids
  pW: Float32Array; // L2-normalised TF-IDF weight in that phrase
  cStart: Int32Array;
  cIds: Int32Array; // intent ids
  cW: Float32Array; // weight in the normalised intent centroid
  phraseIntent: Int32Array;
  trainedIntents: number;
}

function buildIndex(intents: IntentDefinition[], config: ClassifierConfig): Index {
  const featureId = new Map<string, number>();
  const phraseKeys: number[][] = [];
  const phraseVals: number[][] = [];
  const phraseIntent: number[] = [];
  const dfList: number[] = [];
  let trainedIntents = 0;
  intents.forEach((def, idx) => {
    const seen = new Set<string>();
    const intentFeatures = new Set<number>();
    for (const p of Array.isArray(def?.phrases) ? def.phrases : []) {
      if (typeof p !== "string") continue;
      const f = extractFeatures(p, config.features);
      if (f.size === 0) continue;
      const sig = [...f.keys()].sort().join("|");
      if (seen.has(sig)) continue; // identical after normalisation
      seen.add(sig);
      const keys: number[] = [];
      const vals: number[] = [];
      for (const [k, w] of f) {
        let id = featureId.get(k);
        if (id === undefined) {
          id = dfList.length;
          featureId.set(k, id);
          dfList.push(0);
        }
        keys.push(id);
        vals.push(w);
        intentFeatures.add(id);
      }
      phraseKeys.push(keys);
      phraseVals.push(vals);
      phraseIntent.push(idx);
    }
    if (seen.size > 0) trainedIntents += 1;
    for (const id of intentFeatures) dfList[id] += 1;
  });
  const N = Math.max(trainedIntents, 1);
  const nF = dfList.length;
  const idf = new Float64Array(nF);
  for (let f = 0; f < nF; f++) idf[f] = Math.log(1 + N / dfList[f]);

  // phrase postings (CSR)
  const pCount = new Int32Array(nF + 1);
  for (const keys of phraseKeys) for (const k of keys) pCount[k + 1]++;
  for (let f = 0; f < nF; f++) pCount[f + 1] += pCount[f];
  const pStart = pCount.slice();
  const fill = pCount.slice();
  const pIds = new Int32Array(pStart[nF]);
  const pW = new Float32Array(pStart[nF]);
  // centroids accumulated densely per intent over its own features
  const centroid: Array<Map<number, number>> = intents.map(() => new Map());
  phraseKeys.forEach((keys, pid) => {
    const vals = phraseVals[pid];
    let norm = 0;
    for (let j = 0; j < keys.length; j++) {
      vals[j] *= idf[keys[j]];
      norm += vals[j] * vals[j];
    }
    norm = Math.sqrt(norm) || 1;
    const c = centroid[phraseIntent[pid]];
    for (let j = 0; j < keys.length; j++) {
      const y = vals[j] / norm;
      const at = fill[keys[j]]++;
      pIds[at] = pid;
      pW[at] = y;
      c.set(keys[j], (c.get(keys[j]) ?? 0) + y);
    }
  });
  // centroid postings (CSR)
  const cCount = new Int32Array(nF + 1);
  for (const c of centroid) for (const k of c.keys()) cCount[k + 1]++;
  for (let f = 0; f < nF; f++) cCount[f + 1] += cCount[f];
  const cStart = cCount.slice();
  const cFill = cCount.slice();
  const cIds = new Int32Array(cStart[nF]);
  const cW = new Float32Array(cStart[nF]);
  centroid.forEach((c, iid) => {
    let norm = 0;
    for (const x of c.values()) norm += x * x;
    norm = Math.sqrt(norm) || 1;
    for (const [k, x] of c) {
      const at = cFill[k]++;
      cIds[at] = iid;
      cW[at] = x / norm;
    }
  });
  return { featureId, idf, pStart, pIds, pW, cStart, cIds, cW, phraseIntent: Int32Array.from(phraseIntent), trainedIntents };
}

/** Train a per-node intent classifier (TF-IDF n-grams + nearest neighbours/centroids + calibrated OOS detection). */
export function trainClassifier(
  intents: IntentDefinition[],
  options: ClassifierOptions = {},
  config: ClassifierConfig = DEFAULT_CLASSIFIER_CONFIG,
): IntentClassifier & { score(text: string): ScoredText } {
  const defs = Array.isArray(intents) ? intents : [];
  const names = defs.map((i) => String(i?.name ?? ""));
  const nIntents = names.length;
  const userThreshold = Math.min(1, Math.max(0, Number(options?.threshold) || 0));
  const { featureId, idf, pStart, pIds, pW, cStart, cIds, cW, phraseIntent, trainedIntents } = buildIndex(defs, config);
  const N = Math.max(trainedIntents, 1);
  const unknownIdf = Math.log(1 + N) * config.unknownIdf;
  const unknownNgramIdf = unknownIdf * config.unknownNgram;
  const nPhrases = phraseIntent.length;

  // scratch buffers reused across calls (classification is synchronous)
  const phraseScore = new Float64Array(nPhrases);
  const touched = new Int32Array(nPhrases);
  const best1 = new Float64Array(nIntents);
  const best2 = new Float64Array(nIntents);
  const centScore = new Float64Array(nIntents);
  const qEntries: number[] = [];
  const qWeights: number[] = [];

  function score(text: string): ScoredText {
    const scores = new Float64Array(nIntents);
    const f = typeof text === "string" && nPhrases > 0 ? extractFeatures(text, config.features) : undefined;
    if (!f || f.size === 0) return { scores, known: 0 };
    let norm = 0;
    let knownMass = 0;
    qEntries.length = 0;
    qWeights.length = 0;
    for (const [k, w] of f) {
      const e = featureId.get(k);
      if (e !== undefined) {
        const x = w * idf[e];
        norm += x * x;
        knownMass += x * x;
        qEntries.push(e);
        qWeights.push(x);
      } else {
        const x = w * (isNgramKey(k) ? unknownNgramIdf : unknownIdf);
        norm += x * x;
      }
    }
    if (qEntries.length === 0) return { scores, known: 0 };
    norm = Math.sqrt(norm);
    best1.fill(0);
    best2.fill(0);
    centScore.fill(0);
    let nTouched = 0;
    for (let qi = 0; qi < qEntries.length; qi++) {
      const e = qEntries[qi];
      const y = qWeights[qi] / norm;
      for (let j = pStart[e], end = pStart[e + 1]; j < end; j++) {
        const id = pIds[j];
        if (phraseScore[id] === 0) touched[nTouched++] = id;
        phraseScore[id] += y * pW[j];
      }
      for (let j = cStart[e], end = cStart[e + 1]; j < end; j++) centScore[cIds[j]] += y * cW[j];
    }
    for (let t = 0; t < nTouched; t++) {
      const id = touched[t];
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
