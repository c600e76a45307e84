import { describe, expect, it } from "vitest";
import { createFakePorts } from "../../testing/fakePorts";
import { createNodeContext } from "../../testing/nodeContext";
import { randomSplitNode, splitVariable } from "./randomSplit.node.ts";

const data = randomSplitNode.dataSchema.parse({
  branches: [
    { id: "a", label: "Control", percent: 70 },
    { id: "b", label: "New copy", percent: 20 },
    { id: "c", label: "Short", percent: 10 },
  ],
});

const pick = async (draw: number, input = data) => {
  const ctx = createNodeContext({ nodeId: "ab-test.1", ports: createFakePorts({ randomValues: [draw] }) });
  const result = await randomSplitNode.execute(input, ctx);
  return { result, traced: ctx.traced };
};

describe("randomSplit node", () => {
  it("picks the branch the draw falls into and records it", async () => {
    expect((await pick(0)).result).toEqual({ action: "next", output: "a", setVariables: { split_ab_test_1: "Control" } });
    expect((await pick(0.6999)).result).toMatchObject({ output: "a" });
    expect((await pick(0.7)).result).toMatchObject({ output: "b", setVariables: { split_ab_test_1: "New copy" } });
    expect((await pick(0.95)).result).toMatchObject({ output: "c" });
    expect((await pick(0.99999)).result).toMatchObject({ output: "c" });
    expect((await pick(0.7)).traced).toEqual({ draw: 0.7, branch: "New copy" });
  });

  it("skips zero-percent branches and normalises a bad total", async () => {
    const skewed = randomSplitNode.dataSchema.parse({
      branches: [
        { id: "x", label: "X", percent: 0 },
        { id: "y", label: "Y", percent: 30 },
        { id: "z", label: "Z", percent: 30 },
      ],
    });
    expect((await pick(0, skewed)).result).toMatchObject({ output: "y" });
    expect((await pick(0.49, skewed)).result).toMatchObject({ output: "y" });
    expect((await pick(0.51, skewed)).result).toMatchObject({ output: "z" });
  });

  it("splits roughly by percent over many seeded draws", async () => {
    const ports = createFakePorts({ seed: 7 });
    const counts: Record<string, number> = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 5000; i += 1) {
      const result = await randomSplitNode.execute(data, createNodeContext({ ports }));
      if (result.action === "next") counts[result.output] += 1;
    }
    expect(counts.a / 5000).toBeCloseTo(0.7, 1);
    expect(counts.b / 5000).toBeCloseTo(0.2, 1);
    expect(counts.c / 5000).toBeCloseTo(0.1, 1);
  });

  it("validates that percentages add up to 100", () => {
    expect(randomSplitNode.validate!(data)).toEqual([]);
    expect(randomSplitNode.validate!(randomSplitNode.defaults())).toEqual([]);
    const bad = randomSplitNode.dataSchema.parse({ branches: [{ id: "a", label: "A", percent: 60 }, { id: "a", label: "B", percent: 60 }] });
    expect(randomSplitNode.validate!(bad).map((problem) => problem.code)).toEqual(["duplicate_output_id", "percent_total"]);
  });

  it("names the split variable after the node id", () => {
    expect(splitVariable("node-3")).toBe("split_node_3");
    expect(randomSplitNode.outputs(randomSplitNode.defaults())).toEqual([
      { id: "a", label: "A (50%)" },
      { id: "b", label: "B (50%)" },
    ]);
    expect(randomSplitNode.summary(data)).toEqual(["Control 70% · New copy 20% · Short 10%"]);
  });
});
