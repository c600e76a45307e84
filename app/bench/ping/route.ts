// Benchmark-only: the bare route handler the chat API is compared with (a fixed
// JSON body, no database, no parsing). See BENCHMARKS.md, section 2.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const BODY = JSON.stringify({ status: "ok" });

export async function GET(): Promise<Response> {
  return new Response(BODY, { headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" } });
}
