import { describe, expect, it } from "vitest";
import { createFakePorts, type FakeHttpRoute } from "../../testing/fakePorts";
import { createNodeContext } from "../../testing/nodeContext";
import { apiCallNode } from "./apiCall.node.ts";

const parse = (input: Record<string, unknown>) => apiCallNode.dataSchema.parse(input);

async function run(input: Record<string, unknown>, http: FakeHttpRoute[], variables: Record<string, unknown> = {}, secrets: Record<string, string> = {}) {
  const ports = createFakePorts({ http, secrets });
  const ctx = createNodeContext({ variables, ports });
  const result = await apiCallNode.execute(parse(input), ctx);
  return { result, ports, traced: ctx.traced };
}

describe("apiCall node", () => {
  it("GETs a root-relative URL with encoded values and maps the response", async () => {
    const { result, ports } = await run(
      {
        url: "/api/demo/orders/{{orderNumber}}?lang={{lang}}",
        responseMappings: [
          { variable: "orderStatus", path: "status" },
          { variable: "firstItem", path: "items[0].name" },
          { variable: "eta", path: "$.delivery.eta" },
          { variable: "missing", path: "nope.deeper" },
        ],
        statusVariable: "httpStatus",
      },
      [{ url: "/api/demo/orders/A%2F1%3Fx%3D1?lang=zh-HK", body: { status: "shipped", items: [{ name: "Cake" }], delivery: { eta: "2026-11-21" } } }],
      { orderNumber: "A/1?x=1", lang: "zh-HK" },
    );
    expect(ports.requests).toEqual([{ method: "GET", url: "/api/demo/orders/A%2F1%3Fx%3D1?lang=zh-HK", headers: {}, timeoutMs: 10000 }]);
    expect(result).toEqual({
      action: "next",
      output: "success",
      setVariables: { orderStatus: "shipped", firstItem: "Cake", eta: "2026-11-21", missing: null, httpStatus: 200, apiError: null },
    });
  });

  it("uses a leading placeholder as a base URL without encoding it", async () => {
    const { ports } = await run({ url: "{{apiBase}}/orders/{{id}}" }, [{ url: "https://shop.example/v1/orders/7" }], {
      apiBase: "https://shop.example/v1",
      id: 7,
    });
    expect(ports.requests[0].url).toBe("https://shop.example/v1/orders/7");
  });

  it("POSTs a JSON body, keeping the type of whole-value placeholders", async () => {
    const { result, ports } = await run(
      {
        method: "POST",
        url: "https://api.example/bookings",
        body: JSON.stringify({ guests: "{{guests}}", note: "For {{name}} ({{guests}} people)", tags: ["{{vip}}", "web"], missing: "{{nothing}}", fixed: 1 }),
      },
      [{ method: "POST", url: "https://api.example/bookings", status: 201, body: { id: "B1" } }],
      { guests: 4, name: 'Amy "A" Chan', vip: true },
    );
    expect(result).toMatchObject({ output: "success" });
    expect(JSON.parse(ports.requests[0].body!)).toEqual({
      guests: 4,
      note: 'For Amy "A" Chan (4 people)',
      tags: [true, "web"],
      missing: null,
      fixed: 1,
    });
    expect(ports.requests[0].headers).toEqual({ "Content-Type": "application/json" });
  });

  it("resolves secrets only for the request and redacts them in the trace", async () => {
    const { result, ports, traced } = await run(
      {
        method: "POST",
        url: "https://api.example/x?key={{secrets.API_KEY}}",
        headers: [{ name: "Authorization", value: "Bearer {{secrets.TOKEN}}" }],
        body: '{"token": "{{secrets.TOKEN}}", "user": "{{user}}"}',
      },
      [{ method: "POST", url: "https://api.example/x?key=k%2By%3D", body: { echo: "tok-123 and k+y=" } }],
      { user: "amy" },
      { TOKEN: "tok-123", API_KEY: "k+y=" },
    );
    expect(result).toMatchObject({ output: "success" });
    expect(ports.requests[0].headers.Authorization).toBe("Bearer tok-123");
    expect(JSON.parse(ports.requests[0].body!)).toEqual({ token: "tok-123", user: "amy" });
    expect(ports.secretLookups.sort()).toEqual(["API_KEY", "TOKEN"]);
    const trace = JSON.stringify(traced);
    expect(trace).not.toContain("tok-123");
    expect(trace).not.toContain("k+y=");
    expect(trace).not.toContain("k%2By%3D");
    expect(traced.request).toEqual({
      method: "POST",
      url: "https://api.example/x?key=•••",
      headers: { Authorization: "Bearer •••", "Content-Type": "application/json" },
      body: '{"token":"•••","user":"amy"}',
    });
    expect(traced.response).toEqual({ status: 200, body: { echo: "••• and •••" }, durationMs: 12 });
    expect(JSON.stringify(result.setVariables)).not.toContain("tok-123");
  });

  it("takes error with a reason when a secret is unknown, without calling out", async () => {
    const { result, ports } = await run({ url: "https://api.example/?k={{secrets.NOPE}}", statusVariable: "code" }, []);
    expect(result).toEqual({ action: "next", output: "error", setVariables: { code: null, apiError: 'Unknown secret "NOPE"' } });
    expect(ports.requests).toEqual([]);
  });

  it("does not let a customer-controlled variable named secrets stand in for real secrets", async () => {
    const { ports } = await run({ url: "https://api.example/?k={{secrets.KEY}}" }, [{ url: "https://api.example/?k=real" }], { secrets: { KEY: "fake" } }, { KEY: "real" });
    expect(ports.requests[0].url).toBe("https://api.example/?k=real");
  });

  it("takes error on non-2xx and stores the status", async () => {
    const { result, traced } = await run({ url: "/api/orders/1", statusVariable: "code", responseMappings: [{ variable: "s", path: "status" }] }, [
      { url: "/api/orders/1", status: 404, body: { message: "not found" } },
    ]);
    expect(result).toEqual({ action: "next", output: "error", setVariables: { code: 404, apiError: "HTTP 404" } });
    expect(traced.response).toMatchObject({ status: 404, body: { message: "not found" } });
  });

  it("takes error on a network failure and timeout on HttpTimeoutError", async () => {
    const network = await run({ url: "/api/a" }, [{ url: "/api/a", networkError: "ECONNREFUSED" }]);
    expect(network.result).toEqual({ action: "next", output: "error", setVariables: { apiError: "Network error: ECONNREFUSED" } });
    const slow = await run({ url: "/api/a", timeoutMs: 500 }, [{ url: "/api/a", timeout: true }]);
    expect(slow.result).toEqual({ action: "next", output: "timeout", setVariables: { apiError: "Timed out after 500 ms" } });
    expect(slow.ports.requests[0].timeoutMs).toBe(500);
  });

  it("retries network errors, timeouts and 5xx for idempotent methods", async () => {
    const { result, ports, traced } = await run({ url: "/api/a", retries: { count: 3 } }, [
      { url: "/api/a", networkError: "reset", once: true },
      { url: "/api/a", timeout: true, once: true },
      { url: "/api/a", status: 503, once: true },
      { url: "/api/a", body: { ok: true } },
    ]);
    expect(result).toMatchObject({ output: "success" });
    expect(ports.requests).toHaveLength(4);
    expect(traced.attempts).toEqual([
      { error: "reset", durationMs: 0 },
      { error: expect.stringContaining("timed out"), durationMs: 0 },
      { status: 503, durationMs: 12 },
      { status: 200, durationMs: 12 },
    ]);
  });

  it("does not retry 4xx, and gives up after the retry count", async () => {
    const notFound = await run({ url: "/api/a", retries: { count: 2 } }, [{ url: "/api/a", status: 404 }]);
    expect(notFound.ports.requests).toHaveLength(1);
    const down = await run({ url: "/api/a", retries: { count: 2 } }, [{ url: "/api/a", status: 502 }]);
    expect(down.ports.requests).toHaveLength(3);
    expect(down.result).toMatchObject({ output: "error", setVariables: { apiError: "HTTP 502" } });
  });

  it("never retries a POST, even if the document asks for it", async () => {
    const { ports } = await run({ method: "POST", url: "/api/a", retries: { count: 2 } }, [{ method: "POST", url: "/api/a", status: 500 }]);
    expect(ports.requests).toHaveLength(1);
  });

  it("refuses URLs that are neither absolute http(s) nor root-relative", async () => {
    for (const url of ["{{base}}/x", "ftp://x/y", "//evil.example/x"]) {
      const { result, ports } = await run({ url }, [], { base: "javascript:alert(1)" });
      expect(result).toMatchObject({ output: "error", setVariables: { apiError: expect.stringMatching(/^Invalid URL/) } });
      expect(ports.requests).toEqual([]);
    }
  });

  it("truncates big response bodies in the trace", async () => {
    const { traced } = await run({ url: "/api/big" }, [{ url: "/api/big", body: { text: "x".repeat(5000) } }]);
    const body = (traced.response as { body: string }).body;
    expect(typeof body).toBe("string");
    expect(body.length).toBeLessThanOrEqual(2048);
    expect(body.endsWith("…")).toBe(true);
  });

  it("validates URL, JSON body and retries", () => {
    const codes = (input: Record<string, unknown>) => apiCallNode.validate!(parse(input)).map((problem) => `${problem.severity}:${problem.code}`);
    expect(codes({ url: "/api/x" })).toEqual([]);
    expect(codes({ url: "{{base}}/x" })).toEqual([]);
    expect(codes({ url: "api/x" })).toEqual(["error:invalid_url"]);
    expect(codes({ method: "POST", url: "/x", body: '{"a": {{a}}}' })).toEqual(["error:invalid_json"]);
    expect(codes({ method: "GET", url: "/x", body: "{}" })).toEqual(["warning:get_body"]);
    expect(codes({ method: "POST", url: "/x", retries: { count: 1 } })).toEqual(["error:retry_not_idempotent"]);
    expect(codes({ method: "PUT", url: "/x", retries: { count: 1 } })).toEqual([]);
    expect(apiCallNode.dataSchema.safeParse({ url: "/x", timeoutMs: 60001 }).success).toBe(false);
    expect(apiCallNode.dataSchema.safeParse({ url: "/x", retries: { count: 6 } }).success).toBe(false);
  });

  it("summarises and lists variables", () => {
    const data = parse({ url: "/api/demo/orders/{{orderNumber}}", responseMappings: [{ variable: "orderStatus", path: "status" }], statusVariable: "code" });
    expect(apiCallNode.summary(data)).toEqual(["GET /api/demo/orders/{{orderNumber}}", "→ orderStatus"]);
    expect(apiCallNode.writesVariables!(data)).toEqual(["orderStatus", "code", "apiError"]);
    expect(apiCallNode.outputs(data).map((output) => output.id)).toEqual(["success", "error", "timeout"]);
  });
});
