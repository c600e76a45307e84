import { describe, expect, it } from "vitest";
import { createNodeContext } from "../../testing/nodeContext";
import { setVariablesNode } from "./setVariables.node.ts";

const data = setVariablesNode.dataSchema.parse({
  assignments: [
    { variable: "total", mode: "expression", value: "price * qty" },
    { variable: "withTax", mode: "expression", value: "total * 1.5" },
    { variable: "line", mode: "text", value: "{{qty}} × {{item}} = {{withTax}}" },
    { variable: "qty", mode: "expression", value: "qty + 1" },
    { variable: "qtyAgain", mode: "text", value: "{{qty}}" },
  ],
});

describe("setVariables node", () => {
  it("applies assignments in order, each seeing the ones before it", async () => {
    const variables = { price: 10, qty: 2, item: "cake" };
    const result = await setVariablesNode.execute(data, createNodeContext({ variables }));
    expect(result).toEqual({
      action: "next",
      output: "next",
      setVariables: { total: 20, withTax: 30, line: "2 × cake = 30", qty: 3, qtyAgain: "3" },
    });
    expect(variables).toEqual({ price: 10, qty: 2, item: "cake" });
  });

  it("keeps expression results typed and renders missing values as empty text", async () => {
    const typed = setVariablesNode.dataSchema.parse({
      assignments: [
        { variable: "flag", mode: "expression", value: "missing == null" },
        { variable: "items", mode: "expression", value: "[1, 2]" },
        { variable: "greeting", value: "Hi {{missing}}!" },
      ],
    });
    expect(await setVariablesNode.execute(typed, createNodeContext())).toMatchObject({
      setVariables: { flag: true, items: [1, 2], greeting: "Hi !" },
    });
  });

  it("throws on an expression it cannot parse (the engine turns this into a clean error)", async () => {
    const broken = setVariablesNode.dataSchema.parse({ assignments: [{ variable: "x", mode: "expression", value: "1 +" }] });
    await expect(async () => setVariablesNode.execute(broken, createNodeContext())).rejects.toThrow(/invalid/);
  });

  it("validates expressions but not text", () => {
    const input = setVariablesNode.dataSchema.parse({
      assignments: [
        { variable: "a", mode: "expression", value: "1 +" },
        { variable: "b", mode: "text", value: "1 +" },
      ],
    });
    expect(setVariablesNode.validate!(input)).toEqual([expect.objectContaining({ code: "invalid_expression", path: ["assignments", 0, "value"] })]);
  });

  it("summarises, and lists what it reads and writes", () => {
    expect(setVariablesNode.summary(data)[0]).toBe("total = price * qty");
    expect(setVariablesNode.summary(data)[2]).toBe('line = "{{qty}} × {{item}} = {{withTax}}"');
    expect(setVariablesNode.writesVariables!(data)).toEqual(["total", "withTax", "line", "qty", "qtyAgain"]);
    expect(setVariablesNode.readsTemplates!(data)).toContain("price * qty");
  });
});
