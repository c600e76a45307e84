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

/**
 * An accessor for one object per connection (statement holders such as the
 * session store), made on first use and remade when tests switch databases.
 */
export function perConnection<T>(create: (db: SqliteDatabase) => T): () => T {
  const made = new WeakMap<SqliteDatabase, T>();
  return () => {
    const db = getSqlite();
    let value = made.get(db);
    if (value === undefined) {
      value = create(db);
      made.set(db, value);
    }
    return value;
  };
}

/** Closes the connection (tests, scripts); the next getSqlite() opens a new one. */
export function closeSqlite(): void {
  globalForSqlite.switchboardSqlite?.close();
  globalForSqlite.switchboardSqlite = undefined;
}
