// The chat hot path's own connection: one better-sqlite3 handle on the same
// database file as Prisma (WAL lets both work side by side), used with prepared
// statements by server/chat/sessionStore.ts. Prisma costs ~1 ms per query here;
// a prepared statement costs microseconds, and a turn runs a handful of them.
import Database from "better-sqlite3";
import { CONNECTION_PRAGMAS, databaseFilePath, ensureDatabaseDirectory } from "./databaseConfig";

export type SqliteDatabase = Database.Database;

const globalForSqlite = globalThis as typeof globalThis & { switchboardSqlite?: SqliteDatabase };

/** The shared connection, opened on first use with the connection pragmas applied. */
export function getSqlite(): SqliteDatabase {
  if (!globalForSqlite.switchboardSqlite) {
    const filePath = databaseFilePath();
    ensureDatabaseDirectory(filePath);
    const db = new Database(filePath, { timeout: 5000 });
    for (const pragma of CONNECTION_PRAGMAS) db.pragma(pragma);
    globalForSqlite.switchboardSqlite = db;
  }
  return globalForSqlite.switchboardSqlite;
}

/** Closes the connection (tests, scripts); the next getSqlite() opens a new one. */
export function closeSqlite(): void {
  globalForSqlite.switchboardSqlite?.close();
  globalForSqlite.switchboardSqlite = undefined;
}
