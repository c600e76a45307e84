// Small statistics helpers for the benchmark suite: percentiles over raw
// samples and the median of repeated runs.

/** The p-th percentile (0..100) of the samples, nearest-rank on a sorted copy; NaN when empty. */
export function percentile(samples: ArrayLike<number>, p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = Float64Array.from(samples as ArrayLike<number>).sort();
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export function median(values: number[]): number {
  return percentile(values, 50);
}

export function max(values: ArrayLike<number>): number {
  let m = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i += 1) if (values[i] > m) m = values[i];
  return values.length ? m : Number.NaN;
}

/** Rounds for printing: 3 significant-ish decimals for small values, integers for big ones. */
export function round(value: number, digits = 2): number {
  if (!Number.isFinite(value)) return value;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Median of each numeric field over several runs (the field set of the first run). */
export function medianOfRuns<T extends Record<string, number>>(runs: T[]): T {
  const out: Record<string, number> = {};
  for (const key of Object.keys(runs[0] ?? {})) out[key] = median(runs.map((run) => run[key]));
  return out as T;
}

/** A growable sample buffer (latencies in ms). */
export class Samples {
  private data = new Float64Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length] = value;
    this.length += 1;
  }

  values(): Float64Array {
    return this.data.subarray(0, this.length);
  }

  summary(): { count: number; p50: number; p90: number; p99: number; max: number } {
    const v = this.values();
    return { count: v.length, p50: percentile(v, 50), p90: percentile(v, 90), p99: percentile(v, 99), max: max(v) };
  }
}
