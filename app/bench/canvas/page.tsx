// Benchmark-only: a bare React Flow canvas with the same nodes and layout as
// the editor benchmark's flows (bench/flows/synthetic.ts editorFlow), the
// ceiling the real editor (/flows/{id}) is compared with. /bench/canvas?n=1000[&view=fit]
// See BENCHMARKS.md, section 5.
import type { Metadata } from "next";
import { BareCanvas } from "./BareCanvas";

export const metadata: Metadata = { title: "Bench: bare canvas" };

export default async function BareCanvasPage({ searchParams }: { searchParams: Promise<{ n?: string; view?: string }> }) {
  const { n, view } = await searchParams;
  const count = Math.min(5000, Math.max(1, Number.parseInt(n ?? "1000", 10) || 1000));
  return <BareCanvas nodeCount={count} fit={view === "fit"} />;
}
