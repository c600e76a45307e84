import { describe, expect, it } from "vitest";
import { createNodeContext } from "../../testing/nodeContext";
import { handoffNode } from "./handoff.node.ts";

describe("handoff node", () => {
  it("hands off with the rendered message and note", async () => {
    const data = handoffNode.dataSchema.parse({
      queue: "billing",
      priority: "high",
      message: "Hold on {{name}}, an agent is coming.",
      note: "Refund for order {{orderNumber}}",
    });
    const result = await handoffNode.execute(data, createNodeContext({ variables: { name: "Amy", orderNumber: "A12345" } }));
    expect(result).toEqual({
      action: "handoff",
      messages: [{ type: "text", text: "Hold on Amy, an agent is coming." }],
      handoff: { queue: "billing", priority: "high", reason: "node", note: "Refund for order A12345" },
    });
  });

  it("uses bilingual defaults, and sends nothing when the message is empty", async () => {
    const defaults = handoffNode.dataSchema.parse({});
    expect(defaults).toEqual(handoffNode.defaults());
    expect(await handoffNode.execute(defaults, createNodeContext())).toEqual({
      action: "handoff",
      messages: [{ type: "text", text: "Connecting you to an agent… 正在為你轉接客服…" }],
      handoff: { queue: "general", priority: "normal", reason: "node" },
    });
    expect(await handoffNode.execute({ ...defaults, message: "" }, createNodeContext())).toMatchObject({ messages: [] });
  });

  it("has no outputs and rejects unknown priorities", () => {
    expect(handoffNode.outputs(handoffNode.defaults())).toEqual([]);
    expect(handoffNode.label).toBe("Human handoff");
    expect(handoffNode.dataSchema.safeParse({ priority: "asap" }).success).toBe(false);
    expect(handoffNode.summary(handoffNode.defaults())).toEqual(["Queue: general · normal priority"]);
  });
});
