import { DEFAULT_FEATURE_WEIGHTS, extractFeatures, type FeatureWeights } from "./extractFeatures";
import { BACKGROUND_EXAMPLES } from "./background";
import type { ClassifierOptions, IntentCandidate, IntentClassifier, IntentDefinition, IntentMatch } from "./types";

/**
 * Internal model constants. Chosen on the dev splits (flows/nlu/eval/dev) and
 * cross-validation on training phrases, never on the held-out eval sets.
 */
export interface ClassifierConfig {
  features: FeatureWeights;
  /** weight of the nearest-neighbour score vs the intent-centroid score */
  knnWeight: number;
  /** share of the 2nd-nearest phrase in the neighbour score */
  secondNeighbour: number;
  /** WordNet synonym-set features found in more than this share of the intents are dropped */
  maxSenseShare: number;
  /** IDF multiplier for features never seen in training (penalises unknown content) */
  unknownIdf: number;
  /** extra factor for unseen *combinations* (word bigrams, Han 2/3-grams, char-grams): new combos of known units are weak evidence of new content */
  unknownNgram: number;
  /** share of the discriminative (softmax) head in the combined intent score (0 = similarity only) */
  headWeight: number;
  /** softmax head training: epochs, learning rate, L2, feature-dropout probability */
  headEpochs: number;
  headRate: number;
  headL2: number;
  headDropout: number;
  /** cap on multiply-adds spent training the head (keeps 200 intents x 20 phrases fast) */
  headBudget: number;
  /** largest features x intents for which the head is dense (all pairs); above it, only pairs seen in training */
  denseHeadMax: number;
  /** logistic calibration of the top candidate: bias, combined score, margin to runner-up, known-feature share, similarity score, background probability */
  calib: [number, number, number, number, number, number];
  /** calibration (bias, score, margin, known share) used when there is no head (single-intent classifiers): the previous model's, unchanged */
  simOnlyCalib: [number, number, number, number];
  /** built-in out-of-scope cut on the calibrated confidence */
  cut: number;
  /** learn from the built-in background examples (general out-of-scope messages, flows/nlu/background) as one more head class */
  background: boolean;
  /** background examples closer than this (cosine) to a training phrase are left out: they may be in scope for this flow */
  backgroundMaxSim: number;
  /** background examples seen per head epoch, as a multiple of the number of training phrases */
  backgroundPerEpoch: number;
}

export const DEFAULT_CLASSIFIER_CONFIG: ClassifierConfig = {
  features: DEFAULT_FEATURE_WEIGHTS,
  knnWeight: 0.4,
  secondNeighbour: 0.3,
  maxSenseShare: 0.5,
  unknownIdf: 0.8,
  unknownNgram: 0.5,
  headWeight: 0.7,
  headEpochs: 40,
  headRate: 3,
  headL2: 1e-4,
  headDropout: 0.3,
  headBudget: 3e7,
  denseHeadMax: 4e5,
  // Weights fitted on the tuning splits + CV (eval/dev/exp.ts --fit, FEATS=0,1,2,3,4,7). The bias is
  // then set so the mean out-of-scope recall of the fresh splits dev4-dev7 stays where the model
  // without background examples had it (77.7%): MATCHON=fresh TARGET=0.777 exp.ts --matched.
  // Background examples mostly catch general chit-chat, so they are not allowed to buy in-scope
  // accuracy with near-domain out-of-scope recall. Re-match the bias whenever the thesaurus or
  // the background examples change.
  calib: [-0.42, 1.24, 4, 1.16, 1.35, -1.18],
  simOnlyCalib: [-3.21, 5.49, 4.22, 2.04],
  cut: 0.5,
  background: true,
  backgroundMaxSim: 0.6,
  backgroundPerEpoch: 1,
};

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

export interface ScoredText {
  scores: Float64Array; // combined score per intent
  sim: Float64Array; // similarity score per intent
  head: Float64Array; // softmax-head probability per intent
  known: number; // share of the input's (IDF-weighted) feature mass known to the model
}

