import { describe, expect, it } from "vitest";
import { createNodeContext } from "../../testing/nodeContext";
import { conditionNode } from "./condition.node.ts";

const data = conditionNode.dataSchema.parse({
  branches: [
    { id: "vip", label: "VIP", expression: "vip && total > 100" },
    { id: "shipped", expression: 'status|lower == "shipped"' },
  ],
});

describe("condition node", () => {
  it("takes the first branch whose expression is true", async () => {
    const ctx = createNodeContext({ variables: { vip: true, total: 500, status: "SHIPPED" } });
    expect(await conditionNode.execute(data, ctx)).toEqual({ action: "next", output: "vip" });
    expect(ctx.traced).toEqual({ checked: [{ id: "vip", value: true }] });
    expect(await conditionNode.execute(data, createNodeContext({ variables: { vip: false, status: "Shipped" } }))).toEqual({
      action: "next",
      output: "shipped",
    });
  });

  it("takes else when nothing is true, including missing variables", async () => {
    const ctx = createNodeContext({ variables: {} });
    expect(await conditionNode.execute(data, ctx)).toEqual({ action: "next", output: "else" });
    expect(ctx.traced.checked).toHaveLength(2);
  });

  it("cannot reach JavaScript globals", async () => {
    const sneaky = conditionNode.dataSchema.parse({ branches: [{ id: "x", expression: 'constructor.constructor("return process")()' }] });
    await expect(async () => conditionNode.execute(sneaky, createNodeContext())).rejects.toThrow();
  });

  it("has one output per branch plus else, labelled by label or expression", () => {
    expect(conditionNode.outputs(data)).toEqual([
      { id: "vip", label: "VIP" },
      { id: "shipped", label: 'status|lower == "shipped"' },
      { id: "else", label: "Else" },
    ]);
    expect(conditionNode.summary(data)).toEqual(["vip && total > 100", 'status|lower == "shipped"', "else"]);
    expect(conditionNode.readsTemplates!(data)).toEqual(["vip && total > 100", 'status|lower == "shipped"']);
  });

  it("reports syntax errors, reserved and duplicate ids, and an empty branch list", () => {
    const codes = (input: unknown) =>
      conditionNode.validate!(conditionNode.dataSchema.parse(input)).map((problem) => `${problem.severity}:${problem.code}`);
    expect(codes(data)).toEqual([]);
    expect(codes({ branches: [{ id: "a", expression: "total >" }] })).toEqual(["error:invalid_expression"]);
    expect(codes({ branches: [{ id: "else", expression: "1" }, { id: "b", expression: "1" }, { id: "b", expression: "2" }] })).toEqual([
      "error:duplicate_output_id",
      "error:duplicate_output_id",
    ]);
    expect(codes({ branches: [] })).toEqual(["warning:no_branches"]);
  });
});
