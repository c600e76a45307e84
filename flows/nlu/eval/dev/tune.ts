// Tuning harness: uses ONLY training phrases (leave-one-out) and the dev split
// in this folder. Never reads held-out test / outOfScope phrases of ../*.json.
// Run: npx tsx flows/nlu/eval/dev/tune.ts [--fit] [--grid]
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_CLASSIFIER_CONFIG, trainClassifier, type ClassifierConfig } from "../../trainClassifier";

const here = dirname(fileURLToPath(import.meta.url));
interface Base { name: string; intents: Array<{ name: string; train: string[] }> }
interface Dev { base: string; intents: Record<string, string[]>; outOfScope: string[] }

const sets = readdirSync(here)
  .filter((f) => f.endsWith(".dev.json"))
  .map((f) => {
    const dev = JSON.parse(readFileSync(join(here, f), "utf8")) as Dev;
    const baseFull = JSON.parse(readFileSync(join(here, "..", dev.base + ".json"), "utf8"));
    // keep only the training phrases of the base set
    const base: Base = { name: baseFull.name, intents: baseFull.intents.map((i: any) => ({ name: i.name, train: i.train })) };
    return { base, dev };
  });

interface Item { s1: number; s2: number; known: number; correct: boolean; oos: boolean; set: string; kind: string }

function topTwo(scores: Float64Array, names: string[]) {
  let i1 = -1, i2 = -1;
  for (let i = 0; i < scores.length; i++) {
    if (i1 < 0 || scores[i] > scores[i1]) { i2 = i1; i1 = i; } else if (i2 < 0 || scores[i] > scores[i2]) i2 = i;
  }
  return { top: names[i1], s1: scores[i1], s2: i2 >= 0 ? scores[i2] : 0 };
}

function collect(cfg: ClassifierConfig, loo = true): Item[] {
  const items: Item[] = [];
  for (const { base, dev } of sets) {
    const defs = base.intents.map((i) => ({ name: i.name, phrases: i.train }));
    const clf = trainClassifier(defs, {}, cfg);
    const names = clf.intents;
    const push = (text: string, label: string | null, kind: string, c = clf) => {
      const { scores, known } = c.score(text);
      const { top, s1, s2 } = topTwo(scores, names);
      items.push({ s1, s2, known, correct: label !== null && top === label && s1 > 0, oos: label === null, set: base.name, kind });
    };
    for (const [name, phrases] of Object.entries(dev.intents)) for (const p of phrases) push(p, name, "dev");
    for (const p of dev.outOfScope) push(p, null, "oos");
    if (loo) {
      for (let i = 0; i < defs.length; i++) {
        for (let j = 0; j < defs[i].phrases.length; j += 3) {
          const held = defs[i].phrases[j];
          const d2 = defs.map((d, k) => (k === i ? { name: d.name, phrases: d.phrases.filter((_, m) => m !== j) } : d));
          push(held, defs[i].name, "loo", trainClassifier(d2, {}, cfg));
        }
      }
    }
  }
  return items;
}

const feat = (it: Item) => [1, it.s1, it.s1 - it.s2, it.known];

function fit(items: Item[]): [number, number, number, number] {
  // weighted logistic regression: positives = correct in-scope, negatives = OOS (+ wrong in-scope, lower weight)
  const w = [0, 0, 0, 0];
  const pos = items.filter((i) => i.correct).length, neg = items.filter((i) => i.oos).length;
  const nwrong = Math.max(1, items.length - pos - neg);
  // prior: most live traffic is in scope; wrong-intent cases count a little as negatives
  const [wp, wn, ww] = [0.7 / pos, 0.3 / neg, 0.1 / nwrong];
  for (let epoch = 0; epoch < 6000; epoch++) {
    const g = [0, 0, 0, 0];
    for (const it of items) {
      const y = it.correct ? 1 : 0;
      const wt = it.correct ? wp : it.oos ? wn : ww;
      const x = feat(it);
      const p = 1 / (1 + Math.exp(-x.reduce((s, v, k) => s + v * w[k], 0)));
      for (let k = 0; k < 4; k++) g[k] += wt * (p - y) * x[k];
    }
    for (let k = 0; k < 4; k++) w[k] -= 5 * (g[k] + 1e-3 * w[k]);
  }
  return w.map((v) => Math.round(v * 100) / 100) as [number, number, number, number];
}

