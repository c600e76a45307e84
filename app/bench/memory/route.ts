// Benchmark-only: the server's memory use, after a full garbage collection when
// the process runs with --expose-gc. Answers only when the benchmark suite
// started the server (SWITCHBOARD_BENCH=1); 404 otherwise. See BENCHMARKS.md, section 6.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(): Promise<Response> {
  if (process.env.SWITCHBOARD_BENCH !== "1") return new Response("Not found", { status: 404 });
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
  const usage = process.memoryUsage();
  return Response.json({ gc: Boolean(gc), pid: process.pid, ...usage }, { headers: { "cache-control": "no-store" } });
}
