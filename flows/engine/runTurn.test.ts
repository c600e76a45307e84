import { describe, expect, it } from "vitest";
import { parseSessionState, type SessionState } from "../schema/sessionState";
import { buildFlow, type EdgeSpec, type NodeSpec } from "../testing/buildFlow";
import { createFakePorts, type FakePortsOptions } from "../testing/fakePorts";
import { createRealNlu } from "../testing/realNlu";
import { runTurn, SessionClosedError, type TurnInput } from "./runTurn";
import type { RuntimePorts } from "./types";

const texts = (result: { messages: { text: string }[] }) => result.messages.map((message) => message.text);

/** Runs turns in order, passing state through a JSON round trip as the session store would. */
async function converse(flow: ReturnType<typeof buildFlow>, inputs: (string | null)[], ports: RuntimePorts = createFakePorts()) {
  let state: SessionState | null = null;
  const results = [];
  for (const text of inputs) {
    const input: TurnInput = text === null ? { type: "start" } : { type: "text", text };
    const result = await runTurn(flow, state, input, ports);
    state = parseSessionState(JSON.stringify(result.state));
    results.push(result);
  }
  return results;
}

const intentData = {
  prompt: "What do you need?",
  intents: [
    { id: "i_track", name: "track_order", phrases: ["track my order", "where is my order", "查訂單"] },
    { id: "i_hours", name: "opening_hours", phrases: ["opening hours", "when do you open", "幾點開門"] },
  ],
};

