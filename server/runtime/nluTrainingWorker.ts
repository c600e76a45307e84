// Entry point of the worker thread that trains intent classifiers, so that a
// big flow's training never blocks chat turns on the main thread. Bundled to
// generated/nlu-training-worker.mjs by `npm run build:worker` (part of setup).
import { parentPort } from "node:worker_threads";
import { trainClassifier } from "../../flows/nlu";
import type { IntentSpec } from "../../flows/engine/types";

export interface TrainingRequest {
  id: number;
  intents: IntentSpec[];
  threshold: number;
}

export type TrainingResponse = { id: number; model: unknown } | { id: number; error: string };

parentPort?.on("message", (request: TrainingRequest) => {
  let response: TrainingResponse;
  try {
    response = { id: request.id, model: trainClassifier(request.intents, { threshold: request.threshold }).toJSON() };
  } catch (error) {
    response = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(response);
});
