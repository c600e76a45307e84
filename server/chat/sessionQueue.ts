// Runs tasks for one session one after another (a promise chain per session),
// so two messages to the same session arriving together are handled in order.
// The session's revision check still guards against other processes.
const holder = globalThis as typeof globalThis & { switchboardSessionQueue?: Map<string, Promise<unknown>> };
const tails = (holder.switchboardSessionQueue ??= new Map<string, Promise<unknown>>());

export function runInSessionQueue<T>(sessionId: string, task: () => Promise<T>): Promise<T> {
  const previous = tails.get(sessionId) ?? Promise.resolve();
  const run = previous.then(task, task);
  const tail = run.catch(() => undefined);
  tails.set(sessionId, tail);
  void tail.then(() => {
    if (tails.get(sessionId) === tail) tails.delete(sessionId);
  });
  return run;
}

/** Sessions with work queued or running (for tests). */
export function queuedSessionCount(): number {
  return tails.size;
}
