import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { HttpTimeoutError } from "../../flows/engine/types";
import type { IntentMatch } from "../../flows/nlu";
import { useTestDatabase } from "../testing/testDatabase";
import { startLocalServer, type LocalServer } from "../testing/localServer";
import { getPrisma } from "../db/prisma";
import { createHttpPort, HttpRequestError, resolveUrl } from "./httpPort";
import { createNluPort } from "./nluPort";
import { readSecret } from "./secrets";

useTestDatabase();
let server: LocalServer;
beforeAll(async () => {
  server = await startLocalServer();
});
afterAll(() => server.close());

describe("HttpPort", () => {
  const port = () => createHttpPort({ selfOrigin: () => server.origin, maxResponseBytes: 1024 * 1024 });

  it("resolves root-relative URLs against the app's origin and parses JSON", async () => {
    const response = await port().request({ method: "POST", url: "/echo?x=1", headers: { "x-test": "1" }, body: "hello", timeoutMs: 2000 });
    expect(response.status).toBe(200);
    expect(response.headers["content-type"]).toContain("application/json");
    expect(response.body).toMatchObject({ method: "POST", body: "hello", headers: { "x-test": "1" } });
    expect(response.durationMs).toBeGreaterThanOrEqual(0);
    expect(resolveUrl("/api/demo/orders/A1", "http://127.0.0.1:3000")).toBe("http://127.0.0.1:3000/api/demo/orders/A1");
  });

  it("throws HttpTimeoutError on timeout", async () => {
    await expect(port().request({ method: "GET", url: "/slow?ms=1000", headers: {}, timeoutMs: 100 })).rejects.toBeInstanceOf(HttpTimeoutError);
  });

  it("refuses other schemes, bad URLs and oversized responses with clear errors", async () => {
    await expect(port().request({ method: "GET", url: "file:///etc/passwd", headers: {}, timeoutMs: 100 })).rejects.toThrow(/Only http and https/);
    await expect(port().request({ method: "GET", url: "not a url", headers: {}, timeoutMs: 100 })).rejects.toBeInstanceOf(HttpRequestError);
    await expect(port().request({ method: "GET", url: "/big", headers: {}, timeoutMs: 5000 })).rejects.toThrow(/too large/);
  });
});

describe("NLU port", () => {
  function fakeTrainer() {
    const train = vi.fn((intents: { name: string; phrases: string[] }[]) => ({
      classify: (text: string): IntentMatch => {
        const hit = intents.find((intent) => intent.phrases.includes(text));
        return { intent: hit?.name ?? null, confidence: hit ? 1 : 0, candidates: [], outOfScope: !hit } as unknown as IntentMatch;
      },
    }));
    return train;
  }

  it("trains a published version's node once and reuses it", async () => {
    const train = fakeTrainer();
    const nlu = createNluPort({ train });
    const intents = [{ name: "hi", phrases: ["hello"] }];
    expect((await nlu.match({ key: "version1:intent", intents, threshold: 0.5, text: "hello" })).intent).toBe("hi");
    nlu.match({ key: "version1:intent", intents, threshold: 0.5, text: "other" });
    expect(train).toHaveBeenCalledTimes(1);
  });

  it("retrains a draft when its training data changes, keyed by content hash", async () => {
    const train = fakeTrainer();
    const nlu = createNluPort({ train });
    nlu.match({ key: "draft:flow1:intent", intents: [{ name: "hi", phrases: ["hello"] }], threshold: 0.5, text: "hello" });
    nlu.match({ key: "draft:flow1:intent", intents: [{ name: "hi", phrases: ["hello"] }], threshold: 0.5, text: "hello" });
    expect(train).toHaveBeenCalledTimes(1);
    const match = await nlu.match({ key: "draft:flow1:intent", intents: [{ name: "hi", phrases: ["hello", "hey"] }], threshold: 0.5, text: "hey" });
    expect(match.intent).toBe("hi");
    expect(train).toHaveBeenCalledTimes(2);
  });

  it("bounds the cache", async () => {
    const train = fakeTrainer();
    const nlu = createNluPort({ train, publishedCapacity: 2 });
    for (const key of ["a:n", "b:n", "c:n", "a:n"]) await nlu.warm({ key, intents: [{ name: "x", phrases: ["x"] }], threshold: 0.5 });
    expect(nlu.size).toBe(2);
    expect(train).toHaveBeenCalledTimes(4);
  });

  it("trains once when several turns need the same untrained model at the same time", async () => {
    let finishTraining!: () => void;
    const gate = new Promise<void>((resolve) => (finishTraining = resolve));
    const classifier = { classify: (text: string) => ({ intent: text === "hello" ? "hi" : null, confidence: 1, candidates: [], outOfScope: false }) };
    const train = vi.fn(async () => {
      await gate;
      return classifier;
    });
    const nlu = createNluPort({ train });
    const intents = [{ name: "hi", phrases: ["hello"] }];
    const first = nlu.match({ key: "v2:intent", intents, threshold: 0.5, text: "hello" });
    const second = nlu.match({ key: "v2:intent", intents, threshold: 0.5, text: "other" });
    expect(first).toBeInstanceOf(Promise);
    finishTraining();
    expect((await first).intent).toBe("hi");
    expect((await second).intent).toBeNull();
    expect(train).toHaveBeenCalledTimes(1);
    // Once trained, answers come synchronously from the cache.
    expect(nlu.match({ key: "v2:intent", intents, threshold: 0.5, text: "hello" })).toMatchObject({ intent: "hi" });
  });

  it("works with the real classifier", async () => {
    const nlu = createNluPort();
    const intents = [
      { name: "refund", phrases: ["I want a refund", "refund my order", "give me my money back", "我想退款"] },
      { name: "hours", phrases: ["what are your opening hours", "when do you open", "幾點開門"] },
    ];
    expect((await nlu.match({ key: "v:intent", intents, threshold: 0.3, text: "I want a refund" })).intent).toBe("refund");
  });
});

describe("secrets", () => {
  it("reads the Secret table first, then SWITCHBOARD_SECRET_<NAME>", async () => {
    await getPrisma().secret.create({ data: { name: "shop_token", value: "from-db" } });
    process.env.SWITCHBOARD_SECRET_SHOP_TOKEN = "from-env";
    process.env.SWITCHBOARD_SECRET_OTHER_KEY = "env-only";
    expect(readSecret("shop_token")).toBe("from-db");
    expect(readSecret("other-key")).toBe("env-only");
    expect(readSecret("missing")).toBeUndefined();
    delete process.env.SWITCHBOARD_SECRET_SHOP_TOKEN;
    delete process.env.SWITCHBOARD_SECRET_OTHER_KEY;
  });
});
