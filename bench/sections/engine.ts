// 1. Engine, in process: the shipped order-status flow (flows/examples/order-status.json)
// run turn by turn with the server's real ports (server/runtime: the fetch-based
// HTTP port and the NLU port with its classifier cache), no HTTP server or
// database in front. The API-call node calls a node:http server started here,
// which answers like the demo orders API.
//
// A conversation is 3 turns: start (welcome, waits at the intent node), an
// order-status question (NLU -> collect asks for the number), the order number
// (collect -> API call -> condition -> message -> end). Every 4th conversation
// gives the number in the question instead (NLU + entity -> API call in one turn),
// and every 8th asks about an unknown order (API 404 -> handoff).
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import path from "node:path";
import { runTurn, type TurnResult } from "../../flows/engine/runTurn";
import type { RuntimePorts } from "../../flows/engine/types";
import { loadFlowDocument, type FlowDocument } from "../../flows/schema/flowDocument";
import { createHttpPort } from "../../server/runtime/httpPort";
import { createNluPort } from "../../server/runtime/nluPort";
import { atMost, type BenchOptions, type SectionResult } from "../lib/report";
import { ROOT } from "../lib/server";
import { median, medianOfRuns, Samples } from "../lib/stats";

const ORDERS: Record<string, { status: string; en: string; zh: string; eta: string; carrier: string }> = {
  A1234567: { status: "shipped", en: "Your order is on its way.", zh: "你嘅訂單已經寄出，運送中。", eta: "2026-11-24", carrier: "SF Express" },
  A2345678: { status: "processing", en: "We are preparing your order.", zh: "我哋正在準備你嘅訂單。", eta: "2026-11-27", carrier: "Hongkong Post" },
  A3456789: { status: "delivered", en: "Your order has been delivered.", zh: "你嘅訂單已經送達。", eta: "2026-11-19", carrier: "DHL Express" },
  A4567890: { status: "cancelled", en: "This order was cancelled.", zh: "呢張訂單已經取消。", eta: "2026-11-22", carrier: "Kerry Express" },
};
const ORDER_NUMBERS = Object.keys(ORDERS);
const QUESTIONS = ["Where is my order?", "我張單去咗邊？", "has my order been shipped yet", "想查下我張訂單", "when will my parcel arrive", "我嘅貨幾時到呀"];

export async function runEngineBench(options: BenchOptions): Promise<SectionResult> {
  const flow = loadFlowDocument(JSON.parse(readFileSync(path.join(ROOT, "flows/examples/order-status.json"), "utf8")));
  const api = await startOrdersApi();
  try {
    const ports: RuntimePorts = {
      http: createHttpPort({ selfOrigin: () => api.origin }),
      nlu: createNluPort(),
      clock: { now: () => Date.now() },
      random: () => Math.random(),
      secret: () => undefined,
    };
    // Warm-up: trains the classifiers (cached per key, as in the server), JITs the engine.
    const warm = new Samples();
    for (let i = 0; i < 300; i += 1) await conversation(flow, ports, i, warm, null, true);

    const seconds = options.quick ? 1.5 : 3;
    const sequential: Record<string, number>[] = [];
    const concurrent: Record<string, number>[] = [];
    let checked = 0;
    for (let run = 0; run < options.runs; run += 1) {
      sequential.push(await measure(flow, ports, 1, seconds));
      concurrent.push(await measure(flow, ports, 50, seconds));
      checked += 1;
    }
    const seq = medianOfRuns(sequential);
    const conc = medianOfRuns(concurrent);
    return {
      section: "1. Engine (in process, order-status flow, real ports)",
      rows: [
        { metric: "turns/s, one conversation at a time", value: seq.turnsPerSecond, unit: "turns/s" },
        { metric: "turn latency p50", value: seq.p50, unit: "ms" },
        { metric: "turn latency p99", value: seq.p99, unit: "ms", target: "<= 5 ms", met: atMost(seq.p99, 5) },
        { metric: "API-call turn p50 / p99", value: `${seq.apiP50.toFixed(2)} / ${seq.apiP99.toFixed(2)}`, unit: "ms", note: "NLU or collect + HTTP + condition + message" },
        { metric: "turns/s, 50 conversations concurrently", value: conc.turnsPerSecond, unit: "turns/s", note: `p99 ${conc.p99.toFixed(2)} ms (includes waiting for the event loop)` },
      ],
      details: { secondsPerRun: seconds, runs: checked, sequential, concurrent, medianSequential: seq, medianConcurrent: conc, apiRequests: api.count() },
    };
  } finally {
    await api.close();
  }
}

