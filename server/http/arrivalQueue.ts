// API requests take their turn in arrival order, a few at a time.
//
// Node reads every socket that is ready in one pass of the event loop and, left
// alone, runs each request's handler as it reads it. A chat turn is about a
// millisecond of synchronous work, so with 50 requests waiting one pass lasts
// about 50 ms, and sockets that became ready during that pass are handed over
// next time *behind* the ones the kernel already had listed: a request that
// just missed one pass waited through two. Under load that made p99 latency
// twice the median (BENCHMARKS.md, section 2).
//
// Instead, each request joins a queue when it is read, and the queue runs at
// most TURNS_PER_POLL of them before the event loop polls the sockets again,
// so a request waits for those that arrived before it and no others.

/** Requests started per event-loop pass: small enough that new arrivals are queued promptly, large enough to keep the cost of a pass negligible. */
export const TURNS_PER_POLL = 16;

export interface ArrivalQueue {
  /** Resolves when it is this caller's turn. */
  take(): Promise<void>;
  /** Callers waiting for their turn. */
  readonly waiting: number;
}

export function createArrivalQueue(turnsPerPoll = TURNS_PER_POLL): ArrivalQueue {
  const waiting: Array<() => void> = [];
  let head = 0;
  let scheduled = false;

  function release(): void {
    scheduled = false;
    const end = Math.min(head + turnsPerPoll, waiting.length);
    while (head < end) waiting[head++]();
    if (head === waiting.length) {
      waiting.length = 0;
      head = 0;
    } else schedule();
  }

  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    // setImmediate runs after the event loop's I/O poll, so requests read in the
    // meantime are queued before the next group starts.
    setImmediate(release);
  }

  return {
    take() {
      return new Promise<void>((resolve) => {
        waiting.push(resolve);
        schedule();
      });
    },
    get waiting() {
      return waiting.length - head;
    },
  };
}