/** IDF given to features the intents never used: [single units, combinations (isNgramKey)]. */
function unknownIdfs(trainedIntents: number, config: ClassifierConfig): [number, number] {
  const idf = Math.log(1 + Math.max(trainedIntents, 1)) * config.unknownIdf;
  return [idf, idf * config.unknownNgram];
}

/** Features of unseen *combinations* (word bigrams, Han 2/3-grams, char trigrams, concept pairs) and dictionary-derived features. */
function isNgramKey(k: string): boolean {
  const c0 = k.charCodeAt(0);
  if (c0 === 104 /* h */) return k.charCodeAt(1) !== 49; // h2:, h3: (not h1:)
  // s: WordNet synonym sets, derived from words already penalised as unknown
  return c0 === 98 /* b */ || c0 === 99 /* c */ || c0 === 115 /* s */ || c0 === 112; /* p: concept pairs */
}

/**
 * The trained model: plain data (typed arrays + strings), so it can be serialised
 * with toJSON() and rebuilt with loadClassifier() without re-training.
 * Inverted index in CSR layout: one Map lookup per query feature, few heap objects.
 */
interface Model {
  names: string[];
  featureKeys: string[]; // feature id -> key
  idf: Float64Array;
  pStart: Int32Array; // postings of feature f: [pStart[f], pStart[f+1])
  pIds: Int32Array; // phrase ids
  pW: Float32Array; // L2-normalised TF-IDF weight in that phrase
  cStart: Int32Array;
  cIds: Int32Array; // intent ids
  cW: Float32Array; // weight in the normalised intent centroid
  hW: Float32Array; // softmax-head weight of (feature, intent) for the same postings as cIds
  hBias: Float32Array; // softmax-head bias per intent, plus one for the background class when there is one
  phraseIntent: Int32Array;
  trainedIntents: number;
}

interface Built extends Model {
  // phrase vectors (CSR by phrase), only needed while training
  vStart: Int32Array;
  vF: Int32Array;
  vW: Float32Array;
  // background examples (CSR), head training only: label = names.length
  bStart: Int32Array;
  bF: Int32Array;
  bW: Float32Array;
}

function buildIndex(intents: IntentDefinition[], names: string[], config: ClassifierConfig, background: readonly string[]): Built {
  const featureId = new Map<string, number>();
  const featureKeys: string[] = [];
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
          featureKeys.push(k);
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
  // WordNet synonym sets shared by many intents say little and cost the most at classification
  // time (long postings): they get no weight and are left out of the index.
  const maxSenseDf = Math.max(2, config.maxSenseShare * N);
  let dropped = false;
  for (let f = 0; f < nF; f++)
    if (dfList[f] > maxSenseDf && featureKeys[f].charCodeAt(0) === 115 /* s */) {
      idf[f] = 0;
      dropped = true;
    }
  if (dropped)
    for (let p = 0; p < phraseKeys.length; p++) {
      const keep = phraseKeys[p].map((k) => idf[k] > 0);
      phraseKeys[p] = phraseKeys[p].filter((_, j) => keep[j]);
      phraseVals[p] = phraseVals[p].filter((_, j) => keep[j]);
    }

  // phrase vectors (CSR by phrase) and phrase postings (CSR by feature)
  const nP = phraseKeys.length;
  const vStart = new Int32Array(nP + 1);
  for (let p = 0; p < nP; p++) vStart[p + 1] = vStart[p] + phraseKeys[p].length;
  const vF = new Int32Array(vStart[nP]);
  const vW = new Float32Array(vStart[nP]);
  const pCount = new Int32Array(nF + 1);
  for (const keys of phraseKeys) for (const k of keys) pCount[k + 1]++;
  for (let f = 0; f < nF; f++) pCount[f + 1] += pCount[f];
  const pStart = pCount.slice();
  const fill = pCount.slice();
  const pIds = new Int32Array(pStart[nF]);
  const pW = new Float32Array(pStart[nF]);
  // centroids accumulated per intent over its own features
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
      vF[vStart[pid] + j] = keys[j];
      vW[vStart[pid] + j] = y;
      c.set(keys[j], (c.get(keys[j]) ?? 0) + y);
    }
  });
  // background examples: a head-only class (its centroid weights stay zero)
  const bg = config.headWeight > 0 && names.length > 1 ? projectBackground(background, featureId, idf, N, pStart, pIds, pW, nP, config) : undefined;
  if (bg && bg.start.length > 1) {
    const c = new Map<number, number>();
    for (const f of bg.f) c.set(f, 0);
    centroid.push(c);
  }
  // centroid postings (CSR)
  const cCount = new Int32Array(nF + 1);
  // Small models (e.g. 30 intents): the softmax head gets a weight for every (feature, intent)
  // pair, so a feature of one intent is also negative evidence for the others. Large models keep
  // the sparse (seen-pairs-only) head for speed and memory. Zero centroid weights leave the
  // similarity scores unchanged.
  if (config.headWeight > 0 && names.length > 1 && nF * names.length <= config.denseHeadMax)
    for (const c of centroid) for (let k = 0; k < nF; k++) if (!c.has(k)) c.set(k, 0);
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
  return {
    names,
    featureKeys,
    idf,
    pStart,
    pIds,
    pW,
    cStart,
    cIds,
    cW,
    hW: new Float32Array(cIds.length),
    hBias: new Float32Array(centroid.length),
    phraseIntent: Int32Array.from(phraseIntent),
    trainedIntents,
    vStart,
    vF,
    vW,
    bStart: bg?.start ?? new Int32Array(1),
    bF: bg?.f ?? new Int32Array(0),
    bW: bg?.w ?? new Float32Array(0),
  };
}

