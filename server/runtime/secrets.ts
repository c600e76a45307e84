// Secrets API-call nodes reference by name: the Secret table first, then the
// environment variable SWITCHBOARD_SECRET_<NAME> (upper-cased, non-alphanumerics as _).
import { getSqlite } from "../db/sqlite";

export function secretEnvName(name: string): string {
  return `SWITCHBOARD_SECRET_${name.toUpperCase().replace(/[^A-Z0-9]/g, "_")}`;
}

/** Resolves a secret synchronously (the engine's port is synchronous; better-sqlite3 is too). */
export function readSecret(name: string): string | undefined {
  const row = getSqlite().prepare<[string], { value: string }>(`SELECT value FROM Secret WHERE name = ?`).get(name);
  return row?.value ?? process.env[secretEnvName(name)];
}
