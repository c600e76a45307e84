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

  for (const f of files) {
    it(`${f}: in-scope accuracy >= 85% and out-of-scope recall >= 70%`, () => {
      const r = evaluateSet(parseEvalSet(JSON.parse(readFileSync(join(dir, f), "utf8")), f));
      expect(r.inScopeAccuracy).toBeGreaterThanOrEqual(0.85);
      expect(r.oosRecall).toBeGreaterThanOrEqual(0.7);
    });
  }
});
