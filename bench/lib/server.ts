// Starting and stopping the production server for the HTTP benchmarks:
// `next build` of a copy of the sources when the build is missing or older than
// a source file, then the app's server from that copy on a fresh temporary
// database (scripts/lib/appServer.ts, shared with the e2e suite). Every started
// server is also killed when the bench process exits or is interrupted.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { sleep, startAppServer, type AppServer, type AppServerOptions } from "../../scripts/lib/appServer";

export { sleep };

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const RESULTS_DIR = path.join(ROOT, "bench/results");
const NEXT_BIN = path.join(ROOT, "node_modules/.bin/next");
const SOURCES = ["app", "flows", "server", "public", "generated/prisma", "types", "bench/flows", "next.config.ts", "package.json", "tsconfig.json", "postcss.config.mjs"];
const SKIP = new Set(["node_modules", ".next", "eval", "results"]);

export type StartedServer = AppServer;

export type StartOptions = Pick<AppServerOptions, "env" | "beforeStart" | "keepDataDir" | "nodeArgs">;

const running = new Set<StartedServer>();

/** Problems worth reporting that did not stop the run. */
export const warnings: string[] = [];

export function noteWarning(text: string): void {
  if (!warnings.includes(text)) {
    warnings.push(text);
    console.warn(`[bench] warning: ${text}`);
  }
}
let exitHooksInstalled = false;

/**
 * Where the benchmarked build lives: a copy of the app's sources under
 * bench/.app-snapshot (a dot folder: tsc and vitest globs skip it), built there
 * with its own .next. Building in place would replace .next under other
 * people's running servers (the e2e suite) while they work in this tree;
 * the copy also pins the code being measured. Node and Turbopack resolve
 * packages from the repo's node_modules one level up (the Turbopack root is the
 * repo, found by its package-lock.json).
 */
export const APP_DIR = path.join(ROOT, "bench/.app-snapshot");
const SNAPSHOT_ENTRIES = ["app", "server", "flows", "generated", "public", "types", "bench/flows", "next.config.ts", "package.json", "tsconfig.json", "postcss.config.mjs"];

/** Builds the app (a fresh copy of the sources) unless the last build is newer than every source file. */
export async function buildIfStale(options: { force?: boolean; reuse?: boolean } = {}): Promise<{ built: boolean; seconds: number; reason: string }> {
  await waitForOtherBuilds();
  const buildId = path.join(APP_DIR, ".next/BUILD_ID");
  const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  if (options.reuse && builtAt > 0 && !options.force) {
    return { built: false, seconds: 0, reason: `reusing the build from ${new Date(builtAt).toISOString()} (--reuse-build)` };
  }
  const newest = Math.max(...SOURCES.map((source) => newestMtime(path.join(ROOT, source))));
  if (!options.force && builtAt > newest) return { built: false, seconds: 0, reason: "build is up to date" };
  const reason = builtAt === 0 ? "no build yet" : options.force ? "forced" : "sources changed since the last build";
  console.log(`[bench] next build of a copy of the sources in bench/.app-snapshot (${reason})…`);
  const startedAt = performance.now();
  copySnapshot();
  buildSnapshotExtras();
  mkdirSync(RESULTS_DIR, { recursive: true });
  const result = spawnSync(NEXT_BIN, ["build"], {
    cwd: APP_DIR,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    timeout: 20 * 60_000,
  });
  writeFileSync(path.join(RESULTS_DIR, "next-build.log"), `${result.stdout ?? ""}\n${result.stderr ?? ""}`);
  if (result.status !== 0) {
    throw new Error(`next build failed (exit ${result.status ?? result.signal}); see bench/results/next-build.log:\n${`${result.stdout}\n${result.stderr}`.slice(-3000)}`);
  }
  return { built: true, seconds: (performance.now() - startedAt) / 1000, reason };
}

function copySnapshot(): void {
  mkdirSync(APP_DIR, { recursive: true });
  for (const entry of readdirSync(APP_DIR)) {
    // Keep .next/cache (Turbopack's persistent cache) between builds.
    if (entry === ".next") {
      for (const inner of readdirSync(path.join(APP_DIR, ".next"))) if (inner !== "cache") rmSync(path.join(APP_DIR, ".next", inner), { recursive: true, force: true });
      continue;
    }
    rmSync(path.join(APP_DIR, entry), { recursive: true, force: true });
  }
  for (const entry of SNAPSHOT_ENTRIES) {
    const from = path.join(ROOT, entry);
    if (!existsSync(from)) continue;
    cpSync(from, path.join(APP_DIR, entry), {
      recursive: true,
      filter: (source) => !/(^|\/)(node_modules|\.next|\.app-snapshot|results)(\/|$)/.test(path.relative(ROOT, source)),
    });
  }
}

/** Waits (at most 10 minutes) while another process runs `next build` in this repo, so two builds never share .next. */
async function waitForOtherBuilds(): Promise<void> {
  const deadline = Date.now() + 10 * 60_000;
  let announced = false;
  while (Date.now() < deadline) {
    const others = otherBuildPids();
    if (others.length === 0) return;
    if (!announced) console.log(`[bench] another next build is running (pid ${others.join(", ")}); waiting for it…`);
    announced = true;
    await sleep(2000);
  }
}

