import { describe, expect, it } from "vitest";
import { entityRuleSchema } from "./entityRule";
import { validateEntityRule } from "./validateEntityRule";

const codes = (input: unknown) => validateEntityRule(entityRuleSchema.parse(input)).map((problem) => `${problem.severity}:${problem.code}`);

describe("validateEntityRule", () => {
  it("accepts good rules", () => {
    expect(codes({ type: "regex", pattern: "[A-Z]\\d{5}" })).toEqual([]);
    expect(codes({ type: "number", min: 1, max: 10 })).toEqual([]);
  });
  it("reports an invalid regex as an error", () => {
    expect(codes({ type: "regex", pattern: "(unclosed" })).toEqual(["error:invalid_regex"]);
  });
  it("warns about patterns that can backtrack catastrophically", () => {
    expect(codes({ type: "regex", pattern: "^(a+)+$" })).toEqual(["warning:slow_regex"]);
    expect(codes({ type: "regex", pattern: "(\\w*)*x" })).toEqual(["warning:slow_regex"]);
  });
  it("reports min above max and duplicate options", () => {
    expect(codes({ type: "number", min: 5, max: 1 })).toEqual(["error:number_range"]);
    expect(codes({ type: "options", options: [{ value: "A" }, { value: "a" }] })).toEqual(["error:duplicate_option"]);
  });
  it("rejects unknown flags in the schema", () => {
    expect(entityRuleSchema.safeParse({ type: "regex", pattern: "x", flags: "g" }).success).toBe(false);
  });
});
