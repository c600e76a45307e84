// The work that must not block chat turns on the main thread: training intent
// classifiers, checking flow documents (a 4,000-phrase flow takes tens of
// milliseconds to validate) and SQLite's WAL checkpoints (7–9 ms each, with an
// fsync). server/runtime/background.ts runs these on a worker thread.
import Database from "better-sqlite3";
import type { IntentSpec } from "../../flows/engine/types";
import { trainClassifier } from "../../flows/nlu";
import { checkFlowDocument } from "../flows/flowProblems";

// Opened once per database file and kept: checkpoints run several times a second.
const checkpointConnections = new Map<string, Database.Database>();

export const backgroundTasks = {
  /** A trained classifier's snapshot (rebuilt with loadClassifier, much cheaper than training). */
  trainClassifier: (input: { intents: IntentSpec[]; threshold: number }): unknown => trainClassifier(input.intents, { threshold: input.threshold }).snapshot(),
  checkFlowDocument: (input: { document: unknown }) => checkFlowDocument(input.document),
  /** Copies committed WAL pages into the database file without blocking writers (PASSIVE), on a connection of its own. */
  checkpointWal: (input: { filePath: string }): void => {
    let db = checkpointConnections.get(input.filePath);
    if (!db) {
      db = new Database(input.filePath, { timeout: 1000 });
      checkpointConnections.set(input.filePath, db);
    }
    db.pragma("wal_checkpoint(PASSIVE)");
  },
};

export type BackgroundTasks = typeof backgroundTasks;
export type BackgroundTaskName = keyof BackgroundTasks;

export interface BackgroundRequest {
  id: number;
  task: BackgroundTaskName;
  input: unknown;
}

export type BackgroundResponse = { id: number; result: unknown } | { id: number; error: string };
