// Tuning harness (v2): training phrases of banking-*.heldout1.json (5-fold CV) + dev splits. The new held-out
// test/outOfScope phrases of ../banking-*.json are never read.
// Run: npx tsx flows/nlu/eval/dev/tune2.ts [--fit] [json config overrides]
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_CLASSIFIER_CONFIG, trainClassifier, type ClassifierConfig } from "../../trainClassifier";

const here = dirname(fileURLToPath(import.meta.url));
const langs = ["en", "yue", "zh"];
const splits = ["dev", "dev2", "dev3"];
interface Dev { intents: Record<string, string[]>; outOfScope: string[] }
const loadTrain = (l: string) =>
  (JSON.parse(readFileSync(join(here, `banking-${l}.heldout1.json`), "utf8")).intents as Array<{ name: string; train: string[] }>).map((i) => ({
    name: i.name,
    phrases: i.train.slice(),
  }));

export interface Item { lang: string; kind: string; label: number; sim: Float64Array; head: Float64Array; known: number }

export function collect(cfg: ClassifierConfig, withCv = true): Item[] {
  const items: Item[] = [];
  for (const l of langs) {
    const defs = loadTrain(l);
    const names = defs.map((d) => d.name);
    const push = (clf: ReturnType<typeof trainClassifier>, text: string, label: string | null, kind: string) => {
      const s = clf.score(text);
      items.push({ lang: l, kind, label: label === null ? -1 : names.indexOf(label), sim: s.sim, head: s.head, known: s.known });
    };
    const clf = trainClassifier(defs, {}, cfg);
    for (const sp of splits) {
      const dev = JSON.parse(readFileSync(join(here, `banking-${l}.${sp}.json`), "utf8")) as Dev;
      for (const [n, ps] of Object.entries(dev.intents)) for (const p of ps) push(clf, p, n, sp);
      for (const p of dev.outOfScope) push(clf, p, null, sp);
    }
    if (withCv)
      for (let fold = 0; fold < 5; fold++) {
        const c = trainClassifier(defs.map((d) => ({ name: d.name, phrases: d.phrases.filter((_, j) => j % 5 !== fold) })), {}, cfg);
        for (const d of defs) d.phrases.forEach((p, j) => j % 5 === fold && push(c, p, d.name, "cv"));
      }
  }
  return items;
}

const MODE = Number(process.env.MODE ?? 0);
export function combine(it: Item, hw: number, out: Float64Array): void {
  for (let i = 0; i < it.sim.length; i++) {
    const sim = it.sim[i];
    out[i] = sim > 0 ? (1 - hw) * sim + hw * it.head[i] * (MODE === 1 ? Math.min(1, 4 * sim) : 1) : 0;
  }
}

export interface Row { lang: string; kind: string; label: number; correct: boolean; s1: number; s2: number; sim1: number; known: number; hp1: number }
export function rows(items: Item[], hw: number): Row[] {
  return items.map((it) => {
    const sc = new Float64Array(it.sim.length);
    combine(it, hw, sc);
    let i1 = 0, i2 = -1;
    for (let i = 1; i < sc.length; i++) if (sc[i] > sc[i1]) { i2 = i1; i1 = i; } else if (i2 < 0 || sc[i] > sc[i2]) i2 = i;
    return { lang: it.lang, kind: it.kind, label: it.label, correct: it.label === i1 && sc[i1] > 0, s1: sc[i1], s2: i2 >= 0 ? sc[i2] : 0, sim1: it.sim[i1], known: it.known, hp1: it.head[i1] };
  });
}
const NF = process.env.HP ? 6 : 5;
const feat = (r: Row) => (NF === 6 ? [1, r.s1, r.s1 - r.s2, r.known, r.sim1, r.hp1] : [1, r.s1, r.s1 - r.s2, r.known, r.sim1]);
export const conf = (r: Row, c: number[]) => (r.s1 > 0 ? 1 / (1 + Math.exp(-feat(r).reduce((s, v, k) => s + v * c[k], 0))) : 0);

