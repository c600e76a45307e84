// The JSON APIs through a real HTTP server on 127.0.0.1 (the same handler the
// app's server uses), with real SQLite.
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { useTestDatabase } from "../testing/testDatabase";
import { echoFlow, oneShotFlow } from "../testing/flowFixtures";
import { startLocalServer, type LocalServer } from "../testing/localServer";
import { createFlow, importFlow } from "../flows/flowService";
import { seedDemoData } from "../demo/demoSeed";
import { toErrorReply } from "./apiError";

useTestDatabase();

let server: LocalServer;
let base: string;

beforeAll(async () => {
  await importFlow(echoFlow(), { slug: "echo", publish: true });
  await importFlow(oneShotFlow(), { slug: "one-shot", publish: true });
  await createFlow({ name: "Unpublished", slug: "unpublished" });
  await seedDemoData();
  server = await startLocalServer();
  base = `${server.origin}/api/v1`;
});

afterAll(() => server.close());

function post(url: string, body: string | undefined, headers: Record<string, string> = { "content-type": "application/json" }): Promise<Response> {
  return fetch(url, { method: "POST", headers, ...(body !== undefined ? { body } : {}) });
}

async function start(slug: string, body?: unknown): Promise<Response> {
  return post(`${base}/flows/${slug}/sessions`, body === undefined ? undefined : JSON.stringify(body));
}

async function send(sessionId: string, body: string, headers?: Record<string, string>): Promise<Response> {
  return post(`${base}/sessions/${sessionId}/messages`, body, headers);
}

/** A POST whose Content-Length promises more than it sends (fetch refuses to send one). */
function requestDeclaringLength(url: string, body: string, declaredBytes: number): Promise<{ status: number; connection?: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method: "POST", headers: { "content-type": "application/json", "content-length": declaredBytes } }, (response) => {
      response.resume();
      resolve({ status: response.statusCode ?? 0, connection: response.headers.connection });
      request.destroy();
    });
    request.on("error", reject);
    request.write(body);
  });
}

async function errorOf(response: Response): Promise<{ code: string; message: string }> {
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(Object.keys(body)).toEqual(["error"]);
  return body.error;
}

describe("POST /api/v1/flows/{slug}/sessions", () => {
  it("starts a session: 201 with the first messages", async () => {
    const response = await start("echo", { userId: "customer-1", variables: { name: "Amy" } });
    expect(response.status).toBe(201);
    expect(response.headers.get("content-type")).toContain("application/json");
    const body = await response.json();
    expect(body).toEqual({
      sessionId: expect.any(String),
      status: "active",
      messages: [
        { type: "text", text: "Hello! 你好！", quickReplies: ["Hi", "Bye"] },
        { type: "text", text: "Say something" },
      ],
    });
  });

  it("accepts an empty body", async () => {
    expect((await start("echo")).status).toBe(201);
  });

  it("400 on malformed JSON and on wrong types, naming the field", async () => {
    const malformed = await post(`${base}/flows/echo/sessions`, "{not json");
    expect(malformed.status).toBe(400);
    expect((await errorOf(malformed)).code).toBe("invalid_json");

    const wrongType = await start("echo", { userId: 42 });
    expect(wrongType.status).toBe(400);
    expect((await errorOf(wrongType)).message).toContain("userId");

    const variables = await start("echo", { variables: ["not", "an", "object"] });
    expect(variables.status).toBe(400);
    expect((await errorOf(variables)).message).toContain("variables");

    const array = await post(`${base}/flows/echo/sessions`, "[1,2]");
    expect(array.status).toBe(400);
  });

  it("404 for an unknown or unpublished flow", async () => {
    const unknown = await start("no-such-flow", {});
    expect(unknown.status).toBe(404);
    expect((await errorOf(unknown)).code).toBe("not_found");
    expect((await start("unpublished", {})).status).toBe(404);
  });
});

describe("POST /api/v1/sessions/{id}/messages", () => {
  it("200 with the bot's replies", async () => {
    const { sessionId } = await (await start("echo")).json();
    const response = await send(sessionId, JSON.stringify({ text: "hi there" }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "active", messages: [{ type: "text", text: "You said hi there" }, { type: "text", text: "Say something" }] });
  });

  it("400 for malformed JSON, a missing or non-string text", async () => {
    const { sessionId } = await (await start("echo")).json();
    const malformed = await send(sessionId, '{"text": "unterminated');
    expect(malformed.status).toBe(400);
    expect((await errorOf(malformed)).code).toBe("invalid_json");
    const wrongType = await send(sessionId, JSON.stringify({ text: 123 }));
    expect(wrongType.status).toBe(400);
    const error = await errorOf(wrongType);
    expect(error.code).toBe("invalid_body");
    expect(error.message).toContain("text");
    expect(error.message).toContain("string");
    expect((await send(sessionId, JSON.stringify({}))).status).toBe(400);
    expect((await send(sessionId, "")).status).toBe(400);
    expect((await send(sessionId, JSON.stringify({ text: "   " }))).status).toBe(400);
  });

  it("404 for an unknown session", async () => {
    const response = await send("00000000-0000-0000-0000-000000000000", JSON.stringify({ text: "hello" }));
    expect(response.status).toBe(404);
    expect((await errorOf(response)).code).toBe("not_found");
  });

  it("409 for an ended session", async () => {
    const started = await (await start("one-shot")).json();
    expect(started.status).toBe("ended");
    const response = await send(started.sessionId, JSON.stringify({ text: "anyone there?" }));
    expect(response.status).toBe(409);
    expect((await errorOf(response)).code).toBe("session_ended");
  });

  it("413 for a message over 4 KB (UTF-8 bytes), by Content-Length and by actual body", async () => {
    const { sessionId } = await (await start("echo")).json();
    // 1,366 three-byte characters = 4,098 bytes: over the limit though under 4,096 characters.
    const tooLong = await send(sessionId, JSON.stringify({ text: "好".repeat(1366) }));
    expect(tooLong.status).toBe(413);
    expect((await errorOf(tooLong)).code).toBe("payload_too_large");
    expect((await send(sessionId, JSON.stringify({ text: "a".repeat(4096) }))).status).toBe(200);

    // Refused on the declared length alone, before the body arrives.
    const declared = await requestDeclaringLength(`${base}/sessions/${sessionId}/messages`, JSON.stringify({ text: "short" }), 1_000_000);
    expect(declared.status).toBe(413);
    expect(declared.connection).toBe("close");

    // A body far over the limit, streamed without a Content-Length.
    const huge = JSON.stringify({ text: "a".repeat(100_000) });
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(huge));
        controller.close();
      },
    });
    const streamed = await fetch(`${base}/sessions/${sessionId}/messages`, { method: "POST", body: stream, duplex: "half" } as RequestInit);
    expect(streamed.status).toBe(413);
    // Nothing oversized was stored.
    const transcript = await (await fetch(`${base}/sessions/${sessionId}`)).json();
    expect(transcript.messages.filter((message: { role: string }) => message.role === "customer")).toHaveLength(1);
  });
});

