// Writes prisma/migrations/<timestamp>_<name>/migration.sql: the SQL that takes
// the existing migrations to prisma/schema.prisma (`prisma migrate dev` does not
// work without the native engine). Usage: npm run db:migration -- <name>
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/i.test(name)) {
  console.error("Usage: npm run db:migration -- <name>   (letters, digits and _ only, e.g. add_handoff_tags)");
  process.exit(2);
}

const migrationsDir = path.join(root, "prisma", "migrations");
const hasMigrations = existsSync(migrationsDir) && readdirSync(migrationsDir).some((entry) => existsSync(path.join(migrationsDir, entry, "migration.sql")));
const from = hasMigrations ? ["--from-migrations", "prisma/migrations"] : ["--from-empty"];
const result = spawnSync(
  path.join(root, "node_modules", ".bin", "prisma"),
  ["migrate", "diff", ...from, "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
  {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, PRISMA_QUERY_ENGINE_LIBRARY: "/bin/false", PRISMA_SCHEMA_ENGINE_BINARY: "/bin/false" },
  },
);
if (result.status !== 0) {
  console.error(result.stderr || result.stdout);
  process.exit(result.status ?? 1);
}
const sql = result.stdout.trim();
if (sql.split("\n").every((line) => line.startsWith("--") || !line.trim())) {
  console.log("The schema matches the migrations: nothing to write.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/[-:TZ.]/g, "").slice(0, 14);
const folder = path.join(migrationsDir, `${stamp}_${name}`);
mkdirSync(folder, { recursive: true });
writeFileSync(path.join(folder, "migration.sql"), `${sql}\n`);
writeFileSync(path.join(migrationsDir, "migration_lock.toml"), '# Written by scripts/newMigration.ts\nprovider = "sqlite"\n');
console.log(`Wrote ${path.relative(root, folder)}/migration.sql. Apply it with: npm run db:migrate`);