describe("runTurn", () => {
  it("walks edges from the start node to the end", async () => {
    const flow = buildFlow(
      [
        ["s", "start"],
        ["m1", "message", { text: "Hello" }],
        ["set", "setVariables", { assignments: [{ variable: "n", mode: "expression", value: "2 * 21" }] }],
        ["m2", "message", { text: "n is {{n}}" }],
        ["e", "end", { outcome: "resolved", message: "Bye" }],
      ],
      [["s", "next", "m1"], ["m1", "next", "set"], ["set", "next", "m2"], ["m2", "next", "e"]],
    );
    const [result] = await converse(flow, [null]);
    expect(texts(result)).toEqual(["Hello", "n is 42", "Bye"]);
    expect(result.status).toBe("ended");
    expect(result.state.outcome).toBe("resolved");
    expect(result.state.variables).toEqual({ n: 42 });
    expect(result.trace.map((entry) => [entry.nodeId, entry.event, entry.output])).toEqual([
      ["s", "next", "next"],
      ["m1", "next", "next"],
      ["set", "next", "next"],
      ["m2", "next", "next"],
      ["e", "end", undefined],
    ]);
    expect(result.trace[2].variablesSet).toEqual({ n: 42 });
  });

  it("waits at a collect node and resumes with the customer's answer", async () => {
    const flow = buildFlow(
      [
        ["s", "start"],
        ["ask", "collect", { question: "How many guests?", variable: "guests", entity: { type: "number", min: 1, max: 10 }, retryMessage: "1 to 10 please" }],
        ["ok", "message", { text: "Table for {{guests}}" }],
        ["bad", "message", { text: "Let's try later" }],
      ],
      [["s", "next", "ask"], ["ask", "success", "ok"], ["ask", "failure", "bad"]],
    );
    const [first, second, third] = await converse(flow, [null, "twenty", "四位"]);
    expect(texts(first)).toEqual(["How many guests?"]);
    expect(first.status).toBe("active");
    expect(first.state.waitingAt).toBe("ask");
    expect(first.state.nodeState).toEqual({ ask: { retries: 0 } });
    expect(texts(second)).toEqual(["1 to 10 please"]);
    expect(second.state.nodeState).toEqual({ ask: { retries: 1 } });
    expect(second.trace[0]).toMatchObject({ nodeId: "ask", event: "wait", input: "twenty", detail: { invalid: "Expected at most 10" } });
    expect(texts(third)).toEqual(["Table for 4"]);
    expect(third.state.variables.guests).toBe(4);
    expect(third.state.nodeState).toEqual({});
    expect(third.state.turn).toBe(2);
  });

  it("stops a loop at the step cap with the error message and an error trace entry", async () => {
    const flow = buildFlow(
      [
        ["s", "start"],
        ["a", "message", { text: "ping" }],
        ["b", "message", { text: "pong" }],
      ],
      [["s", "next", "a"], ["a", "next", "b"], ["b", "next", "a"]],
      { settings: { maxStepsPerTurn: 7, errorMessage: "Oops" } },
    );
    const [result] = await converse(flow, [null]);
    expect(result.status).toBe("ended");
    expect(result.state.outcome).toBe("unresolved");
    expect(texts(result).at(-1)).toBe("Oops");
    expect(texts(result).slice(0, 6)).toEqual(["ping", "pong", "ping", "pong", "ping", "pong"]);
    expect(result.trace.at(-1)).toMatchObject({ event: "error", error: expect.stringContaining("Stopped after 7 steps") });
  });

  it("ends at a dead end (an output with no edge)", async () => {
    const flow = buildFlow([["s", "start"], ["m", "message", { text: "Nothing follows" }]], [["s", "next", "m"]]);
    const [result] = await converse(flow, [null]);
    expect(texts(result)).toEqual(["Nothing follows"]);
    expect(result.status).toBe("ended");
    expect(result.trace.at(-1)).toMatchObject({ nodeId: "m", event: "dead_end", output: "next" });
  });

  describe("fallbacks", () => {
    const flow = buildFlow(
      [
        ["s", "start"],
        ["intent", "intent", intentData],
        ["sorry", "message", { text: "Sorry, I didn't get that." }],
        ["track", "message", { text: "Let me check your order." }],
        ["hours", "message", { text: "We open at 9." }],
      ],
      [["s", "next", "intent"], ["intent", "fallback", "sorry"], ["sorry", "next", "intent"], ["intent", "i_track", "track"], ["track", "next", "intent"], ["intent", "i_hours", "hours"]],
      { settings: { fallbackHandoff: { after: 3, queue: "tier1", message: "Passing you to a colleague." } } },
    );

    it("hands off after three consecutive fallbacks", async () => {
      const results = await converse(flow, [null, "blah", "meh", "hmm"]);
      expect(results.map((result) => result.status)).toEqual(["active", "active", "active", "handoff"]);
      expect(results[1].state.consecutiveFallbacks).toBe(1);
      expect(texts(results[1])).toEqual(["Sorry, I didn't get that.", "What do you need?"]);
      expect(texts(results[3])).toEqual(["Passing you to a colleague."]);
      expect(results[3].handoff).toMatchObject({ queue: "tier1", reason: "repeated_fallback", nodeId: "intent" });
      expect(results[3].state.waitingAt).toBeNull();
      expect(results[3].state.variables.lastUtterance).toBe("hmm");
    });

    it("resets the count when an intent matches", async () => {
      const results = await converse(flow, [null, "blah", "meh", "where is my order", "hmm", "huh"]);
      expect(results.map((result) => result.status)).toEqual(["active", "active", "active", "active", "active", "active"]);
      expect(results[3].state.consecutiveFallbacks).toBe(0);
      expect(results[3].state.lastIntent).toEqual({ name: "track_order", confidence: 1 });
      expect(results[5].state.consecutiveFallbacks).toBe(2);
    });

    it("refuses further messages once handed off", async () => {
      const results = await converse(flow, [null, "a", "b", "c"]);
      await expect(runTurn(flow, results[3].state, { type: "text", text: "hello?" }, createFakePorts())).rejects.toBeInstanceOf(SessionClosedError);
    });
  });

  describe("asking for a human", () => {
    const flow = buildFlow(
      [
        ["s", "start"],
        ["ask", "collect", { question: "Your email?", variable: "email", entity: { type: "email" } }],
        ["done", "message", { text: "Thanks" }],
      ],
      [["s", "next", "ask"], ["ask", "success", "done"]],
      { settings: { humanRequest: { queue: "vip", message: "Getting a human for you." } } },
    );

    it("hands off from inside a collect node, before the node sees the text", async () => {
      const [, result] = await converse(flow, [null, "I want to talk to a human please"]);
      expect(result.status).toBe("handoff");
      expect(texts(result)).toEqual(["Getting a human for you."]);
      expect(result.handoff).toMatchObject({ queue: "vip", reason: "customer_request", nodeId: "ask" });
      expect(result.trace).toEqual([expect.objectContaining({ event: "handoff", detail: { rule: "customer_request" } })]);
      expect(result.state.variables.email).toBeUndefined();
    });

    it("recognises human requests with the real classifier, in Cantonese too", async () => {
      for (const text of ["can I talk to a real person", "我要搵真人客服"]) {
        const [, result] = await converse(flow, [null, text], createFakePorts({ nlu: createRealNlu() }));
        expect(result.handoff?.reason, text).toBe("customer_request");
      }
      const [, normal] = await converse(flow, [null, "amy@example.com"], createFakePorts({ nlu: createRealNlu() }));
      expect(normal.status).toBe("ended");
      expect(texts(normal)).toEqual(["Thanks"]);
    });

    it("does nothing special when the setting is off", async () => {
      const off = buildFlow(
        [["s", "start"], ["ask", "collect", { question: "Your email?", variable: "email", entity: { type: "email" } }]],
        [["s", "next", "ask"]],
        { settings: { humanRequest: { enabled: false } } },
      );
      const [, result] = await converse(off, [null, "talk to a human"]);
      expect(result.status).toBe("active");
      expect(result.state.nodeState).toEqual({ ask: { retries: 1 } });
    });
  });

  it("hands off at a handoff node with its queue, priority and note", async () => {
    const flow = buildFlow(
      [
        ["s", "start"],
        ["h", "handoff", { queue: "billing", priority: "urgent", note: "Order {{order}}" }],
      ],
      [["s", "next", "h"]],
    );
    const result = await runTurn(flow, null, { type: "start", variables: { order: "A1" } }, createFakePorts());
    expect(result.status).toBe("handoff");
    expect(texts(result)).toEqual(["Connecting you to an agent… 正在為你轉接客服…"]);
    expect(result.handoff).toEqual({ queue: "billing", priority: "urgent", reason: "node", note: "Order A1", lastIntent: null, nodeId: "h" });
  });

  it("ends cleanly when a node throws", async () => {
    const flow = buildFlow(
      [
        ["s", "start"],
        ["c", "condition", { branches: [{ id: "x", expression: "name|nosuchtransform" }] }],
        ["m", "message", { text: "unreachable" }],
      ],
      [["s", "next", "c"], ["c", "else", "m"], ["c", "x", "m"]],
      { settings: { errorMessage: "Something broke" } },
    );
    const [result] = await converse(flow, [null]);
    expect(result.status).toBe("ended");
    expect(texts(result)).toEqual(["Something broke"]);
    expect(result.trace.at(-1)).toMatchObject({ nodeId: "c", nodeType: "condition", event: "error", error: expect.stringMatching(/^Node "c" \(condition\) failed/) });
  });

  it("takes the api call's timeout output and keeps secrets out of state and trace", async () => {
    const flow = buildFlow(
      [
        ["s", "start"],
        ["api", "apiCall", { url: "https://shop.example/orders/{{order}}", headers: [{ name: "X-Key", value: "{{secrets.SHOP}}" }], retries: { count: 1 } }],
        ["ok", "message", { text: "Status: {{orderStatus}}" }],
        ["slow", "message", { text: "Our system is slow: {{apiError}}" }],
      ],
      [["s", "next", "api"], ["api", "success", "ok"], ["api", "timeout", "slow"]],
    );
    const options: FakePortsOptions = { secrets: { SHOP: "s3cret" }, http: [{ url: "https://shop.example/orders/A1", timeout: true }] };
    const ports = createFakePorts(options);
    const result = await runTurn(flow, null, { type: "start", variables: { order: "A1" } }, ports);
    expect(texts(result)).toEqual(["Our system is slow: Timed out after 10000 ms"]);
    expect(ports.requests).toHaveLength(2);
    expect(JSON.stringify(result)).not.toContain("s3cret");
  });

  it("records the random split branch in a variable", async () => {
    const flow = buildFlow(
      [
        ["s", "start"],
        ["split", "randomSplit", {}],
        ["a", "message", { text: "Variant A" }],
        ["b", "message", { text: "Variant B" }],
      ],
      [["s", "next", "split"], ["split", "a", "a"], ["split", "b", "b"]],
    );
    const [a] = await converse(flow, [null], createFakePorts({ randomValues: [0.2] }));
    const [b] = await converse(flow, [null], createFakePorts({ randomValues: [0.8] }));
    expect(texts(a)).toEqual(["Variant A"]);
    expect(texts(b)).toEqual(["Variant B"]);
    expect(b.state.variables).toEqual({ split_split: "B" });
  });

  it("starts from a chosen node", async () => {
    const flow = buildFlow(
      [
        ["s", "start"],
        ["m1", "message", { text: "first" }],
        ["m2", "message", { text: "second" }],
      ],
      [["s", "next", "m1"], ["m1", "next", "m2"]],
    );
    const result = await runTurn(flow, null, { type: "start", startNodeId: "m2" }, createFakePorts());
    expect(texts(result)).toEqual(["second"]);
    expect(result.trace.map((entry) => entry.nodeId)).toEqual(["m2"]);
    const missing = await runTurn(flow, null, { type: "start", startNodeId: "nope" }, createFakePorts());
    expect(missing.status).toBe("ended");
    expect(missing.trace[0]).toMatchObject({ event: "error", error: 'The flow has no node "nope"' });
  });

  it("skips a collect question when an intent already extracted the value", async () => {
    const flow = buildFlow(
      [
        ["s", "start"],
        [
          "intent",
          "intent",
          {
            intents: [
              {
                id: "track",
                name: "track_order",
                phrases: ["track my order", "where is my order", "order status"],
                entities: [{ variable: "order", entity: { type: "regex", pattern: "[A-Z]\\d{5}" } }],
              },
            ],
          },
        ],
        ["ask", "collect", { question: "Order number?", variable: "order", entity: { type: "regex", pattern: "[A-Z]\\d{5}" } }],
        ["m", "message", { text: "Checking {{order}}" }],
      ],
      [["s", "next", "intent"], ["intent", "track", "ask"], ["ask", "success", "m"]],
    );
    const [, withNumber] = await converse(flow, [null, "where is my order A12345"]);
    expect(texts(withNumber)).toEqual(["Checking A12345"]);
    const [, withoutNumber, answered] = await converse(flow, [null, "where is my order", "it's B55555"]);
    expect(texts(withoutNumber)).toEqual(["Order number?"]);
    expect(texts(answered)).toEqual(["Checking B55555"]);
  });
});
