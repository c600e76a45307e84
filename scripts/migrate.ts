// Applies pending migrations to the database (DATABASE_URL, default
// data/switchboard.db), creating data/ when missing. Idempotent: `npm start`
// and `npm run setup` run it every time.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { databaseFilePath, ensureDatabaseDirectory } from "../server/db/databaseConfig";

export function migrate(options: { quiet?: boolean } = {}): void {
  const root = path.resolve(import.meta.dirname, "..");
  ensureDatabaseDirectory(databaseFilePath());
  const result = spawnSync(path.join(root, "node_modules", ".bin", "prisma"), ["migrate", "deploy"], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
    encoding: "utf8",
    env: { ...process.env, PRISMA_QUERY_ENGINE_LIBRARY: "/bin/false", PRISMA_SCHEMA_ENGINE_BINARY: "/bin/false" },
  });
  const output = `${result.stdout}${result.stderr}`;
  if (result.status !== 0) {
    console.error(output);
    throw new Error(`prisma migrate deploy failed (exit ${result.status})`);
  }
  const applied = output.split("\n").filter((line) => /\d{14}_\w+/.test(line)).map((line) => line.replace(/^[\s└├─│]+/, "").replace(/\/$/, ""));
  if (options.quiet && !applied.length) return;
  (options.quiet ? console.error : console.log)(applied.length ? `Applied migrations:\n  ${applied.join("\n  ")}` : "Database is up to date.");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    migrate();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
