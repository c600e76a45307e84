import { describe, expect, it } from "vitest";
import type { IntentMatcher } from "../../engine/types";
import { createFakePorts } from "../../testing/fakePorts";
import { createNodeContext } from "../../testing/nodeContext";
import { intentNode } from "./intent.node.ts";

const data = intentNode.dataSchema.parse({
  prompt: "Hi {{name}}, what can I do for you?",
  threshold: 0.6,
  intents: [
    {
      id: "i_track",
      name: "track_order",
      phrases: ["track my order", "where is my order", "查訂單"],
      entities: [{ variable: "orderNumber", entity: { type: "regex", pattern: "[A-Z]\\d{5}" } }],
    },
    { id: "i_refund", name: "refund", phrases: ["refund", "I want my money back", "退款"] },
  ],
});

describe("intent node", () => {
  it("asks its prompt and waits on arrival", async () => {
    const result = await intentNode.execute(data, createNodeContext({ variables: { name: "Amy" } }));
    expect(result).toEqual({ action: "wait", messages: [{ type: "text", text: "Hi Amy, what can I do for you?" }] });
  });

  it("waits silently when the prompt is empty", async () => {
    const result = await intentNode.execute({ ...data, prompt: "" }, createNodeContext());
    expect(result).toEqual({ action: "wait", messages: [] });
  });

  it("takes the matched intent's output, records the intent and extracts entities", async () => {
    const ctx = createNodeContext({ input: "Where is my order A12345?" });
    const result = await intentNode.execute(data, ctx);
    expect(result).toMatchObject({
      action: "next",
      output: "i_track",
      intent: { name: "track_order" },
      setVariables: { lastIntent: "track_order", orderNumber: "A12345" },
    });
    expect(ctx.traced.candidates).toEqual([expect.objectContaining({ intent: "track_order" })]);
  });

  it("leaves an entity unset when it is not in the utterance, and traces why", async () => {
    const ctx = createNodeContext({ input: "track my order" });
    const result = await intentNode.execute(data, ctx);
    expect(result).toMatchObject({ output: "i_track", setVariables: { lastIntent: "track_order" } });
    expect(result.setVariables).not.toHaveProperty("orderNumber");
    expect(ctx.traced.entitiesNotFound).toEqual({ orderNumber: expect.any(String) });
  });

  it("passes the model key, intents and threshold to the matcher", async () => {
    const calls: unknown[] = [];
    const nlu: IntentMatcher = {
      match(request) {
        calls.push(request);
        return { intent: "refund", confidence: 0.9, candidates: [{ intent: "refund", confidence: 0.9 }], outOfScope: false };
      },
    };
    const ctx = createNodeContext({ nodeId: "ask", input: "money back pls", ports: createFakePorts({ nlu }) });
    const result = await intentNode.execute(data, ctx);
    expect(calls).toEqual([
      {
        key: "test:ask",
        threshold: 0.6,
        text: "money back pls",
        intents: [
          { name: "track_order", phrases: ["track my order", "where is my order", "查訂單"] },
          { name: "refund", phrases: ["refund", "I want my money back", "退款"] },
        ],
      },
    ]);
    expect(result).toMatchObject({ output: "i_refund", intent: { name: "refund", confidence: 0.9 } });
  });

  it("falls back on no match or out of scope, remembering the utterance", async () => {
    expect(await intentNode.execute(data, createNodeContext({ input: "what's the weather" }))).toEqual({
      action: "next",
      output: "fallback",
      setVariables: { lastUtterance: "what's the weather" },
    });
    const outOfScope: IntentMatcher = {
      match: () => ({ intent: "refund", confidence: 0.7, candidates: [], outOfScope: true }),
    };
    const result = await intentNode.execute(data, createNodeContext({ input: "x", ports: createFakePorts({ nlu: outOfScope }) }));
    expect(result).toMatchObject({ output: "fallback" });
  });

  it("traces only the top three candidates", async () => {
    const nlu: IntentMatcher = {
      match: () => ({
        intent: null,
        confidence: 0.3,
        candidates: [0.3, 0.2, 0.1, 0.05].map((confidence, index) => ({ intent: `i${index}`, confidence })),
        outOfScope: false,
      }),
    };
    const ctx = createNodeContext({ input: "hmm", ports: createFakePorts({ nlu }) });
    await intentNode.execute(data, ctx);
    expect(ctx.traced.candidates).toHaveLength(3);
  });

  it("has one output per intent, keyed by id, plus fallback", () => {
    expect(intentNode.outputs(data)).toEqual([
      { id: "i_track", label: "track_order" },
      { id: "i_refund", label: "refund" },
      { id: "fallback", label: "Fallback", kind: "fallback" },
    ]);
    const renamed = { ...data, intents: data.intents.map((intent) => ({ ...intent, name: `${intent.name}_v2` })) };
    expect(intentNode.outputs(renamed).map((output) => output.id)).toEqual(["i_track", "i_refund", "fallback"]);
  });

  it("validates intents", () => {
    const codes = (input: unknown) =>
      intentNode.validate!(intentNode.dataSchema.parse(input)).map((problem) => `${problem.severity}:${problem.code}`);
    expect(codes(data)).toEqual([]);
    expect(codes({ intents: [] })).toEqual(["error:no_intents"]);
    expect(
      codes({
        intents: [
          { id: "a", name: "Refund", phrases: [] },
          { id: "b", name: "refund", phrases: ["x", "y"] },
          { id: "fallback", name: "other", phrases: ["1", "2", "3"], entities: [{ variable: "v", entity: { type: "regex", pattern: "(" } }] },
        ],
      }),
    ).toEqual(["error:duplicate_output_id", "error:no_phrases", "error:duplicate_intent", "warning:few_phrases", "error:invalid_regex"]);
  });

  it("summarises intent names and lists what it writes", () => {
    expect(intentNode.summary(data)).toEqual(["track_order", "refund"]);
    expect(intentNode.writesVariables!(data)).toEqual(["lastIntent", "lastUtterance", "orderNumber"]);
    expect(intentNode.readsTemplates!(data)).toEqual([data.prompt]);
  });
});
