import { healthRoute } from "@/server/http/healthRoute";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  return healthRoute();
}
