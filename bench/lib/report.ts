// What a benchmark section returns, and how the suite prints it.
import { cpus, freemem, loadavg, totalmem } from "node:os";
import { round } from "./stats";

export interface Row {
  metric: string;
  value: number | string | null;
  unit: string;
  /** Human-readable target, e.g. "<= 5 ms". */
  target?: string;
  /** Whether the target is met (null: no target or not measured). */
  met?: boolean | null;
  note?: string;
}

export interface SectionResult {
  section: string;
  rows: Row[];
  /** Raw figures per run and anything else worth keeping in latest.json. */
  details: Record<string, unknown>;
}

export interface BenchOptions {
  /** Repetitions per measurement (the reported figure is their median). */
  runs: number;
  /** Shorter loads (for trying the suite out; figures are noisier). */
  quick: boolean;
  /** Capture a CPU profile of the server under load where a section supports it. */
  profile: boolean;
}

export function atMost(value: number, limit: number): boolean | null {
  return Number.isFinite(value) ? value <= limit : null;
}

export function atLeast(value: number, limit: number): boolean | null {
  return Number.isFinite(value) ? value >= limit : null;
}

export function machineInfo(): Record<string, unknown> {
  return {
    cpuModel: cpus()[0]?.model ?? "unknown",
    nproc: cpus().length,
    memoryGb: round(totalmem() / 1024 ** 3, 1),
    freeMemoryGb: round(freemem() / 1024 ** 3, 1),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadavg: loadavg().map((value) => round(value, 2)),
  };
}

export function formatValue(value: Row["value"]): string {
  if (value === null || value === undefined) return "n/a";
  if (typeof value === "string") return value;
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 100) return Math.round(value).toLocaleString("en-US");
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

export function printSection(result: SectionResult): void {
  console.log(`\n== ${result.section} ==`);
  const lines = result.rows.map((row) => [
    row.metric,
    `${formatValue(row.value)} ${row.unit}`.trim(),
    row.target ?? "",
    row.met === true ? "ok" : row.met === false ? "MISSED" : "",
    row.note ?? "",
  ]);
  const widths = [0, 1, 2, 3].map((column) => Math.max(...lines.map((line) => line[column].length), 0));
  for (const line of lines) {
    console.log(`  ${line[0].padEnd(widths[0])}  ${line[1].padStart(widths[1])}  ${line[2].padEnd(widths[2])}  ${line[3].padEnd(widths[3])}  ${line[4]}`.trimEnd());
  }
}
