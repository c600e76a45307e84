// Where the SQLite database lives, and the connection settings every
// connection (Prisma's and the hot path's) applies. Tests point the database
// elsewhere with setDatabaseUrl() before the first query.
import { mkdirSync } from "node:fs";
import path from "node:path";

export const DEFAULT_DATABASE_URL = "file:./data/switchboard.db";

/** Applied to every connection: WAL for concurrent readers, NORMAL sync (durable at checkpoints, fast), wait on locks. */
export const CONNECTION_PRAGMAS = [
  "journal_mode = WAL",
  "synchronous = NORMAL",
  "busy_timeout = 5000",
  "foreign_keys = ON",
] as const;

let override: string | undefined;

/** Points this process at another database. Call before anything opens a connection (tests do). */
export function setDatabaseUrl(url: string): void {
  override = url;
}

/** `file:` URL of the database: setDatabaseUrl() > DATABASE_URL > data/switchboard.db. */
export function databaseUrl(): string {
  return override ?? process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
}

/** Absolute file path of the database (relative URLs resolve against the working directory). */
export function databaseFilePath(url: string = databaseUrl()): string {
  const withoutScheme = url.replace(/^file:/, "").replace(/\?.*$/, "");
  if (withoutScheme === ":memory:") return withoutScheme;
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), withoutScheme);
}

/** Creates the database's folder (data/ is git-ignored and may be missing). */
export function ensureDatabaseDirectory(filePath: string = databaseFilePath()): void {
  if (filePath !== ":memory:") mkdirSync(path.dirname(filePath), { recursive: true });
}
