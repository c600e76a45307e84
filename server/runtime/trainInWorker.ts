// Trains intent classifiers on a worker thread and rebuilds them on the main
// thread from their JSON (much cheaper than training). Falls back to training
// in-thread when the worker bundle has not been built (e.g. a bare checkout).
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { IntentSpec } from "../../flows/engine/types";
import { loadClassifier, trainClassifier, type IntentClassifier } from "../../flows/nlu";
import type { TrainingRequest, TrainingResponse } from "./nluTrainingWorker";

export type Trainer = (intents: IntentSpec[], options: { threshold: number }) => Promise<IntentClassifier>;

const WORKER_FILE = process.env.SWITCHBOARD_NLU_WORKER ?? join(process.cwd(), "generated", "nlu-training-worker.mjs");

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, { resolve(model: unknown): void; reject(error: Error): void }>();

export const trainInWorker: Trainer = async (intents, options) => {
  const active = workerThread();
  if (!active) return trainClassifier(intents, options);
  const id = nextId++;
  const model = await new Promise<unknown>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    active.postMessage({ id, intents, threshold: options.threshold } satisfies TrainingRequest);
  });
  return loadClassifier(model);
};

function workerThread(): Worker | null {
  if (worker) return worker;
  if (!existsSync(WORKER_FILE)) return null;
  // Loaded by a tiny eval'd script so the bundler doesn't try to trace a file path only known at run time.
  const created = new Worker(`import(${JSON.stringify(pathToFileURL(WORKER_FILE).href)});`, { eval: true });
  created.unref(); // never keeps the process alive on its own
  created.on("message", (response: TrainingResponse) => {
    const waiting = pending.get(response.id);
    if (!waiting) return;
    pending.delete(response.id);
    if ("error" in response) waiting.reject(new Error(`Training failed: ${response.error}`));
    else waiting.resolve(response.model);
  });
  created.on("error", (error) => failAll(error));
  created.on("exit", (code) => failAll(new Error(`The training worker stopped (exit code ${code})`)));
  worker = created;
  return created;
}

function failAll(error: Error): void {
  worker = null;
  for (const waiting of pending.values()) waiting.reject(error);
  pending.clear();
}
