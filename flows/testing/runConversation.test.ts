import { basename } from "node:path";
import { describe, expect, it } from "vitest";
import { conversationFixtureFiles, readConversationFixture, REPO_ROOT, runConversation, type ConversationFixture } from "./runConversation";

const flow = {
  version: 1,
  name: "Harness test",
  nodes: [
    { id: "s", type: "start" },
    { id: "ask", type: "collect", data: { question: "Name?", variable: "name", entity: { type: "text" } } },
    { id: "hi", type: "end", data: { message: "Hi {{name}}" } },
  ],
  edges: [
    { id: "e1", source: "s", sourceHandle: "next", target: "ask" },
    { id: "e2", source: "ask", sourceHandle: "success", target: "hi" },
  ],
};

describe("runConversation", () => {
  it("passes a conversation that goes as written", async () => {
    const run = await runConversation({
      flow,
      nlu: "phrases",
      turns: [
        { user: null, bot: ["Name?"], status: "active" },
        { user: "Amy", bot: [{ contains: "Amy" }], status: "ended", variables: { name: "Amy" } },
      ],
    });
    expect(run.failures).toEqual([]);
    expect(run.results).toHaveLength(2);
  });

  it("reports wrong messages, status, variables and handoff", async () => {
    const run = await runConversation({
      flow,
      nlu: "phrases",
      turns: [
        { user: null, bot: ["Your name?"], status: "ended" },
        { user: "Amy", bot: ["Hi Bob"], variables: { name: "Bob" }, handoff: { reason: "node" } },
      ],
    });
    expect(run.failures).toEqual([
      'turn 1 (start): bot said ["Name?"], expected ["Your name?"]',
      "turn 1 (start): status active, expected ended",
      'turn 2 ("Amy"): bot said ["Hi Amy"], expected ["Hi Bob"]',
      'turn 2 ("Amy"): variable name is "Amy", expected "Bob"',
      'turn 2 ("Amy"): expected a handoff, there was none',
    ]);
  });

  it("reports a turn sent to a closed session instead of throwing", async () => {
    const run = await runConversation({
      flow,
      nlu: "phrases",
      turns: [
        { user: null, bot: ["Name?"] },
        { user: "Amy", bot: ["Hi Amy"] },
        { user: "hello?", bot: [] },
      ],
    });
    expect(run.failures).toEqual(['turn 3 ("hello?"): runTurn threw This conversation has ended']);
  });

  it("rejects malformed fixtures", async () => {
    await expect(runConversation({ flow, turns: [{ user: null, bot: "Name?" }] } as unknown as ConversationFixture)).rejects.toThrow();
  });
});
