// The work that must not block chat turns on the main thread: training intent
// classifiers, checking flow documents (a 4,000-phrase flow takes tens of
// milliseconds to validate) and SQLite's WAL checkpoints (7–9 ms each, with an
// fsync). server/runtime/background.ts runs these on a worker thread.
import Database from "better-sqlite3";
import type { IntentSpec } from "../../flows/engine/types";
import { trainClassifier } from "../../flows/nlu";
import { checkFlowDocument } from "../flows/flowProblems";

export const backgroundTasks = {
  /** A trained classifier's snapshot (rebuilt with loadClassifier, much cheaper than training). */
  trainClassifier: (input: { intents: IntentSpec[]; threshold: number }): unknown => trainClassifier(input.intents, { threshold: input.threshold }).snapshot(),
  checkFlowDocument: (input: { document: unknown }) => checkFlowDocument(input.document),
  /** Copies committed WAL pages into the database file without blocking writers (PASSIVE), on a connection of its own. */
  checkpointWal: (input: { filePath: string }): void => {
    const db = new Database(input.filePath, { timeout: 1000 });
    try {
      db.pragma("wal_checkpoint(PASSIVE)");
    } finally {
      db.close();
    }
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