// The background examples' features depend only on the feature weights: extracted once, not at every training.
let backgroundCache: { texts: readonly string[]; weights: FeatureWeights; features: Array<Map<string, number>> } | undefined;
function backgroundFeatures(texts: readonly string[], weights: FeatureWeights): Array<Map<string, number>> {
  if (backgroundCache?.texts !== texts || backgroundCache.weights !== weights)
    backgroundCache = { texts, weights, features: texts.map((t) => extractFeatures(t, weights)) };
  return backgroundCache.features;
}

/**
 * Background examples (general out-of-scope messages) as head training vectors, restricted to
 * the features the intents know: the same vector the classifier sees for that text at run time
 * (unknown features count in the norm only). Examples with nothing known, or too close to a
 * training phrase (they may be in scope for this flow), are left out.
 */
function projectBackground(
  texts: readonly string[],
  featureId: Map<string, number>,
  idf: Float64Array,
  trainedIntents: number,
  pStart: Int32Array,
  pIds: Int32Array,
  pW: Float32Array,
  nPhrases: number,
  config: ClassifierConfig,
): { start: Int32Array; f: Int32Array; w: Float32Array } {
  const [unknownIdf, unknownNgramIdf] = unknownIdfs(trainedIntents, config); // as at classification time
  const start: number[] = [0];
  const fs: number[] = [];
  const ws: number[] = [];
  const sim = new Float64Array(nPhrases);
  for (const feats of backgroundFeatures(texts, config.features)) {
    let norm = 0;
    const ids: number[] = [];
    const xs: number[] = [];
    for (const [k, w] of feats) {
      const e = featureId.get(k);
      const x = w * (e !== undefined ? idf[e] : isNgramKey(k) ? unknownNgramIdf : unknownIdf);
      norm += x * x;
      if (e !== undefined && idf[e] > 0) {
        ids.push(e);
        xs.push(x);
      }
    }
    if (ids.length === 0) continue;
    norm = Math.sqrt(norm);
    sim.fill(0);
    let maxSim = 0;
    for (let j = 0; j < ids.length; j++)
      for (let t = pStart[ids[j]], te = pStart[ids[j] + 1]; t < te; t++) {
        const v = (sim[pIds[t]] += (xs[j] / norm) * pW[t]);
        if (v > maxSim) maxSim = v;
      }
    if (maxSim >= config.backgroundMaxSim) continue;
    for (let j = 0; j < ids.length; j++) {
      fs.push(ids[j]);
      ws.push(xs[j] / norm);
    }
    start.push(fs.length);
  }
  return { start: Int32Array.from(start), f: Int32Array.from(fs), w: Float32Array.from(ws) };
}

