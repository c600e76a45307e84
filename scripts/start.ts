// `npm start`: serves the production app on PORT (default 3000). Applies
// pending migrations, runs `next build` only when there is no build or a
// source file changed since it (mtimes under app/ flows/ server/ and the
// config files against .next/BUILD_ID), bundles the server (server/main.ts,
// well under a second), then runs it.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { migrate } from "./migrate";

const root = path.resolve(import.meta.dirname, "..");
const nextBin = path.join(root, "node_modules", ".bin", "next");
// generated/prisma is the only generated code the Next build includes (the server and worker bundles are not).
const SOURCE_DIRS = ["app", "flows", "server", "public", "generated/prisma"];
const SOURCE_FILES = ["next.config.ts", "package.json", "tsconfig.json", "postcss.config.mjs", "postcss.config.js"];
const SKIP = new Set(["node_modules", ".next", "eval"]);

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stats = statSync(target);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(target, { withFileTypes: true })) {
    if (SKIP.has(entry.name) || /\.test\.tsx?$/.test(entry.name)) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry.name)));
  }
  return newest;
}

function buildIsStale(): string | null {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return "no production build yet";
  const builtAt = statSync(buildId).mtimeMs;
  const sources = Math.max(...[...SOURCE_DIRS, ...SOURCE_FILES].map((name) => newestMtime(path.join(root, name))));
  return sources > builtAt ? "sources changed since the last build" : null;
}

function main(): void {
  const port = process.env.PORT ?? "3000";
  migrate();
  const reason = buildIsStale();
  if (reason) {
    console.log(`Building (${reason})…`);
    const build = spawnSync(nextBin, ["build"], { cwd: root, stdio: "inherit", env: process.env });
    if (build.status !== 0) {
      console.error("next build failed");
      process.exit(build.status ?? 1);
    }
  } else {
    console.log("Build is up to date.");
  }
  const bundle = spawnSync("npm", ["run", "--silent", "build:server"], { cwd: root, stdio: "inherit", env: process.env });
  if (bundle.status !== 0) {
    console.error("Bundling the server (npm run build:server) failed");
    process.exit(bundle.status ?? 1);
  }
  const server = spawn(process.execPath, [path.join(root, "generated", "server.mjs")], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, PORT: port, NODE_ENV: "production" },
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

main();