async function measure(flow: FlowDocument, ports: RuntimePorts, concurrency: number, seconds: number): Promise<Record<string, number>> {
  const all = new Samples();
  const apiTurns = new Samples();
  const deadline = performance.now() + seconds * 1000;
  const startedAt = performance.now();
  let index = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        index += 1;
        await conversation(flow, ports, index, all, apiTurns, false);
      }
    }),
  );
  const elapsed = (performance.now() - startedAt) / 1000;
  const summary = all.summary();
  const api = apiTurns.summary();
  return { turns: summary.count, turnsPerSecond: summary.count / elapsed, p50: summary.p50, p90: summary.p90, p99: summary.p99, max: summary.max, apiP50: api.p50, apiP99: api.p99 };
}

/** One conversation; records each turn's latency (and API-call turns separately). Throws if the flow does not behave. */
async function conversation(flow: FlowDocument, ports: RuntimePorts, index: number, all: Samples, apiTurns: Samples | null, warm: boolean): Promise<void> {
  const question = QUESTIONS[index % QUESTIONS.length];
  const unknown = index % 8 === 7;
  const orderNumber = unknown ? "Z9999999" : ORDER_NUMBERS[index % ORDER_NUMBERS.length];
  const inOneTurn = index % 4 === 3;
  const turns: [string | null, boolean][] = inOneTurn
    ? [[null, false], [`${question} ${orderNumber}`, true]]
    : [[null, false], [question, false], [orderNumber, true]];
  let state: TurnResult["state"] | null = null;
  let last: TurnResult | null = null;
  for (const [text, callsApi] of turns) {
    const startedAt = performance.now();
    last = await runTurn(flow, state, text === null ? { type: "start" } : { type: "text", text }, ports, { modelKeyPrefix: "bench-v1" });
    const elapsed = performance.now() - startedAt;
    if (!warm) {
      all.push(elapsed);
      if (callsApi) apiTurns?.push(elapsed);
    }
    state = last.state;
  }
  const expected = unknown ? "handoff" : "ended";
  if (last?.status !== expected) {
    throw new Error(`order-status conversation ${index} ended "${last?.status}", expected "${expected}": ${JSON.stringify(last?.trace.slice(-3))}`);
  }
}

async function startOrdersApi(): Promise<{ origin: string; close(): Promise<void>; count(): number }> {
  let requests = 0;
  const server: Server = createServer((request, response) => {
    requests += 1;
    const match = /^\/api\/demo\/orders\/([^/?]+)/.exec(request.url ?? "");
    const order = match ? ORDERS[decodeURIComponent(match[1]).toUpperCase()] : undefined;
    if (!match || !order) {
      response.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: { code: "not_found", message: "There is no such order" } }));
      return;
    }
    response.writeHead(200, { "content-type": "application/json" }).end(
      JSON.stringify({ orderNumber: match[1], status: order.status, statusText: { en: order.en, zh: order.zh }, eta: order.eta, carrier: order.carrier, items: [{ name: "Phone case", qty: 1 }] }),
    );
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address !== "object") throw new Error("orders API did not bind");
  return {
    origin: `http://127.0.0.1:${address.port}`,
    count: () => requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export { median };