export function fit(rs: Row[], l2 = 1e-3): number[] {
  const w = new Array(NF).fill(0);
  const pos = rs.filter((r) => r.correct).length, neg = rs.filter((r) => r.label < 0).length;
  const nwrong = Math.max(1, rs.length - pos - neg);
  const [wp, wn, ww] = [0.6 / pos, 0.4 / neg, 0.1 / nwrong];
  for (let epoch = 0; epoch < 4000; epoch++) {
    const g = new Array(NF).fill(0);
    for (const r of rs) {
      const y = r.correct ? 1 : 0;
      const wt = r.correct ? wp : r.label < 0 ? wn : ww;
      const x = feat(r);
      const p = 1 / (1 + Math.exp(-x.reduce((s, v, k) => s + v * w[k], 0)));
      for (let k = 0; k < NF; k++) g[k] += wt * (p - y) * x[k];
    }
    for (let k = 0; k < NF; k++) w[k] -= 4 * (g[k] + l2 * w[k]);
  }
  return w.map((v) => Math.round(v * 100) / 100);
}

export function report(rs: Row[], calib: number[], cut: number, verbose = true) {
  const groups: Record<string, { n: number; t: number; c: number; no: number; o: number }> = {};
  for (const r of rs) {
    for (const key of [`${r.lang}/${r.kind}`, `${r.lang}/all-dev`]) {
      if (key.endsWith("all-dev") && r.kind === "cv") continue;
      const g = (groups[key] ??= { n: 0, t: 0, c: 0, no: 0, o: 0 });
      const cf = conf(r, calib);
      if (r.label < 0) { g.no++; if (cf < cut) g.o++; }
      else { g.n++; if (r.correct) g.t++; if (r.correct && cf >= cut) g.c++; }
    }
  }
  const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) : "  -  ");
  let lines: string[] = [];
  for (const [k, g] of Object.entries(groups).sort()) lines.push(`${k.padEnd(12)} top1 ${pct(g.t, g.n)} acc ${pct(g.c, g.n)} oos ${pct(g.o, g.no)}`);
  if (verbose) console.log(lines.join("\n"));
  const all = Object.entries(groups).filter(([k]) => k.endsWith("all-dev")).map(([, g]) => g);
  return { acc: all.reduce((s, g) => s + g.c / g.n, 0) / all.length, oos: all.reduce((s, g) => s + g.o / g.no, 0) / all.length, top1: all.reduce((s, g) => s + g.t / g.n, 0) / all.length };
}

if (process.argv[1] && process.argv[1].endsWith("tune2.ts")) {
  const args = process.argv.slice(2);
  const over = args.find((a) => a.startsWith("{"));
  const cfg: ClassifierConfig = { ...JSON.parse(JSON.stringify(DEFAULT_CLASSIFIER_CONFIG)), ...(over ? JSON.parse(over) : {}) };
  const t0 = Date.now();
  const items = collect(cfg, !args.includes("--nocv"));
  console.log(`collected ${items.length} items in ${Date.now() - t0} ms`);
  for (const hw of args.includes("--hw") ? [0, 0.3, 0.5, 0.7, 0.85, 1] : [cfg.headWeight]) {
    const rs = rows(items, hw);
    const calib = args.includes("--fit") ? fit(rs) : cfg.calib;
    console.log(`--- headWeight ${hw} calib ${JSON.stringify(calib)}`);
    const verbose = !args.includes("--quiet");
    const cuts = args.includes("--curve") ? [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5] : [cfg.cut];
    for (const cut of cuts) {
      const r = report(rs, calib, cut, verbose && cut === cfg.cut);
      console.log(`cut ${cut}: mean dev top1 ${(100 * r.top1).toFixed(1)} acc ${(100 * r.acc).toFixed(1)} oos ${(100 * r.oos).toFixed(1)}`);
    }
  }
}
