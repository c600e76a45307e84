import type { BenchOptions, SectionResult } from "../lib/report";

export async function runEditorBench(_options: BenchOptions): Promise<SectionResult> {
  throw new Error("editor benchmark not written yet");
}
