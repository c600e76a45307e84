// 2. The public chat API end to end, on the production build and the app's own
// server (generated/server.mjs), against two ceilings in the same server: a
// bare Next route handler (app/bench/ping) and a bare handler on the listener
// that serves the API (/bench/api-ping in server/main.ts), since the chat API
// is answered before Next.
//
// The measured flow is bench/flows/faq.json, imported and published through the
// app (tRPC flows.import + flows.publish): start -> welcome -> intent node (10
// intents, English and Cantonese) -> answer -> back to the intent node, so each
// customer turn runs NLU (plus the built-in "asks for a human" check) and
// persists the message, the state (CAS) and the trace. Each connection runs its
// own sessions (a start, then 20 messages, one at a time). Afterwards every
// session's transcript is read back and checked.
//
// The shipped order-status flow is reported too: 3 turns per session, the last
// one calling the demo orders API of the same server over HTTP.
import { readFileSync } from "node:fs";
import path from "node:path";
import { chatLoad, getLoad, verifyTranscripts, type LoadResult, type SessionRecord, type VerifyResult } from "../lib/chatLoad";
import { atLeast, atMost, type BenchOptions, type Row, type SectionResult } from "../lib/report";
import { importAndPublish, ROOT, type StartedServer } from "../lib/server";
import { median } from "../lib/stats";

export const MESSAGES_PER_SESSION = 20;

export async function publishFaqFlow(server: StartedServer): Promise<string> {
  const document = JSON.parse(readFileSync(path.join(ROOT, "bench/flows/faq.json"), "utf8"));
  const { slug } = await importAndPublish(server.baseUrl, document);
  return slug;
}

interface RunFigures {
  connections: number;
  ping: LoadResult;
  apiPing: LoadResult;
  faq: LoadResult;
  verify: VerifyResult;
}

