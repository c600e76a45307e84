import { describe, expect, it } from "vitest";
import { createArrivalQueue } from "./arrivalQueue";

const nextPass = () => new Promise<void>((resolve) => setImmediate(resolve));

describe("arrival queue", () => {
  it("gives turns in arrival order, a group per event-loop pass", async () => {
    const queue = createArrivalQueue(3);
    const started: number[] = [];
    const all = Array.from({ length: 7 }, (_, i) => queue.take().then(() => started.push(i)));
    expect(queue.waiting).toBe(7);
    expect(started).toEqual([]);
    await nextPass();
    expect(started).toEqual([0, 1, 2]);
    expect(queue.waiting).toBe(4);
    // a request read now queues behind those already waiting
    all.push(queue.take().then(() => started.push(7)));
    await nextPass();
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
    await Promise.all(all);
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(queue.waiting).toBe(0);
  });

  it("serves a lone request on the next pass and starts afresh once empty", async () => {
    const queue = createArrivalQueue(2);
    await queue.take();
    await queue.take();
    expect(queue.waiting).toBe(0);
  });
});
