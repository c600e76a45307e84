// Shared evaluation logic for scripts/eval-nlu.ts and the quality-gate test.
import { trainClassifier } from "../trainClassifier";

export interface EvalSet {
  name: string;
  language: string;
  intents: Array<{ name: string; train: string[]; test: string[] }>;
  outOfScope: string[];
}

export interface EvalResult {
  name: string;
  intents: number;
  inScopeCorrect: number;
  inScopeTotal: number;
  inScopeAccuracy: number;
  oosCorrect: number;
  oosTotal: number;
  oosRecall: number;
  trainMs: number;
  p50Ms: number;
  p99Ms: number;
}

const isStrArr = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === "string");

/** Validates the eval-set schema; throws with a readable message when malformed. */
export function parseEvalSet(raw: unknown, file = "set"): EvalSet {
  const o = raw as Partial<EvalSet>;
  if (!o || typeof o !== "object") throw new Error(`${file}: not an object`);
  if (typeof o.name !== "string") throw new Error(`${file}: missing "name"`);
  if (typeof o.language !== "string") throw new Error(`${file}: missing "language"`);
  if (!Array.isArray(o.intents) || o.intents.length === 0) throw new Error(`${file}: "intents" must be a non-empty array`);
  for (const [i, it] of o.intents.entries()) {
    if (!it || typeof it.name !== "string") throw new Error(`${file}: intents[${i}].name missing`);
    if (!isStrArr(it.train)) throw new Error(`${file}: intents[${i}].train must be string[]`);
    if (!isStrArr(it.test)) throw new Error(`${file}: intents[${i}].test must be string[]`);
  }
  if (!isStrArr(o.outOfScope)) throw new Error(`${file}: "outOfScope" must be string[]`);
  return o as EvalSet;
}

const now = () => (typeof performance !== "undefined" ? performance.now() : Date.now());

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
}

export function evaluateSet(set: EvalSet): EvalResult {
  const t0 = now();
  const clf = trainClassifier(set.intents.map((i) => ({ name: i.name, phrases: i.train })));
  const trainMs = now() - t0;
  // JIT warm-up on the training phrases (not timed, results unused)
  for (const it of set.intents) for (const p of it.train) clf.classify(p);
  const times: number[] = [];
  const timed = (text: string) => {
    const t = now();
    const r = clf.classify(text);
    times.push(now() - t);
    return r;
  };
  let inScopeCorrect = 0;
  let inScopeTotal = 0;
  for (const it of set.intents) {
    for (const text of it.test) {
      inScopeTotal++;
      const r = timed(text);
      if (!r.outOfScope && r.intent === it.name) inScopeCorrect++;
    }
  }
  let oosCorrect = 0;
  for (const text of set.outOfScope) if (timed(text).outOfScope) oosCorrect++;
  times.sort((a, b) => a - b);
  return {
    name: set.name,
    intents: set.intents.length,
    inScopeCorrect,
    inScopeTotal,
    inScopeAccuracy: inScopeTotal ? inScopeCorrect / inScopeTotal : 0,
    oosCorrect,
    oosTotal: set.outOfScope.length,
    oosRecall: set.outOfScope.length ? oosCorrect / set.outOfScope.length : 0,
    trainMs,
    p50Ms: percentile(times, 0.5),
    p99Ms: percentile(times, 0.99),
  };
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

/** Synthetic speed check: `intents` x `phrasesPerIntent` mixed English/Chinese phrases. */
export function syntheticSpeedCheck(intents = 200, phrasesPerIntent = 20) {
  const rand = rng(42);
  const syll = ["ka", "lo", "mi", "ten", "ra", "su", "vel", "dor", "pan", "qui", "zo", "bex", "nu", "tar", "fi", "gle"];
  const han = Array.from("账户卡转钱汇率贷款利息密码登录分行地址月结单退款透支支票海外旅行手机费用额度申请取消查询更新");
  const word = () => syll[Math.floor(rand() * syll.length)] + syll[Math.floor(rand() * syll.length)] + syll[Math.floor(rand() * syll.length)];
  const vocab = Array.from({ length: 3000 }, word);
  const pick = <T,>(a: T[]) => a[Math.floor(rand() * a.length)];
  const phrase = (topic: string[]) => {
    if (rand() < 0.5) return Array.from({ length: 3 + Math.floor(rand() * 6) }, () => (rand() < 0.6 ? pick(topic) : pick(vocab))).join(" ");
    return Array.from({ length: 4 + Math.floor(rand() * 8) }, () => pick(han)).join("") + (rand() < 0.3 ? " " + pick(topic) : "");
  };
  const defs = Array.from({ length: intents }, (_, i) => {
    const topic = Array.from({ length: 6 }, () => pick(vocab));
    return { name: `intent_${i}`, phrases: Array.from({ length: phrasesPerIntent }, () => phrase(topic)), topic };
  });
  const t0 = now();
  const clf = trainClassifier(defs);
  const trainMs = now() - t0;
  const queries = Array.from({ length: 2000 }, () => phrase(pick(defs).topic));
  for (const q of queries.slice(0, 200)) clf.classify(q); // warm-up
  const times: number[] = [];
  for (const q of queries) {
    const t = now();
    clf.classify(q);
    times.push(now() - t);
  }
  times.sort((a, b) => a - b);
  return { intents, phrasesPerIntent, trainMs, p50Ms: percentile(times, 0.5), p99Ms: percentile(times, 0.99) };
}
