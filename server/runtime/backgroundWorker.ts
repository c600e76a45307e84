// Entry point of the worker thread that runs backgroundTasks, so that training
// a big flow's classifiers or checking its document never blocks chat turns on
// the main thread. Bundled to generated/background-worker.mjs by
// `npm run build:worker` (part of setup).
import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";
import { parentPort } from "node:worker_threads";
import { backgroundTasks, type BackgroundRequest, type BackgroundResponse } from "./backgroundTasks";

// Background work yields the CPU to chat turns: on Linux a thread has its own
// nice value, and /proc/thread-self names this thread's id.
try {
  const threadId = Number(readlinkSync("/proc/thread-self").split("/").pop());
  if (Number.isInteger(threadId)) setPriority(threadId, 10);
} catch {
  // Not Linux, or not allowed: run at normal priority.
}

parentPort?.on("message", (request: BackgroundRequest) => {
  let response: BackgroundResponse;
  try {
    const run = backgroundTasks[request.task] as (input: unknown) => unknown;
    response = { id: request.id, result: run(request.input) };
  } catch (error) {
    response = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(response);
});
