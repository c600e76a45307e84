// Where the server's time goes under the chat load: the production server with
// NODE_OPTIONS=--cpu-prof, the FAQ load at 50 connections, then the profile's
// top self-time functions and the share per package/folder.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chatLoad } from "../lib/chatLoad";
import { summarizeCpuProfile, type ProfileSummary } from "../lib/cpuProfile";
import type { BenchOptions, SectionResult } from "../lib/report";
import { RESULTS_DIR, startServer, stopAllServers } from "../lib/server";
import { MESSAGES_PER_SESSION, publishFaqFlow } from "./chatApi";

export async function runProfileBench(options: BenchOptions): Promise<SectionResult> {
  const profileDir = mkdtempSync(path.join(tmpdir(), "switchboard-bench-prof-"));
  const server = await startServer({ nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] });
  let load;
  let loadStart = 0;
  let loadEnd = 0;
  try {
    const slug = await publishFaqFlow(server);
    await chatLoad({ baseUrl: server.baseUrl, slug, connections: 10, seconds: 3, messagesPerSession: MESSAGES_PER_SESSION });
    loadStart = performance.now();
    load = await chatLoad({ baseUrl: server.baseUrl, slug, connections: 50, seconds: options.quick ? 5 : 10, messagesPerSession: MESSAGES_PER_SESSION });
    loadEnd = performance.now();
  } finally {
    await server.stop();
  }
  // The profile ends when the server exits (just after stop() began); count only the load's samples.
  const stoppedAt = performance.now();
  const window = { startMsBeforeEnd: stoppedAt - loadStart - 200, endMsBeforeEnd: stoppedAt - loadEnd + 200 };
  const files = readdirSync(profileDir).filter((name) => name.endsWith(".cpuprofile"));
  if (files.length === 0) throw new Error(`no .cpuprofile written in ${profileDir} (the server did not exit cleanly?)`);
  const biggest = files.map((name) => path.join(profileDir, name)).sort((a, b) => statSync(b).size - statSync(a).size)[0];
  mkdirSync(RESULTS_DIR, { recursive: true });
  const kept = path.join(RESULTS_DIR, "server-chat.cpuprofile");
  copyFileSync(biggest, kept);
  rmSync(profileDir, { recursive: true, force: true });
  const summary: ProfileSummary = summarizeCpuProfile(kept, 30, window);
  void stopAllServers;
  return {
    section: "Profile: server under the FAQ chat load @50 connections (node --cpu-prof)",
    rows: [
      { metric: "load while profiling", value: load.requestsPerSecond, unit: "turns/s", note: `p99 ${load.latency.p99} ms (profiler overhead included)` },
      { metric: "server busy (not idle)", value: summary.busyPercent, unit: "%", note: `GC ${summary.gcPercent}% of busy time` },
      ...summary.byArea.slice(0, 12).map((area) => ({ metric: `area: ${area.area}`, value: area.selfPercent, unit: "% self" })),
      ...summary.topSelf.slice(0, 15).map((item) => ({ metric: `fn: ${item.function}`, value: item.selfPercent, unit: "% self", note: item.location })),
    ],
    details: { profile: "bench/results/server-chat.cpuprofile (open in Chrome DevTools > Performance)", summary, load },
  };
}
