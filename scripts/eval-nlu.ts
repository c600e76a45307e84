// NLU evaluation report. Run: npx tsx scripts/eval-nlu.ts
// For every flows/nlu/eval/*.json set: train on `train`, classify held-out `test`
// (correct = right intent and not sent to fallback) and `outOfScope` (correct = fallback).
// Also a synthetic 200 intents x 20 phrases speed check. Exit code 0 unless a file is malformed.
import { readFileSync, readdirSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { evaluateSet, parseEvalSet, syntheticSpeedCheck } from "../flows/nlu/eval/evaluateSet";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dir = join(root, "flows", "nlu", "eval");
const files = readdirSync(dir).filter((f) => f.endsWith(".json")).sort();

const rows: string[][] = [["set", "intents", "in-scope acc %", "OOS recall %", "train ms", "p50 ms", "p99 ms"]];
let malformed = false;
for (const f of files) {
  let set;
  try {
    set = parseEvalSet(JSON.parse(readFileSync(join(dir, f), "utf8")), f);
  } catch (e) {
    console.error(`malformed eval set ${f}: ${(e as Error).message}`);
    malformed = true;
    continue;
  }
  const r = evaluateSet(set);
  rows.push([
    set.name,
    String(r.intents),
    `${(r.inScopeAccuracy * 100).toFixed(1)} (${r.inScopeCorrect}/${r.inScopeTotal})`,
    `${(r.oosRecall * 100).toFixed(1)} (${r.oosCorrect}/${r.oosTotal})`,
    r.trainMs.toFixed(1),
    r.p50Ms.toFixed(3),
    r.p99Ms.toFixed(3),
  ]);
}
const s = syntheticSpeedCheck(200, 20);
rows.push([`synthetic ${s.intents}x${s.phrasesPerIntent}`, String(s.intents), "-", "-", s.trainMs.toFixed(1), s.p50Ms.toFixed(3), s.p99Ms.toFixed(3)]);

const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
for (const [i, r] of rows.entries()) {
  console.log(r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("  "));
  if (i === 0) console.log(widths.map((w) => "-".repeat(w)).join("  "));
}
process.exitCode = malformed ? 1 : 0;
