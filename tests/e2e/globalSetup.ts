// Global setup for the end-to-end suite (vitest.e2e.config.ts):
//  1. builds the app once with `next build` (skipped when .next is newer than every source file);
//  2. creates a fresh temporary SQLite database and runs `npm run db:migrate` and `npm run seed` on it;
//  3. bundles the server (npm run build:server) and starts it on a free port with that database;
//  4. launches Debian Chromium (playwright-core) as a browser server the test files connect to;
// and tears all of it down afterwards.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type BrowserServer } from "playwright-core";
import type { TestProject } from "vitest/node";
import { freePort, killGroup } from "../../scripts/lib/processes";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

const root = path.resolve(import.meta.dirname, "../..");
/** What a build depends on; a build newer than all of these is reused. */
const SOURCES = ["app", "flows", "server", "public", "prisma/schema.prisma", "next.config.ts", "package.json", "package-lock.json", "tsconfig.json", "postcss.config.mjs", "postcss.config.js"];

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    wsEndpoint: string;
    devMode: boolean;
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}. Install it with: apt-get update && apt-get install -y chromium`);
  }
  // E2E_DEV=1 runs the server in development mode (no build; slower pages, handy while iterating and to check dev mode).
  const devMode = process.env.E2E_DEV === "1";
  if (!devMode) buildIfStale();

  const dataDir = mkdtempSync(path.join(tmpdir(), "switchboard-e2e-"));
  const databaseUrl = `file:${path.join(dataDir, "e2e.db")}`;
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    SWITCHBOARD_SELF_ORIGIN: baseUrl,
    NODE_ENV: devMode ? "development" : "production",
    NEXT_TELEMETRY_DISABLED: "1",
  };

  run("npm", ["run", "--silent", "build:server"], env);
  run("npm", ["run", "--silent", "db:migrate"], env);
  run("npm", ["run", "--silent", "seed"], env);

  let server: ChildProcess | null = null;
  let browser: BrowserServer | null = null;
  const teardown = async () => {
    await browser?.close().catch(() => undefined);
    if (server?.pid && server.exitCode === null) {
      killGroup(server.pid, "SIGTERM");
      const exited = await Promise.race([
        new Promise<boolean>((resolve) => server!.once("exit", () => resolve(true))),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5000)),
      ]);
      if (!exited) killGroup(server.pid, "SIGKILL");
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    const serverLog: string[] = [];
    server = spawn(process.execPath, [path.join(root, "generated/server.mjs"), ...(devMode ? ["--dev"] : [])], {
      cwd: root,
      env: { ...env, HOST: "127.0.0.1" },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true, // its own process group, so teardown ends the server and its workers together
    });
    const remember = (chunk: Buffer) => {
      serverLog.push(chunk.toString());
      if (serverLog.length > 200) serverLog.shift();
      if (process.env.E2E_SERVER_LOG) process.stderr.write(chunk);
    };
    server.stdout?.on("data", remember);
    server.stderr?.on("data", remember);
    await waitForServer(baseUrl, server, serverLog);

    browser = await chromium.launchServer({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  } catch (error) {
    await teardown();
    throw error;
  }

  project.provide("baseUrl", baseUrl);
  project.provide("wsEndpoint", browser.wsEndpoint());
  project.provide("databaseUrl", databaseUrl);
  project.provide("devMode", devMode);
  return teardown;
}

function buildIfStale(): void {
  const buildId = path.join(root, ".next/BUILD_ID");
  const isFresh = () => existsSync(buildId) && statSync(buildId).mtimeMs > Math.max(...SOURCES.map((source) => newestMtime(path.join(root, source))));
  if (process.env.E2E_SKIP_BUILD !== "1") {
    // Someone else's `next build` in this tree holds a lock: wait for it, then reuse its output if fresh.
    const deadline = Date.now() + 20 * 60_000;
    for (;;) {
      if (isFresh()) break;
      console.log("[e2e] building the app (next build)…");
      const result = spawnSync(path.join(root, "node_modules/.bin/next"), ["build"], {
        cwd: root,
        env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
        stdio: ["ignore", "pipe", "pipe"],
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
      });
      if (result.status === 0) break;
      const output = `${result.stdout}\n${result.stderr}`;
      if (/Another next build process is already running/.test(output) && Date.now() < deadline) {
        console.log("[e2e] another next build is running; waiting for it…");
        spawnSync("sleep", ["15"]);
        continue;
      }
      throw new Error(`next build failed (exit ${result.status ?? result.signal}):\n${output}`.slice(-8000));
    }
  }
  if (!existsSync(buildId)) throw new Error("next build did not produce .next/BUILD_ID");
}

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    // Tests beside the code do not change the build.
    if (/\.test\.tsx?$/.test(entry.name)) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry.name)));
  }
  return newest;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): void {
  const result = spawnSync(command, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) {
    throw new Error(`${[command, ...args].join(" ")} failed (exit ${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`.slice(-8000));
  }
}

async function waitForServer(baseUrl: string, server: ChildProcess, log: string[]): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The server exited with ${server.exitCode}:\n${log.join("")}`);
    try {
      const response = await fetch(baseUrl, { signal: AbortSignal.timeout(2000) });
      if (response.status < 500) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The server did not answer at ${baseUrl} within 120 s:\n${log.join("")}`);
}