describe("GET /api/v1/sessions/{id}", () => {
  it("returns the transcript in order", async () => {
    const { sessionId } = await (await start("echo")).json();
    await send(sessionId, JSON.stringify({ text: "one" }));
    await send(sessionId, JSON.stringify({ text: "two" }));
    const response = await fetch(`${base}/sessions/${sessionId}`);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ sessionId, flow: "echo", status: "active" });
    expect(body.messages.map((message: { role: string; text: string }) => `${message.role}: ${message.text}`)).toEqual([
      "bot: Hello! 你好！",
      "bot: Say something",
      "customer: one",
      "bot: You said one",
      "bot: Say something",
      "customer: two",
      "bot: You said two",
      "bot: Say something",
    ]);
    expect(body.messages[0]).toEqual({ role: "bot", type: "text", text: "Hello! 你好！", quickReplies: ["Hi", "Bye"], createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) });
  });

  it("404 for an unknown session", async () => {
    const response = await fetch(`${base}/sessions/nope`);
    expect(response.status).toBe(404);
  });
});

describe("errors and health", () => {
  it("answers unexpected errors with a generic 500 and logs them", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const reply = toErrorReply(new Error("secret internals at /work/main/server/x.ts:12"));
    expect(reply.status).toBe(500);
    const error = (reply.body as { error: { code: string; message: string } }).error;
    expect(error.code).toBe("internal_error");
    expect(error.message).not.toContain("secret");
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });

  it("answers unknown API paths with 404 and wrong methods with 405, in JSON", async () => {
    const unknown = await fetch(`${base}/no-such-thing`);
    expect(unknown.status).toBe(404);
    expect((await errorOf(unknown)).message).toContain("/api/v1/no-such-thing");

    const wrongMethod = await fetch(`${base}/health`, { method: "DELETE" });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get("allow")).toBe("GET");
    expect((await errorOf(wrongMethod)).code).toBe("method_not_allowed");

    const badEncoding = await fetch(`${base}/sessions/%E0%A4%A/messages`, { method: "POST", body: "{}" });
    expect(badEncoding.status).toBe(400);
    expect((await errorOf(badEncoding)).code).toBe("invalid_path");
  });

  it("reports health", async () => {
    const response = await fetch(`${base}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok" });
  });
});

describe("demo API", () => {
  it("looks up orders", async () => {
    const response = await fetch(`${server.origin}/api/demo/orders/A1234567`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      orderNumber: "A1234567",
      status: "shipped",
      statusText: { en: expect.any(String), zh: expect.any(String) },
      eta: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      carrier: "SF Express",
      items: expect.arrayContaining([{ name: expect.any(String), qty: expect.any(Number) }]),
    });
    const missing = await fetch(`${server.origin}/api/demo/orders/Z0000000`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toHaveProperty("error");
  });

  it("checks availability and books until a time is full", async () => {
    const date = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    const availability = await fetch(`${server.origin}/api/demo/availability?date=${date}&partySize=2`);
    expect(await availability.json()).toMatchObject({ available: true, times: expect.arrayContaining(["18:00", "20:30"]) });
    const big = await (await fetch(`${server.origin}/api/demo/availability?date=${date}&partySize=12`)).json();
    expect(big.times).toEqual(["19:00"]);
    expect((await fetch(`${server.origin}/api/demo/availability?date=2026-02-30&partySize=2`)).status).toBe(400);
    expect((await fetch(`${server.origin}/api/demo/availability?date=${date}`)).status).toBe(400);

    const booking = { name: "Amy Chan", phone: "+852 9123 4567", date, time: "20:30", partySize: 2 };
    for (let i = 0; i < 2; i += 1) {
      const created = await post(`${server.origin}/api/demo/bookings`, JSON.stringify(booking));
      expect(created.status).toBe(201);
      expect(await created.json()).toMatchObject({ bookingId: expect.stringMatching(/^BK/), status: "confirmed", ...booking });
    }
    const full = await post(`${server.origin}/api/demo/bookings`, JSON.stringify(booking));
    expect(full.status).toBe(409);
    const after = await (await fetch(`${server.origin}/api/demo/availability?date=${date}&partySize=2`)).json();
    expect(after.times).not.toContain("20:30");
    const bad = await post(`${server.origin}/api/demo/bookings`, JSON.stringify({ ...booking, phone: "x" }));
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).message).toContain("phone");
  });
});
