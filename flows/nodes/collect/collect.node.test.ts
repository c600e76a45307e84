import { describe, expect, it } from "vitest";
import { createFakePorts, FAKE_NOW } from "../../testing/fakePorts";
import { createNodeContext } from "../../testing/nodeContext";
import { collectNode } from "./collect.node.ts";

const guests = collectNode.dataSchema.parse({
  question: "How many guests, {{name}}?",
  variable: "guests",
  entity: { type: "number", min: 1, max: 8 },
  retryMessage: "Please give a number from 1 to 8.",
  maxRetries: 1,
});

describe("collect node", () => {
  it("asks the question and waits with zero retries", async () => {
    const result = await collectNode.execute(guests, createNodeContext({ variables: { name: "Amy" } }));
    expect(result).toEqual({ action: "wait", nodeState: { retries: 0 }, messages: [{ type: "text", text: "How many guests, Amy?" }] });
  });

  it("stores a valid answer and takes success", async () => {
    const result = await collectNode.execute(guests, createNodeContext({ input: "四位", nodeState: { retries: 0 } }));
    expect(result).toEqual({ action: "next", output: "success", setVariables: { guests: 4 } });
  });

  it("re-prompts until the retries are used up, then takes failure", async () => {
    const first = await collectNode.execute(guests, createNodeContext({ input: "lots", nodeState: { retries: 0 } }));
    expect(first).toEqual({ action: "wait", nodeState: { retries: 1 }, messages: [{ type: "text", text: "Please give a number from 1 to 8." }] });
    const ctx = createNodeContext({ input: "20", nodeState: { retries: 1 } });
    expect(await collectNode.execute(guests, ctx)).toEqual({ action: "next", output: "failure" });
    expect(ctx.traced).toEqual({ invalid: "Expected at most 8", retries: 1 });
  });

  it("with zero retries fails on the first invalid answer", async () => {
    const result = await collectNode.execute({ ...guests, maxRetries: 0 }, createNodeContext({ input: "no", nodeState: { retries: 0 } }));
    expect(result).toEqual({ action: "next", output: "failure" });
  });

  it("treats unreadable node state as no retries yet", async () => {
    const result = await collectNode.execute(guests, createNodeContext({ input: "??", nodeState: "garbage" }));
    expect(result).toMatchObject({ action: "wait", nodeState: { retries: 1 } });
  });

  it("skips the question when the variable is already set, unless told not to", async () => {
    const ctx = createNodeContext({ variables: { guests: 3 } });
    expect(await collectNode.execute(guests, ctx)).toEqual({ action: "next", output: "success" });
    expect(ctx.traced.skipped).toBeDefined();
    expect(await collectNode.execute({ ...guests, skipIfSet: false }, createNodeContext({ variables: { guests: 3 } }))).toMatchObject({
      action: "wait",
    });
    expect(await collectNode.execute(guests, createNodeContext({ variables: { guests: "" } }))).toMatchObject({ action: "wait" });
  });

  it("uses the clock for relative dates", async () => {
    const date = collectNode.dataSchema.parse({ question: "When?", variable: "day", entity: { type: "date" } });
    const ctx = createNodeContext({ input: "聽日", nodeState: { retries: 0 }, ports: createFakePorts({ now: FAKE_NOW }) });
    expect(await collectNode.execute(date, ctx)).toEqual({ action: "next", output: "success", setVariables: { day: "2026-11-21" } });
  });

  it("offers option values as quick replies on the question and the retry", async () => {
    const size = collectNode.dataSchema.parse({
      question: "Which size?",
      variable: "size",
      entity: { type: "options", options: [{ value: "Small" }, { value: "Large", synonyms: ["大"] }] },
    });
    expect(await collectNode.execute(size, createNodeContext())).toMatchObject({
      messages: [{ text: "Which size?", quickReplies: ["Small", "Large"] }],
    });
    expect(await collectNode.execute(size, createNodeContext({ input: "huge", nodeState: { retries: 0 } }))).toMatchObject({
      messages: [{ quickReplies: ["Small", "Large"] }],
    });
    expect(await collectNode.execute(size, createNodeContext({ input: "大", nodeState: { retries: 0 } }))).toMatchObject({
      setVariables: { size: "Large" },
    });
    const plain = await collectNode.execute({ ...size, quickReplies: false }, createNodeContext());
    expect(plain).toEqual({ action: "wait", nodeState: { retries: 0 }, messages: [{ type: "text", text: "Which size?" }] });
  });

  it("has success and failure outputs, a summary and variable lists", () => {
    expect(collectNode.outputs(guests)).toEqual([
      { id: "success", label: "Success" },
      { id: "failure", label: "Failure", kind: "error" },
    ]);
    expect(collectNode.summary(guests)[0]).toBe("Asks → guests (number)");
    expect(collectNode.writesVariables!(guests)).toEqual(["guests"]);
    expect(collectNode.readsTemplates!(guests)).toEqual(["How many guests, {{name}}?", "Please give a number from 1 to 8."]);
  });

  it("validates the variable name and the entity rule", () => {
    expect(collectNode.dataSchema.safeParse({ ...guests, variable: "1 bad" }).success).toBe(false);
    const regex = collectNode.dataSchema.parse({ question: "Order?", variable: "order", entity: { type: "regex", pattern: "[" } });
    expect(collectNode.validate!(regex)).toEqual([expect.objectContaining({ severity: "error", code: "invalid_regex", path: ["entity", "pattern"] })]);
  });
});
