import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../testing/testDatabase";
import { echoFlow, oneShotFlow, orderStatusFlow, refundHandoffFlow } from "../testing/flowFixtures";
import { startLocalServer, type LocalServer } from "../testing/localServer";
import { importFlow, createFlow } from "../flows/flowService";
import { seedDemoData } from "../demo/demoSeed";
import { getPrisma } from "../db/prisma";
import { getSqlite } from "../db/sqlite";
import { createHttpPort } from "../runtime/httpPort";
import { setRuntimePorts } from "../runtime/ports";
import { NotFoundError, PayloadTooLargeError, SessionClosedError, ValidationError } from "../errors";
import { getSession, postMessage, sendTestRequest, startSession, testTurn } from "./chatService";
import { getSessionStore, SessionConflictError } from "./sessionStore";

useTestDatabase();
let server: LocalServer;

beforeAll(async () => {
  server = await startLocalServer();
  setRuntimePorts({ http: createHttpPort({ selfOrigin: () => server.origin }) });
  await seedDemoData();
  await importFlow(echoFlow(), { slug: "echo", publish: true });
  await importFlow(orderStatusFlow(), { slug: "orders", publish: true });
  await importFlow(refundHandoffFlow(), { slug: "refunds", publish: true });
  await importFlow(oneShotFlow(), { slug: "one-shot", publish: true });
});

afterAll(() => server.close());