/** Deterministic pseudo-random generator (mulberry32). */
function rng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Discriminative head: multinomial logistic regression on the phrase TF-IDF
 * vectors, with weights restricted to the (feature, intent) pairs seen in
 * training (the centroid postings), so it stays sparse for 200+ intents.
 * Trained by SGD with feature dropout (each epoch sees each phrase with ~30%
 * of its features removed), which mimics partially-known user input.
 * With background examples, one more class learns what general out-of-scope
 * text looks like in this flow's vocabulary; each epoch sees a fresh sample of them.
 */
function trainHead(m: Built, config: ClassifierConfig): void {
  const nP = m.phraseIntent.length;
  const C = m.hBias.length; // intents (+ background)
  if (nP === 0 || m.names.length < 2 || config.headWeight <= 0) return;
  const { vStart, vF, vW, bStart, bF, bW, cStart, cIds, hW, hBias, phraseIntent } = m;
  const nB = bStart.length - 1;
  const bPerEpoch = Math.min(nB, Math.round(config.backgroundPerEpoch * nP));
  const nS = nP + bPerEpoch;
  // cost of one pass: sum over phrase features of their support size (x2 for forward + update) + softmax
  let passCost = 0;
  for (let j = 0; j < vF.length; j++) passCost += 2 * (cStart[vF[j] + 1] - cStart[vF[j]]);
  if (nB > 0) for (let j = 0; j < bF.length; j++) passCost += ((2 * (cStart[bF[j] + 1] - cStart[bF[j]])) * bPerEpoch) / nB;
  passCost += nS * C * 2;
  const epochs = Math.max(1, Math.min(config.headEpochs, Math.floor(config.headBudget / Math.max(passCost, 1))));
  const z = new Float64Array(C);
  const keep = new Uint8Array(64);
  const order = new Int32Array(nS);
  const pOrder = new Int32Array(nP);
  for (let i = 0; i < nP; i++) pOrder[i] = i;
  const bOrder = new Int32Array(nB);
  for (let i = 0; i < nB; i++) bOrder[i] = i;
  const rand = rng(1234567);
  const shuffle = (a: Int32Array, n: number) => {
    for (let i = n - 1; i > 0; i--) {
      const k = Math.floor(rand() * (i + 1));
      const t = a[i];
      a[i] = a[k];
      a[k] = t;
    }
  };
  const q = config.headDropout;
  const l2 = config.headL2;
  for (let ep = 0; ep < epochs; ep++) {
    const lr = config.headRate / (1 + (2 * ep) / epochs);
    shuffle(pOrder, nP);
    order.set(pOrder);
    if (bPerEpoch > 0) {
      shuffle(bOrder, nB);
      for (let i = 0; i < bPerEpoch; i++) order[nP + i] = nP + bOrder[i];
      shuffle(order, nS);
    }
    for (let oi = 0; oi < nS; oi++) {
      const p = order[oi];
      const isBg = p >= nP;
      const fArr = isBg ? bF : vF;
      const wArr = isBg ? bW : vW;
      const s = isBg ? bStart[p - nP] : vStart[p];
      const e = isBg ? bStart[p - nP + 1] : vStart[p + 1];
      const n = e - s;
      const y = isBg ? C - 1 : phraseIntent[p];
      for (let c = 0; c < C; c++) z[c] = hBias[c];
      let kept = 0;
      for (let j = 0; j < n; j++) {
        const on = j >= 64 || ep === 0 || rand() >= q ? 1 : 0; // first epoch: full phrases
        if (j < 64) keep[j] = on;
        if (!on) continue;
        kept++;
        const f = fArr[s + j];
        const x = wArr[s + j];
        for (let t = cStart[f], te = cStart[f + 1]; t < te; t++) z[cIds[t]] += x * hW[t];
      }
      if (kept === 0) continue;
      let max = -Infinity;
      for (let c = 0; c < C; c++) if (z[c] > max) max = z[c];
      let sum = 0;
      for (let c = 0; c < C; c++) {
        z[c] = Math.exp(z[c] - max);
        sum += z[c];
      }
      for (let c = 0; c < C; c++) z[c] = z[c] / sum - (c === y ? 1 : 0); // gradient of the logits
      for (let c = 0; c < C; c++) hBias[c] -= lr * 0.1 * z[c];
      for (let j = 0; j < n; j++) {
        if (j < 64 && !keep[j]) continue;
        const f = fArr[s + j];
        const x = wArr[s + j];
        for (let t = cStart[f], te = cStart[f + 1]; t < te; t++) hW[t] -= lr * (z[cIds[t]] * x + l2 * hW[t]);
      }
    }
  }
}