function evaluate(items: Item[], calib: number[], cut: number) {
  const conf = (it: Item) => 1 / (1 + Math.exp(-feat(it).reduce((s, v, k) => s + v * calib[k], 0)));
  const out: Record<string, { top1: number; acc: number; oos: number; n: number; no: number }> = {};
  for (const it of items) {
    const key = it.set + "/" + (it.kind === "oos" ? "dev" : it.kind);
    const r = (out[key] ??= { top1: 0, acc: 0, oos: 0, n: 0, no: 0 });
    if (it.oos) { r.no++; if (conf(it) < cut) r.oos++; }
    else { r.n++; if (it.correct) r.top1++; if (it.correct && conf(it) >= cut) r.acc++; }
  }
  return Object.fromEntries(Object.entries(out).map(([k, r]) => [k, {
    top1: +(r.top1 / Math.max(r.n, 1)).toFixed(3), acc: +(r.acc / Math.max(r.n, 1)).toFixed(3), oosRecall: r.no ? +(r.oos / r.no).toFixed(3) : undefined,
  }]));
}

const args = process.argv.slice(2);
const cfg: ClassifierConfig = JSON.parse(JSON.stringify(DEFAULT_CLASSIFIER_CONFIG));
if (args.includes("--grid2")) {
  const combos: Array<Partial<Record<string, number>>> = [];
  for (const ung of [0.25, 0.5, 1]) for (const unk of [0.6, 0.8]) combos.push({ knn: cfg.knnWeight, unk, concept: cfg.features.concept, han1: cfg.features.han1, ung });
  for (const k of combos) {
    const c: ClassifierConfig = JSON.parse(JSON.stringify(cfg));
    c.knnWeight = k.knn!; c.unknownIdf = k.unk!; c.features.concept = k.concept!; c.features.han1 = k.han1!; if (k.ung !== undefined) c.unknownNgram = k.ung;
    const items = collect(c);
    const calib = fit(items);
    const r = evaluate(items, calib, 0.35);
    const mean = (f: (x: any) => number) => (Object.values(r).reduce((s, x) => s + f(x), 0) / Object.values(r).length).toFixed(3);
    console.log(JSON.stringify(k), "meanTop1", mean((x) => x.top1), "meanAcc", mean((x) => x.acc), Object.entries(r).map(([n, x]) => `${n}:${x.top1}/${x.acc}${x.oosRecall !== undefined ? "/oos" + x.oosRecall : ""}`).join(" "));
  }
} else if (args.includes("--grid")) {
  const grid: Array<[string, (c: ClassifierConfig, v: number) => void, number[]]> = [
    ["knnWeight", (c, v) => (c.knnWeight = v), [0.3, 0.5, 0.7, 0.9]],
    ["secondNeighbour", (c, v) => (c.secondNeighbour = v), [0, 0.3, 0.5]],
    ["unknownIdf", (c, v) => (c.unknownIdf = v), [0.5, 0.8, 1, 1.3]],
    ["charGram", (c, v) => (c.features.charGram = v), [0, 0.3, 0.5, 0.8]],
    ["wordBigram", (c, v) => (c.features.wordBigram = v), [0, 0.3, 0.6, 1]],
    ["han1", (c, v) => (c.features.han1 = v), [0.4, 0.7, 1]],
    ["han2", (c, v) => (c.features.han2 = v), [0.6, 1, 1.4]],
    ["han3", (c, v) => (c.features.han3 = v), [0, 0.3, 0.6]],
    ["concept", (c, v) => (c.features.concept = v), [0, 0.5, 1, 1.5, 2]],
  ];
  for (const [name, set, values] of grid) {
    for (const v of values) {
      const c: ClassifierConfig = JSON.parse(JSON.stringify(cfg));
      set(c, v);
      const items = collect(c);
      const calib = fit(items);
      const r = evaluate(items, calib, 0.5);
      const summary = Object.entries(r).map(([k, x]) => `${k}:${x.top1}/${x.acc}${x.oosRecall !== undefined ? "/oos" + x.oosRecall : ""}`).join("  ");
      console.log(`${name}=${v}  ${summary}`);
    }
  }
} else if (args.includes("--dist")) {
  const items = collect(cfg);
  const q = (a: number[], p: number) => { const b = [...a].sort((x, y) => x - y); return b[Math.floor(p * (b.length - 1))]?.toFixed(3); };
  for (const set of [...new Set(items.map((i) => i.set))]) {
    for (const [label, sel] of [["correct", (i: Item) => i.correct], ["oos", (i: Item) => i.oos], ["wrong", (i: Item) => !i.oos && !i.correct]] as const) {
      const xs = items.filter((i) => i.set === set && sel(i));
      const f = (g: (i: Item) => number) => [0.1, 0.25, 0.5, 0.75, 0.9].map((p) => q(xs.map(g), p)).join(" ");
      console.log(set, label, xs.length, "| s1", f((i) => i.s1), "| margin", f((i) => i.s1 - i.s2), "| known", f((i) => i.known));
    }
  }
} else {
  const items = collect(cfg);
  const calib = args.includes("--fit") ? fit(items) : cfg.calib;
  console.log("calib", JSON.stringify(calib));
  for (const cut of [0.3, 0.35, 0.4, 0.45, 0.5]) console.log("cut", cut, JSON.stringify(evaluate(items, calib, cut)));
}
