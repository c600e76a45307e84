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

  // The goal, now met on all three held-out sets: >= 85% in-scope accuracy with >= 70%
  // out-of-scope recall. Measured: 85.0% (en), 86.1% (yue) and 86.7% (zh) in-scope, with
  // 84.5%, 84.5% and 89.1% of out-of-scope messages sent to fallback. `npm run eval:nlu`
  // prints the current figures. Training is deterministic, so this gate fails exactly
  // when a change takes a set below the goal.
  const floors: Record<string, { inScope: number; outOfScope: number }> = {
    "banking-en.json": { inScope: 0.85, outOfScope: 0.7 },
    "banking-yue.json": { inScope: 0.85, outOfScope: 0.7 },
    "banking-zh.json": { inScope: 0.85, outOfScope: 0.7 },
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
