// 6. Memory: the server's resident set size (the server process and any
// children, from /proc) on a fresh server: after start-up and one session,
// after 10,000 sessions created through the API (each also answers one
// message), and after 30 s idle, then after a full GC (the server runs with
// --expose-gc; app/bench/memory calls gc() when SWITCHBOARD_BENCH=1).
import { chatLoad, type SessionRecord } from "../lib/chatLoad";
import { atMost, type BenchOptions, type SectionResult } from "../lib/report";
import { sleep, treeRssMb, type StartedServer } from "../lib/server";
import { MESSAGES_PER_SESSION } from "./chatApi";

interface MemoryReport {
  gc: boolean;
  pid: number;
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
}

async function memoryAfterGc(server: StartedServer): Promise<MemoryReport> {
  const response = await fetch(`${server.baseUrl}/bench/memory`, { method: "POST", signal: AbortSignal.timeout(30_000) });
  if (!response.ok) throw new Error(`/bench/memory answered ${response.status}`);
  return (await response.json()) as MemoryReport;
}

export async function runMemoryBench(options: BenchOptions, server: StartedServer, faqSlug: string): Promise<SectionResult> {
  const sessions = 10_000;
  const idleSeconds = options.quick ? 10 : 30;
  await chatLoad({ baseUrl: server.baseUrl, slug: faqSlug, connections: 1, amount: 2, messagesPerSession: 1 });
  const startRss = treeRssMb(server.pid);
  const startGc = await memoryAfterGc(server);
  const records: SessionRecord[] = [];
  const load = await chatLoad({ baseUrl: server.baseUrl, slug: faqSlug, connections: 50, amount: sessions * 2, messagesPerSession: 1, records });
  const loadedRss = treeRssMb(server.pid);
  await sleep(idleSeconds * 1000);
  const idleRss = treeRssMb(server.pid);
  const idleGc = await memoryAfterGc(server);
  await sleep(1000);
  const afterGcRss = treeRssMb(server.pid);
  const mb = (bytes: number) => bytes / 1024 / 1024;
  void MESSAGES_PER_SESSION;
  return {
    section: "6. Memory (server RSS)",
    rows: [
      { metric: "RSS after start-up + 1 session", value: startRss, unit: "MB", note: `heap used ${mb(startGc.heapUsed).toFixed(0)} MB after GC` },
      {
        metric: `RSS after ${load.sessions.toLocaleString("en-US")} sessions (+1 message each)`,
        value: loadedRss,
        unit: "MB",
        target: "well under Typebot's ~1,100 MB",
        met: atMost(loadedRss, 1100),
        note: `${load.requestsPerSecond.toFixed(0)} req/s while creating; errors ${load.errors + load.non2xx + load.badBodies}`,
      },
      { metric: `RSS after ${idleSeconds} s idle`, value: idleRss, unit: "MB" },
      {
        metric: "RSS after a full GC",
        value: afterGcRss,
        unit: "MB",
        note: idleGc.gc ? `heap used ${mb(idleGc.heapUsed).toFixed(0)} MB, heap total ${mb(idleGc.heapTotal).toFixed(0)} MB, external ${mb(idleGc.external).toFixed(0)} MB` : "gc() not exposed",
      },
    ],
    details: { sessionsCreated: load.sessions, startRss, loadedRss, idleRss, afterGcRss, startGc, idleGc, load, idleSeconds },
  };
}
