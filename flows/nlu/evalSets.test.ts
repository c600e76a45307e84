// Quality gate on the held-out evaluation sets (not timing).
import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { evaluateSet, parseEvalSet } from "./eval/evaluateSet";

const dir = join(__dirname, "eval");
const files = ["banking-en.json", "banking-yue.json", "banking-zh.json"];

describe("held-out evaluation sets", () => {
  it("all three sets exist and are well-formed", () => {
    const present = readdirSync(dir);
    for (const f of files) {
      expect(present).toContain(f);
      const set = parseEvalSet(JSON.parse(readFileSync(join(dir, f), "utf8")), f);
      expect(set.intents.length).toBe(30);
      for (const it of set.intents) {
        expect(it.train.length).toBe(10);
        expect(it.test.length).toBeGreaterThanOrEqual(5);
      }
      expect(set.outOfScope.length).toBeGreaterThanOrEqual(100);
    }
  });

  // Regression floor, not the goal. The goal is >= 85% in-scope accuracy with
  // >= 70% out-of-scope recall; measured on these held-out sets the classifier
  // reaches 82.2% (en), 85.0% (yue) and 85.0% (zh) in-scope, with 80.0%, 84.5% and
  // 88.2% of out-of-scope messages sent to fallback: met for Cantonese and Mandarin.
  // `npm run eval:nlu` prints the current figures. This gate fails if a change
  // makes recognition worse than what was measured.
  const floors: Record<string, { inScope: number; outOfScope: number }> = {
    "banking-en.json": { inScope: 0.81, outOfScope: 0.7 },
    "banking-yue.json": { inScope: 0.84, outOfScope: 0.7 },
    "banking-zh.json": { inScope: 0.84, outOfScope: 0.7 },
  };
  for (const f of files) {
    const floor = floors[f];
    it(`${f}: in-scope accuracy >= ${floor.inScope * 100}% and out-of-scope recall >= ${floor.outOfScope * 100}%`, () => {
      const r = evaluateSet(parseEvalSet(JSON.parse(readFileSync(join(dir, f), "utf8")), f));
      expect(r.inScopeAccuracy).toBeGreaterThanOrEqual(floor.inScope);
      expect(r.oosRecall).toBeGreaterThanOrEqual(floor.outOfScope);
    });
  }
});
