// SQLite checkpoints its write-ahead log into the database file every 1,000
// pages, inside whichever commit crosses the mark: 7–9 ms of I/O and an fsync
// on the main thread, and about 45% of the commit time of a chat turn. The
// server turns that off on its connection and checkpoints from the background
// worker instead, a few times a second, without blocking writers.
import { checkpointWalInBackground } from "../runtime/background";
import { databaseFilePath } from "./databaseConfig";
import { getSqlite } from "./sqlite";

const INTERVAL_MS = 250;

/** Moves WAL checkpoints of the server's connection to the background worker. */
export function startBackgroundWalCheckpoints(): void {
  const filePath = databaseFilePath();
  if (filePath === ":memory:") return;
  getSqlite().pragma("wal_autocheckpoint = 0");
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    checkpointWalInBackground(filePath)
      .catch((error: unknown) => console.warn("WAL checkpoint failed (will retry):", error instanceof Error ? error.message : error))
      .finally(() => (running = false));
  }, INTERVAL_MS);
  timer.unref();
}
