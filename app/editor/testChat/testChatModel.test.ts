import { describe, expect, it } from "vitest";
import type { TraceEntry } from "@/flows/engine/runTurn";
import { apiExchanges, conversationHighlight, diffVariables, fixtureFileName, intentDecisions, toFixture, type ChatTurn } from "./testChatModel";

const entry = (nodeId: string, event: TraceEntry["event"], extra: Partial<TraceEntry> = {}): TraceEntry => ({
  step: 1,
  nodeId,
  nodeType: "message",
  event,
  durationMs: 0,
  ...extra,
});

describe("diffVariables", () => {
  it("lists added, changed and removed variables by name", () => {
    expect(diffVariables({ a: 1, b: { x: 1 }, gone: true, same: "s" }, { a: 2, b: { x: 1 }, same: "s", added: null })).toEqual([
      { name: "a", kind: "changed", before: 1, after: 2 },
      { name: "added", kind: "added", after: null },
      { name: "gone", kind: "removed", before: true },
    ]);
  });
});

describe("intentDecisions and apiExchanges", () => {
  it("reads candidates and API calls from trace details", () => {
    const trace = [
      entry("ask", "next", { input: "where is my order", output: "i1", detail: { candidates: [{ intent: "order", confidence: 0.9 }, { name: "hours", score: 0.2 }, { bad: 1 }], threshold: 0.5 } }),
      entry("api", "next", { output: "success", detail: { request: { method: "GET", url: "/x" }, response: { status: 200, body: { ok: true } } } }),
      entry("plain", "next", { output: "next" }),
    ];
    expect(intentDecisions(trace)).toEqual([
      { nodeId: "ask", input: "where is my order", candidates: [{ name: "order", confidence: 0.9 }, { name: "hours", confidence: 0.2 }], threshold: 0.5, outOfScope: false, output: "i1" },
    ]);
    expect(apiExchanges(trace)).toEqual([{ nodeId: "api", request: { method: "GET", url: "/x" }, response: { status: 200, body: { ok: true } } }]);
  });
});

describe("conversationHighlight", () => {
  const edges = [
    { id: "e1", source: "start", sourceHandle: "next", target: "hello" },
    { id: "e2", source: "hello", sourceHandle: "next", target: "ask" },
    { id: "e3", source: "ask", sourceHandle: "i1", target: "answer" },
    { id: "e4", source: "ask", sourceHandle: "fallback", target: "hello" },
  ];
  it("marks visited nodes and walked edges across turns; the waiting node is active", () => {
    const turns = [
      { trace: [entry("start", "next", { output: "next" }), entry("hello", "next", { output: "next" }), entry("ask", "wait")] },
      { trace: [entry("ask", "next", { output: "i1" }), entry("answer", "end")] },
    ];
    expect(conversationHighlight(turns.slice(0, 1), edges, "ask")).toEqual({ activeNodeId: "ask", visitedNodeIds: ["start", "hello", "ask"], visitedEdgeIds: ["e1", "e2"] });
    expect(conversationHighlight(turns, edges, null)).toEqual({
      activeNodeId: "answer",
      visitedNodeIds: ["start", "hello", "ask", "answer"],
      visitedEdgeIds: ["e1", "e2", "e3"],
    });
  });
  it("ignores flow-level trace entries and dead ends", () => {
    const turns = [{ trace: [entry("ask", "handoff", { nodeType: "flow" }), entry("hello", "dead_end", { output: "missing" })] }];
    expect(conversationHighlight(turns, edges, null)).toEqual({ activeNodeId: "hello", visitedNodeIds: ["hello"], visitedEdgeIds: [] });
  });
});

describe("toFixture", () => {
  it("keeps what the customer said and what the bot answered", () => {
    const turn = (user: string | null, texts: string[], status: ChatTurn["status"], outcome: ChatTurn["outcome"] = null): ChatTurn => ({
      id: 1,
      user,
      messages: texts.map((text) => ({ type: "text", text })),
      status,
      outcome,
      trace: [],
      variablesBefore: {},
      variablesAfter: {},
    });
    const flow = { name: "x" };
    expect(toFixture(flow, [turn(null, ["Hi"], "active"), turn("bye", ["Bye!"], "ended", "resolved")])).toEqual({
      flow,
      turns: [
        { user: null, bot: ["Hi"], status: "active" },
        { user: "bye", bot: ["Bye!"], status: "ended", outcome: "resolved" },
      ],
    });
    expect(fixtureFileName("Order status 查詢!", new Date("2026-01-02T03:04:05Z"))).toBe("order-status-2026-01-02-03-04-05.fixture.json");
  });
});
