// Dev harness: trains on the TRAINING phrases of banking-*.heldout1.json (the previous held-out
// test/outOfScope phrases are dropped on load, never printed or used) and reports
// on the dev splits (dev = first dev file, dev2 = fresh phrases, dev3, dev4 = written
// afresh before any model output was seen on it; dev5, dev6 and dev7 = written from the training
// phrases alone by someone who never saw the classifier or its lexicon, dev7 in a deliberately
// hard style that describes situations instead of naming services) plus a 5-fold cross-validation over
// training phrases (2 of 10 phrases per intent held out).
// Run: npx tsx flows/nlu/eval/dev/devEval.ts [--errors] [--cv] [json config overrides]
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_CLASSIFIER_CONFIG, trainClassifier, type ClassifierConfig } from "../../trainClassifier";

const here = dirname(fileURLToPath(import.meta.url));
const langs = ["en", "yue", "zh"];
const args = process.argv.slice(2);
const showErrors = args.includes("--errors");
const doCv = args.includes("--cv");
const over = args.find((a) => a.startsWith("{"));
const config: ClassifierConfig = { ...DEFAULT_CLASSIFIER_CONFIG, ...(over ? JSON.parse(over) : {}) };

interface Dev { intents: Record<string, string[]>; outOfScope: string[] }
const loadTrain = (l: string) => {
  const full = JSON.parse(readFileSync(join(here, `banking-${l}.heldout1.json`), "utf8"));
  return (full.intents as Array<{ name: string; train: string[] }>).map((i) => ({ name: i.name, phrases: i.train.slice() }));
};

const tot: Record<string, { c: number; n: number; t: number; o: number; no: number }> = {};
function run(defs: Array<{ name: string; phrases: string[] }>, dev: Dev, key: string) {
  const clf = trainClassifier(defs, {}, config);
  const r = (tot[key] ??= { c: 0, n: 0, t: 0, o: 0, no: 0 });
  for (const [name, ps] of Object.entries(dev.intents))
    for (const p of ps) {
      const m = clf.classify(p);
      r.n++;
      if (m.candidates[0]?.intent === name) r.t++;
      if (!m.outOfScope && m.intent === name) r.c++;
      else if (showErrors) console.log(`  ${key} ${name} <- "${p}" got ${m.candidates[0]?.intent}${m.outOfScope ? "(oos)" : ""} ${m.confidence}`);
    }
  for (const p of dev.outOfScope) {
    const m = clf.classify(p);
    r.no++;
    if (m.outOfScope) r.o++;
    else if (showErrors) console.log(`  ${key} OOS <- "${p}" got ${m.intent} ${m.confidence}`);
  }
}

for (const l of langs) {
  const defs = loadTrain(l);
  for (const split of ["dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7"]) {
    const dev = JSON.parse(readFileSync(join(here, `banking-${l}.${split}.json`), "utf8")) as Dev;
    run(defs, dev, `${l}/${split}`);
  }
  if (doCv) {
    for (let fold = 0; fold < 5; fold++) {
      const tr = defs.map((d) => ({ name: d.name, phrases: d.phrases.filter((_, j) => j % 5 !== fold) }));
      const te: Dev = { intents: Object.fromEntries(defs.map((d) => [d.name, d.phrases.filter((_, j) => j % 5 === fold)])), outOfScope: [] };
      run(tr, te, `${l}/cv`);
    }
  }
}
const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) : "-");
let sumAcc = 0, sumOos = 0, k = 0;
for (const [key, r] of Object.entries(tot)) {
  console.log(`${key.padEnd(9)} acc ${pct(r.c, r.n).padStart(5)}  top1 ${pct(r.t, r.n).padStart(5)}  oos ${pct(r.o, r.no).padStart(5)}`);
  if (!key.endsWith("cv")) { sumAcc += r.c / r.n; sumOos += r.o / r.no; k++; }
}
console.log(`MEAN dev  acc ${(100 * sumAcc / k).toFixed(1)}  oos ${(100 * sumOos / k).toFixed(1)}`);
