// A fresh SQLite database per test file: prisma/migrations/*/migration.sql
// applied in order to a temp file, and the db modules pointed at it (before
// their first connection). Usage, at the top of a test file:
//   const db = useTestDatabase();   // registers beforeAll/afterAll
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll } from "vitest";
import { clearPublishedFlowCache } from "../chat/publishedFlows";
import { CONNECTION_PRAGMAS, setDatabaseUrl } from "../db/databaseConfig";
import { disconnectPrisma } from "../db/prisma";
import { closeSqlite } from "../db/sqlite";
import { resetRuntimePorts } from "../runtime/ports";

const MIGRATIONS_DIR = path.resolve(import.meta.dirname, "../../prisma/migrations");

export interface TestDatabase {
  filePath: string;
  url: string;
  /** Closes the connections and deletes the files. */
  destroy(): Promise<void>;
}

/** Creates a migrated database in a temp folder and points the db modules at it. */
export function createTestDatabase(): TestDatabase {
  const directory = mkdtempSync(path.join(tmpdir(), "switchboard-test-"));
  const filePath = path.join(directory, "test.db");
  applyMigrations(filePath);
  const url = `file:${filePath}`;
  setDatabaseUrl(url);
  return {
    filePath,
    url,
    async destroy() {
      closeSqlite();
      await disconnectPrisma();
      clearPublishedFlowCache();
      resetRuntimePorts();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** createTestDatabase() now, destroy() after the file's tests. */
export function useTestDatabase(): TestDatabase {
  const database = createTestDatabase();
  afterAll(() => database.destroy());
  return database;
}

/** Applies every migration in order, as `prisma migrate deploy` would. */
export function applyMigrations(filePath: string): void {
  const db = new Database(filePath);
  try {
    for (const pragma of CONNECTION_PRAGMAS) db.pragma(pragma);
    const folders = readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    for (const folder of folders) db.exec(readFileSync(path.join(MIGRATIONS_DIR, folder, "migration.sql"), "utf8"));
  } finally {
    db.close();
  }
}