function otherBuildPids(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const argv = readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0");
      // `next build` renames its process to "next-build (vX)".
      const isBuild = argv.some((arg) => arg.startsWith("next-build")) || (argv.some((arg) => /(^|\/)next$/.test(arg)) && argv.includes("build"));
      const cwd = readlinkSync(`/proc/${entry}/cwd`);
      if (isBuild && (cwd === ROOT || cwd === APP_DIR)) pids.push(Number(entry));
    } catch {
      // The process went away.
    }
  }
  return pids;
}

/**
 * Runs the app's own build steps that write into generated/ (`build:worker`,
 * the NLU training worker bundle, and `build:server`, the server bundle) in the
 * snapshot, so the build never runs with a stale or missing bundle.
 */
function buildSnapshotExtras(): void {
  const scripts = (JSON.parse(readFileSync(path.join(APP_DIR, "package.json"), "utf8")) as { scripts?: Record<string, string> }).scripts ?? {};
  for (const name of ["build:worker", "build:server"]) {
    const command = scripts[name];
    if (!command) continue;
    const result = spawnSync("sh", ["-c", command], {
      cwd: APP_DIR,
      env: { ...process.env, PATH: `${path.join(ROOT, "node_modules/.bin")}:${process.env.PATH ?? ""}` },
      stdio: ["ignore", "pipe", "pipe"],
      encoding: "utf8",
      timeout: 5 * 60_000,
    });
    if (result.status !== 0) noteWarning(`npm script ${name} failed in the build copy (exit ${result.status}): ${`${result.stdout}${result.stderr}`.slice(-500)}`);
  }
}

export function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target, { withFileTypes: true })) {
    if (SKIP.has(entry.name) || entry.name.startsWith(".") || /\.test\.tsx?$/.test(entry.name)) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry.name)));
  }
  return newest;
}

/** A fresh temp database (migrated + seeded through the npm scripts) and the app's server on it. */
export async function startServer(options: StartOptions = {}): Promise<StartedServer> {
  installExitHooks();
  // A snapshot built before the server had its own bundle (e.g. with --reuse-build).
  if (!existsSync(path.join(APP_DIR, "generated/server.mjs"))) buildSnapshotExtras();
  const started = await startAppServer({
    ...options,
    appDir: APP_DIR,
    repoDir: ROOT,
    name: "bench",
    env: { SWITCHBOARD_BENCH: "1", ...options.env },
    echoLog: Boolean(process.env.BENCH_SERVER_LOG),
  });
  const server: StartedServer = {
    ...started,
    async stop() {
      running.delete(server);
      await started.stop();
    },
  };
  running.add(server);
  return server;
}

/** Stops every server this process started (also on error paths). */
export async function stopAllServers(): Promise<void> {
  await Promise.all([...running].map((server) => server.stop().catch(() => undefined)));
}

/** On Ctrl-C or a kill, exit at once: the exit ends every server still running (scripts/lib/appServer.ts). */
function installExitHooks(): void {
  if (exitHooksInstalled) return;
  exitHooksInstalled = true;
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.once(signal, () => process.exit(130));
}




/** Resident set size in MB of a process and all its descendants (from /proc). */
export function treeRssMb(rootPid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(entry));
      children.set(ppid, list);
    } catch {
      // Gone.
    }
  }
  let totalKb = 0;
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop()!;
    try {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      totalKb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    } catch {
      // Gone.
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return totalKb / 1024;
}

/** Pids of a process and its descendants. */
export function processTree(rootPid: number): number[] {
  const out: number[] = [];
  const all = readdirSync("/proc").filter((entry) => /^\d+$/.test(entry));
  const parent = new Map<number, number>();
  for (const entry of all) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      parent.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // Gone.
    }
  }
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop()!;
    out.push(pid);
    for (const [child, ppid] of parent) if (ppid === pid) stack.push(child);
  }
  return out;
}


// tRPC over HTTP (superjson transformer: inputs and outputs are wrapped in { json }).

export async function trpcMutation<T>(baseUrl: string, procedure: string, input: unknown, timeoutMs = 120_000): Promise<T> {
  const response = await fetch(`${baseUrl}/api/trpc/${procedure}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ json: input }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  return readTrpc<T>(response, procedure);
}

async function readTrpc<T>(response: Response, procedure: string): Promise<T> {
  const text = await response.text();
  let body: { result?: { data?: { json?: T } }; error?: { json?: { message?: string } } };
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`tRPC ${procedure}: HTTP ${response.status}, not JSON: ${text.slice(0, 300)}`);
  }
  if (!response.ok || body.error) throw new Error(`tRPC ${procedure}: HTTP ${response.status}: ${body.error?.json?.message ?? text.slice(0, 500)}`);
  return body.result?.data?.json as T;
}

/** Imports a flow document through the app (tRPC flows.import), publishes it (flows.publish), returns id and slug. */
export async function importAndPublish(baseUrl: string, document: unknown, name?: string): Promise<{ id: string; slug: string; version: number }> {
  const { id, slug } = await trpcMutation<{ id: string; slug: string }>(baseUrl, "flows.import", { document, ...(name ? { name } : {}) });
  const { version } = await trpcMutation<{ version: number }>(baseUrl, "flows.publish", { id });
  return { id, slug, version };
}
