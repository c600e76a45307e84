// The public REST API, through the Next route handlers with real Request objects.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { useTestDatabase } from "../testing/testDatabase";
import { echoFlow, oneShotFlow } from "../testing/flowFixtures";
import { createFlow, importFlow } from "../flows/flowService";
import { seedDemoData } from "../demo/demoSeed";
import { POST as startRoute } from "../../app/api/v1/flows/[slug]/sessions/route";
import { POST as messageRoute } from "../../app/api/v1/sessions/[sessionId]/messages/route";
import { GET as sessionRoute } from "../../app/api/v1/sessions/[sessionId]/route";
import { GET as healthRoute } from "../../app/api/v1/health/route";
import { GET as orderRoute } from "../../app/api/demo/orders/[orderNumber]/route";
import { GET as availabilityRoute } from "../../app/api/demo/availability/route";
import { POST as bookingRoute } from "../../app/api/demo/bookings/route";
import { toErrorResponse } from "./apiError";

useTestDatabase();

beforeAll(async () => {
  await importFlow(echoFlow(), { slug: "echo", publish: true });
  await importFlow(oneShotFlow(), { slug: "one-shot", publish: true });
  await createFlow({ name: "Unpublished", slug: "unpublished" });
  await seedDemoData();
});

const base = "http://localhost/api/v1";

function post(url: string, body: string | undefined, headers: Record<string, string> = { "content-type": "application/json" }): Request {
  return new Request(url, { method: "POST", headers, ...(body !== undefined ? { body } : {}) });
}

function params<T>(value: T): { params: Promise<T> } {
  return { params: Promise.resolve(value) };
}

async function start(slug: string, body?: unknown): Promise<Response> {
  return startRoute(post(`${base}/flows/${slug}/sessions`, body === undefined ? undefined : JSON.stringify(body)), params({ slug }));
}

async function send(sessionId: string, body: string, headers?: Record<string, string>): Promise<Response> {
  return messageRoute(post(`${base}/sessions/${sessionId}/messages`, body, headers), params({ sessionId }));
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
    const malformed = await startRoute(post(`${base}/flows/echo/sessions`, "{not json"), params({ slug: "echo" }));
    expect(malformed.status).toBe(400);
    expect((await errorOf(malformed)).code).toBe("invalid_json");

    const wrongType = await start("echo", { userId: 42 });
    expect(wrongType.status).toBe(400);
    expect((await errorOf(wrongType)).message).toContain("userId");

    const variables = await start("echo", { variables: ["not", "an", "object"] });
    expect(variables.status).toBe(400);
    expect((await errorOf(variables)).message).toContain("variables");

    const array = await startRoute(post(`${base}/flows/echo/sessions`, "[1,2]"), params({ slug: "echo" }));
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

    const declared = await send(sessionId, JSON.stringify({ text: "short" }), { "content-type": "application/json", "content-length": "1000000" });
    expect(declared.status).toBe(413);

    // A body far over the limit, streamed without a Content-Length.
    const huge = JSON.stringify({ text: "a".repeat(100_000) });
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(huge));
        controller.close();
      },
    });
    const streamed = await messageRoute(
      new Request(`${base}/sessions/${sessionId}/messages`, { method: "POST", body: stream, duplex: "half" } as RequestInit),
      params({ sessionId }),
    );
    expect(streamed.status).toBe(413);
    // Nothing oversized was stored.
    const transcript = await (await sessionRoute(new Request(`${base}/sessions/${sessionId}`), params({ sessionId }))).json();
    expect(transcript.messages.filter((message: { role: string }) => message.role === "customer")).toHaveLength(1);
  });
});

describe("GET /api/v1/sessions/{id}", () => {
  it("returns the transcript in order", async () => {
    const { sessionId } = await (await start("echo")).json();
    await send(sessionId, JSON.stringify({ text: "one" }));
    await send(sessionId, JSON.stringify({ text: "two" }));
    const response = await sessionRoute(new Request(`${base}/sessions/${sessionId}`), params({ sessionId }));
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
    const response = await sessionRoute(new Request(`${base}/sessions/nope`), params({ sessionId: "nope" }));
    expect(response.status).toBe(404);
  });
});

describe("errors and health", () => {
  it("answers unexpected errors with a generic 500 and logs them", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const response = toErrorResponse(new Error("secret internals at /work/main/server/x.ts:12"));
    expect(response.status).toBe(500);
    const error = await errorOf(response);
    expect(error.code).toBe("internal_error");
    expect(error.message).not.toContain("secret");
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });

  it("reports health", async () => {
    const response = await healthRoute();
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok" });
  });
});

describe("demo API", () => {
  it("looks up orders", async () => {
    const response = await orderRoute(new Request("http://localhost/api/demo/orders/A1234567"), params({ orderNumber: "A1234567" }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      orderNumber: "A1234567",
      status: "shipped",
      statusText: { en: expect.any(String), zh: expect.any(String) },
      eta: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      carrier: "SF Express",
      items: expect.arrayContaining([{ name: expect.any(String), qty: expect.any(Number) }]),
    });
    const missing = await orderRoute(new Request("http://localhost/api/demo/orders/Z0000000"), params({ orderNumber: "Z0000000" }));
    expect(missing.status).toBe(404);
    expect(await missing.json()).toHaveProperty("error");
  });

  it("checks availability and books until a time is full", async () => {
    const date = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    const availability = await availabilityRoute(new Request(`http://localhost/api/demo/availability?date=${date}&partySize=2`));
    expect(await availability.json()).toMatchObject({ available: true, times: expect.arrayContaining(["18:00", "20:30"]) });
    const big = await (await availabilityRoute(new Request(`http://localhost/api/demo/availability?date=${date}&partySize=12`))).json();
    expect(big.times).toEqual(["19:00"]);
    expect((await availabilityRoute(new Request(`http://localhost/api/demo/availability?date=2026-02-30&partySize=2`))).status).toBe(400);
    expect((await availabilityRoute(new Request(`http://localhost/api/demo/availability?date=${date}`))).status).toBe(400);

    const booking = { name: "Amy Chan", phone: "+852 9123 4567", date, time: "20:30", partySize: 2 };
    for (let i = 0; i < 2; i += 1) {
      const created = await bookingRoute(post("http://localhost/api/demo/bookings", JSON.stringify(booking)));
      expect(created.status).toBe(201);
      expect(await created.json()).toMatchObject({ bookingId: expect.stringMatching(/^BK/), status: "confirmed", ...booking });
    }
    const full = await bookingRoute(post("http://localhost/api/demo/bookings", JSON.stringify(booking)));
    expect(full.status).toBe(409);
    const after = await (await availabilityRoute(new Request(`http://localhost/api/demo/availability?date=${date}&partySize=2`))).json();
    expect(after.times).not.toContain("20:30");
    const bad = await bookingRoute(post("http://localhost/api/demo/bookings", JSON.stringify({ ...booking, phone: "x" })));
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).message).toContain("phone");
  });
});