type Scorer = IntentClassifier & { score(text: string): ScoredText };

function makeClassifier(m: Model, config: ClassifierConfig, userThreshold: number): Scorer {
  const { names, featureKeys, idf, pStart, pIds, pW, cStart, cIds, cW, hW, hBias, phraseIntent, trainedIntents } = m;
  const nIntents = names.length;
  const nClasses = hBias.length; // intents (+ background)
  const featureId = new Map<string, number>();
  for (let i = 0; i < featureKeys.length; i++) featureId.set(featureKeys[i], i);
  const [unknownIdf, unknownNgramIdf] = unknownIdfs(trainedIntents, config);
  const nPhrases = phraseIntent.length;
  const hasHead = config.headWeight > 0 && nIntents > 1 && hW.some((x) => x !== 0);
  const headWeight = hasHead ? config.headWeight : 0;

  // scratch buffers reused across calls (classification is synchronous)
  const phraseScore = new Float64Array(nPhrases);
  const touched = new Int32Array(nPhrases);
  const best1 = new Float64Array(nIntents);
  const best2 = new Float64Array(nIntents);
  const centScore = new Float64Array(nClasses);
  const headZ = new Float64Array(nClasses);
  const simBuf = new Float64Array(nIntents);
  const scoreBuf = new Float64Array(nIntents);
  let qEntries = new Int32Array(64);
  let qWeights = new Float64Array(64);
  const order = new Int32Array(4);

  /** Fills simBuf, headZ (probabilities), scoreBuf; returns the known share (-1 when nothing is known). */
  function scoreInto(text: string): number {
    scoreBuf.fill(0);
    simBuf.fill(0);
    headZ.fill(0);
    const f = typeof text === "string" && nPhrases > 0 ? extractFeatures(text, config.features) : undefined;
    if (!f || f.size === 0) return -1;
    let norm = 0;
    let knownMass = 0;
    let nq = 0;
    for (const [k, w] of f) {
      const e = featureId.get(k);
      if (e !== undefined) {
        const x = w * idf[e];
        norm += x * x;
        knownMass += x * x;
        if (nq === qEntries.length) {
          const a = new Int32Array(nq * 2);
          a.set(qEntries);
          qEntries = a;
          const b = new Float64Array(nq * 2);
          b.set(qWeights);
          qWeights = b;
        }
        qEntries[nq] = e;
        qWeights[nq] = x;
        nq++;
      } else {
        const x = w * (isNgramKey(k) ? unknownNgramIdf : unknownIdf);
        norm += x * x;
      }
    }
    if (nq === 0) return -1;
    norm = Math.sqrt(norm);
    best1.fill(0);
    best2.fill(0);
    centScore.fill(0);
    for (let i = 0; i < nClasses; i++) headZ[i] = hBias[i];
    let nTouched = 0;
    for (let qi = 0; qi < nq; qi++) {
      const e = qEntries[qi];
      const y = qWeights[qi] / norm;
      for (let j = pStart[e], end = pStart[e + 1]; j < end; j++) {
        const id = pIds[j];
        if (phraseScore[id] === 0) touched[nTouched++] = id;
        phraseScore[id] += y * pW[j];
      }
      for (let j = cStart[e], end = cStart[e + 1]; j < end; j++) {
        centScore[cIds[j]] += y * cW[j];
        headZ[cIds[j]] += y * hW[j];
      }
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
    // softmax of the head logits
    let max = -Infinity;
    for (let i = 0; i < nClasses; i++) if (headZ[i] > max) max = headZ[i];
    let sum = 0;
    for (let i = 0; i < nClasses; i++) {
      headZ[i] = Math.exp(headZ[i] - max);
      sum += headZ[i];
    }
    if (nClasses > nIntents) headZ[nIntents] /= sum;
    const a = config.knnWeight;
    const b = config.secondNeighbour;
    for (let i = 0; i < nIntents; i++) {
      headZ[i] /= sum;
      const knn = (1 - b) * best1[i] + b * best2[i];
      const sim = a * knn + (1 - a) * centScore[i];
      simBuf[i] = sim;
      // the head only re-ranks intents that share evidence with the input
      scoreBuf[i] = sim > 0 ? (1 - headWeight) * sim + headWeight * headZ[i] : 0;
    }
    return knownMass / (norm * norm);
  }

  function score(text: string): ScoredText {
    const known = scoreInto(text);
    return { scores: scoreBuf.slice(), sim: simBuf.slice(), head: headZ.slice(), known: Math.max(known, 0) };
  }

  function classify(text: string): IntentMatch {
    const known = scoreInto(text);
    // top 3 (+1 for the margin of the 3rd)
    let nOrder = 0;
    for (let i = 0; i < nIntents; i++) {
      const s = scoreBuf[i];
      let pos = nOrder;
      while (pos > 0 && scoreBuf[order[pos - 1]] < s) pos--;
      if (pos < 4) {
        for (let k = Math.min(nOrder, 3); k > pos; k--) order[k] = order[k - 1];
        order[pos] = i;
        if (nOrder < 4) nOrder++;
      }
    }
    // with a trained head: the fitted 5-feature calibration; without one (a single
    // intent, e.g. the built-in "talk to a human" detector): the similarity-only one
    const [c0, c1, c2, c3, c4, c5] = hasHead ? config.calib : [...config.simOnlyCalib, 0, 0];
    const background = nClasses > nIntents ? headZ[nIntents] : 0;
    const candidates: IntentCandidate[] = [];
    const kn = Math.max(known, 0);
    for (let r = 0; r < Math.min(3, nOrder); r++) {
      const i = order[r];
      const s = scoreBuf[i];
      const other = r === 0 ? (nOrder > 1 ? scoreBuf[order[1]] : 0) : scoreBuf[order[0]];
      const conf = s > 0 ? sigmoid(c0 + c1 * s + c2 * (s - other) + c3 * kn + c4 * simBuf[i] + c5 * background) : 0;
      candidates.push({ intent: names[i], confidence: Math.round(conf * 1e4) / 1e4 });
    }
    // keep candidates sorted even after rounding ties
    candidates.sort((x, y) => y.confidence - x.confidence || 0);
    const top = candidates[0];
    const confidence = top ? top.confidence : 0;
    const outOfScope = !top || confidence <= 0 || confidence < config.cut || confidence < userThreshold;
    return { intent: outOfScope ? null : top.intent, confidence, candidates, outOfScope };
  }

  function snapshot(): Record<string, unknown> {
    return { format: "switchboard-nlu", version: MODEL_VERSION, threshold: userThreshold, config, ...m };
  }

  function toJSON(): unknown {
    const plain = snapshot();
    for (const [key, value] of Object.entries(plain)) if (ArrayBuffer.isView(value)) plain[key] = Array.from(value as Float64Array);
    return plain;
  }

  return { classify, score, toJSON, snapshot, intents: names.slice() };
}

const MODEL_VERSION = 3;

/** Train a per-node intent classifier (TF-IDF n-grams + nearest neighbours/centroids + softmax head + calibrated OOS detection). */
export function trainClassifier(
  intents: IntentDefinition[],
  options: ClassifierOptions = {},
  config: ClassifierConfig = DEFAULT_CLASSIFIER_CONFIG,
): Scorer {
  const defs = Array.isArray(intents) ? intents : [];
  const names = defs.map((i) => String(i?.name ?? ""));
  const userThreshold = Math.min(1, Math.max(0, Number(options?.threshold) || 0));
  const built = buildIndex(defs, names, config, config.background ? BACKGROUND_EXAMPLES : []);
  trainHead(built, config);
  const { vStart: _s, vF: _f, vW: _w, bStart: _bs, bF: _bf, bW: _bw, ...model } = built;
  return makeClassifier(model, config, userThreshold);
}

/** A plain number array (from JSON) or a typed array (from snapshot()). */
const isNumArr = (x: unknown): x is number[] => ArrayBuffer.isView(x) || (Array.isArray(x) && x.every((v) => typeof v === "number"));

/**
 * Rebuild a trained classifier from `classifier.toJSON()` (e.g. sent from a
 * worker thread) without re-training. Throws on malformed input.
 */
export function loadClassifier(json: unknown): IntentClassifier {
  const o = (typeof json === "string" ? JSON.parse(json) : json) as Record<string, unknown>;
  if (!o || typeof o !== "object" || o.format !== "switchboard-nlu") throw new Error("loadClassifier: not a Switchboard NLU model");
  if (o.version !== MODEL_VERSION) throw new Error(`loadClassifier: unsupported model version ${String(o.version)}`);
  const arrays = ["idf", "pStart", "pIds", "pW", "cStart", "cIds", "cW", "hW", "hBias", "phraseIntent"] as const;
  for (const k of arrays) if (!isNumArr(o[k])) throw new Error(`loadClassifier: "${k}" must be a number array`);
  const names = o.names;
  const featureKeys = o.featureKeys;
  if (!Array.isArray(names) || !names.every((s) => typeof s === "string")) throw new Error('loadClassifier: "names" must be string[]');
  if (!Array.isArray(featureKeys) || !featureKeys.every((s) => typeof s === "string")) throw new Error('loadClassifier: "featureKeys" must be string[]');
  const a = o as unknown as Record<(typeof arrays)[number], number[]>;
  const nF = featureKeys.length;
  if (a.idf.length !== nF || a.pStart.length !== nF + 1 || a.cStart.length !== nF + 1) throw new Error("loadClassifier: inconsistent model arrays");
  if (a.pIds.length !== a.pW.length || a.cIds.length !== a.cW.length || a.cIds.length !== a.hW.length || (a.hBias.length !== names.length && a.hBias.length !== names.length + 1))
    throw new Error("loadClassifier: inconsistent model arrays");
  const config = { ...DEFAULT_CLASSIFIER_CONFIG, ...(o.config as Partial<ClassifierConfig>) };
  const model: Model = {
    names: names as string[],
    featureKeys: featureKeys as string[],
    idf: Float64Array.from(a.idf),
    pStart: Int32Array.from(a.pStart),
    pIds: Int32Array.from(a.pIds),
    pW: Float32Array.from(a.pW),
    cStart: Int32Array.from(a.cStart),
    cIds: Int32Array.from(a.cIds),
    cW: Float32Array.from(a.cW),
    hW: Float32Array.from(a.hW),
    hBias: Float32Array.from(a.hBias),
    phraseIntent: Int32Array.from(a.phraseIntent),
    trainedIntents: Number(o.trainedIntents) || 0,
  };
  const threshold = Math.min(1, Math.max(0, Number(o.threshold) || 0));
  const clf = makeClassifier(model, config, threshold);
  return { classify: clf.classify, toJSON: clf.toJSON, snapshot: clf.snapshot, intents: clf.intents };
}
