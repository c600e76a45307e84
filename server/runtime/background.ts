// Runs backgroundTasks on a worker thread and hands back their results.
// Falls back to running them in-thread when the worker bundle has not been
// built (e.g. a bare checkout, or unit tests).
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { IntentSpec } from "../../flows/engine/types";
import { loadClassifier, type IntentClassifier } from "../../flows/nlu";
import type { CheckedDocument } from "../flows/flowProblems";
import { backgroundTasks, type BackgroundRequest, type BackgroundResponse, type BackgroundTaskName, type BackgroundTasks } from "./backgroundTasks";

export type Trainer = (intents: IntentSpec[], options: { threshold: number }) => Promise<IntentClassifier>;

const WORKER_FILE = process.env.SWITCHBOARD_WORKER ?? join(process.cwd(), "generated", "background-worker.mjs");

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, { resolve(result: unknown): void; reject(error: Error): void }>();

/** Trains a classifier off the main thread. */
export const trainInWorker: Trainer = async (intents, options) => loadClassifier(await runInBackground("trainClassifier", { intents, threshold: options.threshold }));

/** checkFlowDocument off the main thread (the same result, structured-cloned back). */
export function checkFlowDocumentInBackground(document: unknown): Promise<CheckedDocument> {
  return runInBackground("checkFlowDocument", { document });
}

/** A WAL checkpoint of the database file, off the main thread. */
export function checkpointWalInBackground(filePath: string): Promise<void> {
  return runInBackground("checkpointWal", { filePath });
}

async function runInBackground<K extends BackgroundTaskName>(task: K, input: Parameters<BackgroundTasks[K]>[0]): Promise<ReturnType<BackgroundTasks[K]>> {
  const active = workerThread();
  if (!active) return (backgroundTasks[task] as (input: unknown) => ReturnType<BackgroundTasks[K]>)(input);
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve: resolve as (result: unknown) => void, reject });
    active.postMessage({ id, task, input } satisfies BackgroundRequest);
  });
}

function workerThread(): Worker | null {
  if (worker) return worker;
  if (!existsSync(WORKER_FILE)) return null;
  // Loaded by a tiny eval'd script so the bundler doesn't try to trace a file path only known at run time.
  const created = new Worker(`import(${JSON.stringify(pathToFileURL(WORKER_FILE).href)});`, { eval: true });
  created.unref(); // never keeps the process alive on its own
  created.on("message", (response: BackgroundResponse) => {
    const waiting = pending.get(response.id);
    if (!waiting) return;
    pending.delete(response.id);
    if ("error" in response) waiting.reject(new Error(`Background task failed: ${response.error}`));
    else waiting.resolve(response.result);
  });
  created.on("error", (error) => failAll(error));
  created.on("exit", (code) => failAll(new Error(`The background worker stopped (exit code ${code})`)));
  worker = created;
  return created;
}

function failAll(error: Error): void {
  worker = null;
  for (const waiting of pending.values()) waiting.reject(error);
  pending.clear();
}