describe("chat sessions on published flows", () => {
  it("starts a session up to the first question and keeps the transcript in order", async () => {
    const started = await startSession({ slug: "echo", userId: "u1" });
    expect(started.status).toBe("active");
    expect(started.messages).toEqual([
      { type: "text", text: "Hello! 你好！", quickReplies: ["Hi", "Bye"] },
      { type: "text", text: "Say something" },
    ]);
    const reply = await postMessage({ sessionId: started.sessionId, text: "bananas" });
    expect(reply.messages.map((message) => message.text)).toEqual(["You said bananas", "Say something"]);
    const transcript = await getSession(started.sessionId);
    expect(transcript.flow).toBe("echo");
    expect(transcript.messages.map((message) => [message.role, message.text])).toEqual([
      ["bot", "Hello! 你好！"],
      ["bot", "Say something"],
      ["customer", "bananas"],
      ["bot", "You said bananas"],
      ["bot", "Say something"],
    ]);
    expect(transcript.messages[0].quickReplies).toEqual(["Hi", "Bye"]);
    const traces = getSqlite().prepare(`SELECT turn, nodeId, event FROM TraceEvent WHERE sessionId = ? ORDER BY id`).all(started.sessionId);
    expect(traces).toContainEqual({ turn: 1, nodeId: "ask", event: "next" });
  });

  it("refuses unknown and unpublished flows, unknown sessions, ended sessions and oversized messages", async () => {
    await expect(startSession({ slug: "nope" })).rejects.toBeInstanceOf(NotFoundError);
    await createFlow({ name: "Never published", slug: "draft-only" });
    await expect(startSession({ slug: "draft-only" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(postMessage({ sessionId: "missing", text: "hi" })).rejects.toBeInstanceOf(NotFoundError);

    const ended = await startSession({ slug: "one-shot" });
    expect(ended).toMatchObject({ status: "ended", messages: [{ type: "text", text: "Thanks, goodbye!" }] });
    await expect(postMessage({ sessionId: ended.sessionId, text: "hello?" })).rejects.toBeInstanceOf(SessionClosedError);

    const active = await startSession({ slug: "echo" });
    await expect(postMessage({ sessionId: active.sessionId, text: "字".repeat(1366) })).rejects.toBeInstanceOf(PayloadTooLargeError);
    await expect(postMessage({ sessionId: active.sessionId, text: "  " })).rejects.toBeInstanceOf(ValidationError);
    expect((await postMessage({ sessionId: active.sessionId, text: "字".repeat(1365) })).status).toBe("active");
  });

  it("calls the demo API over real HTTP: found, not found, and timeout", async () => {
    const found = await startSession({ slug: "orders" });
    expect(found.messages[0].text).toBe("What is your order number?");
    const reply = await postMessage({ sessionId: found.sessionId, text: "my order is a1234567 please" });
    expect(reply).toMatchObject({ status: "ended", messages: [{ text: "Order a1234567 is shipped (SF Express)" }] });
    expect(server.requests.some((request) => request.url === "/api/demo/orders/a1234567")).toBe(true);

    const missing = await startSession({ slug: "orders" });
    const notFound = await postMessage({ sessionId: missing.sessionId, text: "Z9999999" });
    expect(notFound.messages[0].text).toBe("Sorry, I can't find order Z9999999");
    const trace = getSqlite()
      .prepare<[string], { data: string }>(`SELECT data FROM TraceEvent WHERE sessionId = ? AND nodeId = 'lookup'`)
      .get(missing.sessionId)!;
    expect(JSON.parse(trace.data).detail.response.status).toBe(404);
  });

  it("takes the timeout output when the API is slow", async () => {
    const slowFlow = orderStatusFlow("Slow orders");
    const nodes = slowFlow.nodes as { id: string; data: Record<string, unknown> }[];
    nodes.find((node) => node.id === "lookup")!.data.url = `${server.origin}/slow?ms=2000&order={{orderNumber}}`;
    nodes.find((node) => node.id === "lookup")!.data.timeoutMs = 200;
    await importFlow(slowFlow, { slug: "slow-orders", publish: true });
    const session = await startSession({ slug: "slow-orders" });
    const startedAt = Date.now();
    const reply = await postMessage({ sessionId: session.sessionId, text: "A1234567" });
    expect(Date.now() - startedAt).toBeLessThan(1500);
    expect(reply.messages[0].text).toBe("Our order system is slow right now");
  });

  it("stores a handoff with transcript, variables, last intent and reason", async () => {
    const session = await startSession({ slug: "refunds", variables: { customerTier: "gold" } });
    const reply = await postMessage({ sessionId: session.sessionId, text: "I want a refund" });
    expect(reply).toMatchObject({ status: "handoff", messages: [{ text: "Passing you to billing" }] });
    const handoffs = await getPrisma().handoff.findMany({ where: { sessionId: session.sessionId } });
    expect(handoffs).toHaveLength(1);
    const [handoff] = handoffs;
    expect(handoff).toMatchObject({ queue: "billing", priority: "high", reason: "node", note: "Customer wants a refund", status: "pending", lastIntent: "refund", nodeId: "toBilling" });
    expect(handoff.lastIntentConfidence).toBeGreaterThan(0);
    expect(JSON.parse(handoff.variables)).toMatchObject({ customerTier: "gold", lastIntent: "refund" });
    expect(JSON.parse(handoff.transcript).map((message: { role: string; text: string }) => [message.role, message.text])).toEqual([
      ["bot", "How can I help?"],
      ["customer", "I want a refund"],
      ["bot", "Passing you to billing"],
    ]);
    expect(handoff.createdAt).toBeInstanceOf(Date);
    // While with an agent the bot stays silent, but the customer's message is kept for the agent.
    expect(await postMessage({ sessionId: session.sessionId, text: "hello?" })).toMatchObject({ status: "handoff", messages: [] });
    const transcript = await getSession(session.sessionId);
    expect(transcript.status).toBe("handoff");
    expect(transcript.messages.at(-1)).toMatchObject({ role: "customer", text: "hello?" });
  });

  it("runs concurrent messages to one session in arrival order", async () => {
    const session = await startSession({ slug: "echo" });
    const texts = Array.from({ length: 12 }, (_, index) => `message ${index + 1}`);
    const replies = await Promise.all(texts.map((text) => postMessage({ sessionId: session.sessionId, text })));
    replies.forEach((reply, index) => expect(reply.messages[0].text).toBe(`You said ${texts[index]}`));
    const transcript = await getSession(session.sessionId);
    const customer = transcript.messages.filter((message) => message.role === "customer").map((message) => message.text);
    expect(customer).toEqual(texts);
    const echoes = transcript.messages.filter((message) => message.text.startsWith("You said")).map((message) => message.text);
    expect(echoes).toEqual(texts.map((text) => `You said ${text}`));
    // Each echo directly follows its customer message.
    transcript.messages.forEach((message, index) => {
      if (message.role === "customer") expect(transcript.messages[index + 1].text).toBe(`You said ${message.text}`);
    });
  });

  it("refuses a turn whose session changed underneath it (compare-and-swap)", async () => {
    const session = await startSession({ slug: "echo" });
    const store = getSessionStore();
    const stored = store.findSession(session.sessionId)!;
    const commit = {
      sessionId: session.sessionId,
      expectedRevision: stored.revision,
      state: JSON.parse(stored.state),
      status: "active" as const,
      turn: 1,
      messages: [{ type: "text" as const, text: "first writer" }],
      trace: [],
      variables: {},
      now: Date.now(),
    };
    store.commitTurn(commit);
    expect(() => store.commitTurn({ ...commit, messages: [{ type: "text", text: "second writer" }] })).toThrow(SessionConflictError);
    const texts = (await getSession(session.sessionId)).messages.map((message) => message.text);
    expect(texts).toContain("first writer");
    expect(texts).not.toContain("second writer");
  });
});

describe("designer test chat", () => {
  it("runs an unsaved document turn by turn with client-held state, persisting nothing", async () => {
    const { id } = await createFlow({ name: "Test pane" });
    const sessionsBefore = await getPrisma().session.count();
    const first = await testTurn({ flowId: id, document: echoFlow(), state: null, input: { type: "start" } });
    expect(first.status).toBe("active");
    expect(first.messages.map((message) => message.text)).toEqual(["Hello! 你好！", "Say something"]);
    expect(first.trace.map((entry) => entry.nodeId)).toEqual(["start", "hello", "ask"]);
    const second = await testTurn({ flowId: id, document: echoFlow(), state: first.state, input: { type: "text", text: "hi" } });
    expect(second.messages[0].text).toBe("You said hi");
    expect(second.state.variables.said).toBe("hi");
    expect(await getPrisma().session.count()).toBe(sessionsBefore);

    // The saved draft (the blank template) runs when no document is sent.
    const blank = await testTurn({ flowId: id, state: null, input: { type: "start" } });
    expect(blank.messages[0].text).toContain("Hello!");
    // Start at a chosen node, with variables.
    const fromNode = await testTurn({ flowId: id, document: echoFlow(), state: null, input: { type: "start", startNodeId: "echo", variables: { said: "x" } } });
    expect(fromNode.messages[0].text).toBe("You said x");
  });

  it("reports document problems and bad state", async () => {
    const { id } = await createFlow({ name: "Test pane 2" });
    const error = await testTurn({ flowId: id, document: { version: 1, name: "x", nodes: [{ id: "a", type: "message", data: { text: "" } }] }, state: null, input: { type: "start" } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).problems.some((problem) => problem.path === "nodes[0].data.text")).toBe(true);
    await expect(testTurn({ flowId: id, document: echoFlow(), state: { version: 1, status: "weird" }, input: { type: "text", text: "x" } })).rejects.toBeInstanceOf(ValidationError);
  });

  it("sends test requests through the same HTTP port", async () => {
    const ok = await sendTestRequest({ method: "POST", url: `${server.origin}/echo`, headers: { "content-type": "application/json" }, body: '{"a":1}' });
    expect(ok).toMatchObject({ ok: true, status: 200, headers: { "x-echo": "yes" }, body: { method: "POST", body: '{"a":1}' } });
    const relative = await sendTestRequest({ method: "GET", url: "/api/demo/orders/A2345678" });
    expect(relative).toMatchObject({ ok: true, status: 200, body: { orderNumber: "A2345678", status: "processing" } });
    expect(await sendTestRequest({ method: "GET", url: "ftp://example.com/file" })).toMatchObject({ ok: false, error: expect.stringContaining("Only http and https") });
    expect(await sendTestRequest({ method: "GET", url: `${server.origin}/slow?ms=1000`, timeoutMs: 100 })).toMatchObject({ ok: false, error: expect.stringContaining("timed out") });
    expect(await sendTestRequest({ method: "GET", url: `${server.origin}/big` })).toMatchObject({ ok: false, error: expect.stringContaining("too large") });
    expect(await sendTestRequest({ method: "GET", url: "http://127.0.0.1:1/nothing" })).toMatchObject({ ok: false, error: expect.stringContaining("failed") });
  });

  it("fills secrets into test requests on the server only", async () => {
    process.env.SWITCHBOARD_SECRET_SHOP_TOKEN = "s3cret";
    try {
      const echoed = await sendTestRequest({ method: "POST", url: `${server.origin}/echo`, headers: { authorization: "Bearer {{secrets.SHOP_TOKEN}}" }, body: '{"key":"{{ secrets.SHOP_TOKEN }}"}' });
      expect(echoed).toMatchObject({ ok: true, body: { body: '{"key":"s3cret"}' } });
      expect(await sendTestRequest({ method: "GET", url: `${server.origin}/echo?k={{secrets.MISSING}}` })).toMatchObject({ ok: false, error: expect.stringContaining('Unknown secret "MISSING"') });
    } finally {
      delete process.env.SWITCHBOARD_SECRET_SHOP_TOKEN;
    }
  });
});
