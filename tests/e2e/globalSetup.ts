// Global setup for the end-to-end suite (vitest.e2e.config.ts):
//  1. builds the app once with `next build` (skipped when .next is newer than every source file);
//  2. bundles the server (npm run build:server) and starts it on a fresh temporary database
//     (scripts/lib/appServer.ts: migrated and seeded, a free port);
//  3. launches Debian Chromium (playwright-core) as a browser server the test files connect to;
// and tears all of it down afterwards.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { chromium, type BrowserServer } from "playwright-core";
import type { TestProject } from "vitest/node";
import { runChecked, startAppServer } from "../../scripts/lib/appServer";

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
  runChecked("npm", ["run", "--silent", "build:server"], process.env, root);

  const server = await startAppServer({ appDir: root, repoDir: root, name: "e2e", dev: devMode, echoLog: Boolean(process.env.E2E_SERVER_LOG) });
  let browser: BrowserServer;
  try {
    browser = await chromium.launchServer({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  } catch (error) {
    await server.stop();
    throw error;
  }

  project.provide("baseUrl", server.baseUrl);
  project.provide("wsEndpoint", browser.wsEndpoint());
  project.provide("databaseUrl", server.databaseUrl);
  project.provide("devMode", devMode);
  return async () => {
    await browser.close().catch(() => undefined);
    await server.stop();
  };
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
