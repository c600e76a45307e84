// Starts the app's server (generated/server.mjs) as a child process on a fresh
// temporary SQLite database, for the tools that need a real one: the e2e suite
// and the benchmarks. The database is migrated and seeded through the npm
// scripts, as `npm start` does. The server runs in its own process group, so
// stopping it also ends the workers it started, and a server still running when
// this process exits is killed.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort, killGroup } from "./processes";

export interface AppServerOptions {
  /** The folder with generated/server.mjs and the Next build (the repo, or the bench's copy of it). */
  appDir: string;
  /** The repo, where the npm scripts (db:migrate, seed) run. */
  repoDir: string;
  /** Names the temporary data folder and database, e.g. "e2e" or "bench". */
  name: string;
  /** Next in development mode (no build needed). */
  dev?: boolean;
  /** Extra environment for the server (e.g. NODE_OPTIONS); the set-up scripts do not get its NODE_OPTIONS. */
  env?: Record<string, string>;
  /** Node flags for the server process (e.g. --cpu-prof, which NODE_OPTIONS refuses). */
  nodeArgs?: string[];
  /** Runs with the server's environment once the database is migrated and seeded, before the server starts. */
  beforeStart?: (env: NodeJS.ProcessEnv) => void;
  keepDataDir?: boolean;
  /** Copies the server's output to stderr as it comes. */
  echoLog?: boolean;
}

export interface AppServer {
  baseUrl: string;
  port: number;
  /** Process id of the server (also its process group id). */
  pid: number;
  databaseUrl: string;
  dataDir: string;
  /** The last lines the server printed. */
  log: string[];
  /** True once the process has exited. */
  exited(): boolean;
  /** SIGTERM to the process group (SIGKILL after 10 s); removes the temporary database. */
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 120_000;

/** Process groups of the servers started here and not yet stopped: killed if this process exits first. */
const live = new Set<number>();
let exitHookInstalled = false;

function killOnExit(pid: number): void {
  live.add(pid);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once("exit", () => {
    for (const group of live) killGroup(group, "SIGKILL");
  });
}

export async function startAppServer(options: AppServerOptions): Promise<AppServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `switchboard-${options.name}-`));
  const databaseUrl = `file:${path.join(dataDir, `${options.name}.db`)}`;
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    HOST: "127.0.0.1",
    SWITCHBOARD_SELF_ORIGIN: baseUrl,
    NODE_ENV: options.dev ? "development" : "production",
    NEXT_TELEMETRY_DISABLED: "1",
    ...options.env,
  };
  const setupEnv = { ...env, NODE_OPTIONS: process.env.NODE_OPTIONS ?? "" };
  try {
    runChecked("npm", ["run", "--silent", "db:migrate"], setupEnv, options.repoDir);
    runChecked("npm", ["run", "--silent", "seed"], setupEnv, options.repoDir);
    options.beforeStart?.(setupEnv);
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }

  const log: string[] = [];
  const child: ChildProcess = spawn(process.execPath, [...(options.nodeArgs ?? []), path.join(options.appDir, "generated/server.mjs"), ...(options.dev ? ["--dev"] : [])], {
    cwd: options.appDir,
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const remember = (chunk: Buffer) => {
    log.push(chunk.toString());
    if (log.length > 200) log.shift();
    if (options.echoLog) process.stderr.write(chunk);
  };
  killOnExit(child.pid!);
  child.stdout?.on("data", remember);
  child.stderr?.on("data", remember);
  let exited = false;
  const exitPromise = new Promise<void>((resolve) => child.once("exit", () => ((exited = true), resolve())));

  const server: AppServer = {
    baseUrl,
    port,
    pid: child.pid!,
    databaseUrl,
    dataDir,
    log,
    exited: () => exited,
    async stop() {
      if (!exited) {
        killGroup(child.pid!, "SIGTERM");
        const done = await Promise.race([exitPromise.then(() => true), sleep(10_000).then(() => false)]);
        if (!done) {
          killGroup(child.pid!, "SIGKILL");
          await Promise.race([exitPromise, sleep(3000)]);
        }
      }
      // Workers left in the group (if any) go too.
      killGroup(child.pid!, "SIGKILL");
      live.delete(child.pid!);
      if (!options.keepDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
  try {
    await waitForHealth(server);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

/** The server listens once Next is ready; /api/v1/health also reads the database. */
async function waitForHealth(server: AppServer): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.exited()) throw new Error(`The server exited early:\n${server.log.join("").slice(-3000)}`);
    try {
      const response = await fetch(`${server.baseUrl}/api/v1/health`, { signal: AbortSignal.timeout(3000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(200);
  }
  throw new Error(`The server did not answer at ${server.baseUrl} within ${START_TIMEOUT_MS / 1000} s:\n${server.log.join("").slice(-3000)}`);
}

/** Runs a command to its end; throws with its output when it fails. Returns its stdout. */
export function runChecked(command: string, args: string[], env: NodeJS.ProcessEnv, cwd: string, timeoutMs = 5 * 60_000): string {
  const result = spawnSync(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8", maxBuffer: 64 * 1024 * 1024, timeout: timeoutMs });
  if (result.status !== 0) {
    throw new Error(`${[command, ...args].join(" ")} failed (exit ${result.status ?? result.signal}):\n${`${result.stdout}\n${result.stderr}`.slice(-4000)}`);
  }
  return result.stdout;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