export async function runChatBench(options: BenchOptions, server: StartedServer, faqSlug: string): Promise<SectionResult> {
  const seconds = options.quick ? 4 : 8;
  // Warm-up: JIT, first session trains the flow's classifiers, SQLite pages.
  await chatLoad({ baseUrl: server.baseUrl, slug: faqSlug, connections: 10, seconds: 3, messagesPerSession: MESSAGES_PER_SESSION });
  await getLoad({ baseUrl: server.baseUrl, path: "/bench/ping", connections: 10, seconds: 2 });
  await getLoad({ baseUrl: server.baseUrl, path: "/bench/api-ping", connections: 10, seconds: 2 });

  const runs: RunFigures[] = [];
  const orderRuns: { load: LoadResult; verify: VerifyResult }[] = [];
  for (let run = 0; run < options.runs; run += 1) {
    for (const connections of [10, 50]) {
      const ping = await getLoad({ baseUrl: server.baseUrl, path: "/bench/ping", connections, seconds });
      const apiPing = await getLoad({ baseUrl: server.baseUrl, path: "/bench/api-ping", connections, seconds });
      const records: SessionRecord[] = [];
      const faq = await chatLoad({ baseUrl: server.baseUrl, slug: faqSlug, connections, seconds, messagesPerSession: MESSAGES_PER_SESSION, records });
      const verify = await verifyTranscripts(server.baseUrl, records);
      runs.push({ connections, ping, apiPing, faq, verify });
      console.log(
        `  run ${run + 1} @${connections}: ping ${ping.requestsPerSecond.toFixed(0)} req/s (Next), ${apiPing.requestsPerSecond.toFixed(0)} req/s (listener); faq ${faq.requestsPerSecond.toFixed(0)} turns/s p99 ${faq.latency.p99} ms; errors ${faq.errors + faq.non2xx + faq.badBodies}; transcripts lost ${verify.lost} reordered ${verify.reordered}`,
      );
    }
    const records: SessionRecord[] = [];
    const load = await chatLoad({
      baseUrl: server.baseUrl,
      slug: "order-status",
      connections: 50,
      seconds,
      messagesPerSession: 2,
      messageFor: (n, index) => (index === 0 ? ["Where is my order?", "我張單去咗邊？", "track my parcel"][n % 3] : ["A1234567", "A3456789", "A4567890", "B1000001"][n % 4]),
      statusAfter: (index) => (index === 0 ? "active" : "ended"),
      records,
    });
    orderRuns.push({ load, verify: await verifyTranscripts(server.baseUrl, records) });
  }

  const pick = (connections: number) => runs.filter((run) => run.connections === connections);
  const med = (list: RunFigures[], get: (run: RunFigures) => number) => median(list.map(get));
  const rows: Row[] = [];
  for (const connections of [10, 50]) {
    const list = pick(connections);
    const faqRate = med(list, (run) => run.faq.requestsPerSecond);
    const pingRate = med(list, (run) => run.ping.requestsPerSecond);
    const p99 = med(list, (run) => run.faq.latency.p99);
    const apiPingRate = med(list, (run) => run.apiPing.requestsPerSecond);
    rows.push({ metric: `bare Next route handler @${connections} conn`, value: pingRate, unit: "req/s", note: `p99 ${med(list, (run) => run.ping.latency.p99)} ms; ENVIRONMENT.md: ~2,000 req/s @50` });
    rows.push({ metric: `bare handler on the API listener @${connections} conn`, value: apiPingRate, unit: "req/s", note: `p99 ${med(list, (run) => run.apiPing.latency.p99)} ms` });
    rows.push({
      metric: `FAQ chat @${connections} conn`,
      value: faqRate,
      unit: "turns/s",
      ...(connections === 50 ? { target: ">= 1,000", met: atLeast(faqRate, 1000) } : {}),
      note: `${med(list, (run) => run.faq.messageTurnsPerSecond).toFixed(0)} message turns/s + session starts (1 per 20 messages)`,
    });
    rows.push({
      metric: `FAQ chat @${connections}: p50 / p90 / p99`,
      value: `${med(list, (run) => run.faq.latency.p50)} / ${med(list, (run) => run.faq.latency.p90)} / ${p99}`,
      unit: "ms",
      ...(connections === 50 ? { target: "p99 <= 60 ms", met: atMost(p99, 60) } : {}),
    });
    // Paired within each run (same minute, same machine state), then the median of the runs.
    const ratios = list.map((run) => run.faq.requestsPerSecond / run.ping.requestsPerSecond);
    const ratio = median(ratios);
    rows.push({
      metric: `FAQ chat @${connections} / bare Next route handler`,
      value: 100 * ratio,
      unit: "%",
      ...(connections === 50 ? { target: ">= 60%", met: atLeast(ratio, 0.6) } : {}),
      note: `per run: ${ratios.map((value) => `${(100 * value).toFixed(0)}%`).join(", ")}`,
    });
    const listenerRatios = list.map((run) => run.faq.requestsPerSecond / run.apiPing.requestsPerSecond);
    rows.push({
      metric: `FAQ chat @${connections} / bare handler on the API listener`,
      value: 100 * median(listenerRatios),
      unit: "%",
      note: `per run: ${listenerRatios.map((value) => `${(100 * value).toFixed(0)}%`).join(", ")}`,
    });
  }
  const errors = runs.reduce((sum, run) => sum + run.faq.errors + run.faq.non2xx + run.faq.timeouts + run.faq.badBodies, 0);
  const lost = runs.reduce((sum, run) => sum + run.verify.lost + run.verify.reordered + run.verify.unexpected + run.verify.fetchErrors, 0);
  const checkedSessions = runs.reduce((sum, run) => sum + run.verify.checked, 0);
  const checkedMessages = runs.reduce((sum, run) => sum + run.verify.customerMessages, 0);
  rows.push({ metric: "FAQ errors (connection, non-2xx, timeouts, bad bodies)", value: errors, unit: "", target: "0", met: errors === 0 });
  rows.push({
    metric: "lost / reordered messages in transcripts",
    value: lost,
    unit: "",
    target: "0",
    met: lost === 0,
    note: `${checkedSessions.toLocaleString("en-US")} sessions, ${checkedMessages.toLocaleString("en-US")} customer messages checked`,
  });
  const orderRate = median(orderRuns.map((run) => run.load.requestsPerSecond));
  const orderErrors = orderRuns.reduce((sum, run) => sum + run.load.errors + run.load.non2xx + run.load.timeouts + run.load.badBodies, 0);
  const orderLost = orderRuns.reduce((sum, run) => sum + run.verify.lost + run.verify.reordered + run.verify.unexpected + run.verify.fetchErrors, 0);
  rows.push({
    metric: "order-status flow @50 conn (API call back into the server)",
    value: orderRate,
    unit: "turns/s",
    note: `p50/p99 ${median(orderRuns.map((run) => run.load.latency.p50))}/${median(orderRuns.map((run) => run.load.latency.p99))} ms; errors ${orderErrors}; transcript problems ${orderLost}`,
  });
  return {
    section: "2. Public chat API end to end (production server, SQLite)",
    rows,
    details: {
      secondsPerLoad: seconds,
      messagesPerSession: MESSAGES_PER_SESSION,
      runs: runs.map((run) => ({ connections: run.connections, ping: run.ping, apiPing: run.apiPing, faq: run.faq, verify: run.verify })),
      orderStatus: orderRuns,
    },
  };
}
