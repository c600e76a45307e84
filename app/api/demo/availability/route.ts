import { demoAvailabilityRoute } from "@/server/http/demoRoutes";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  return demoAvailabilityRoute(request);
}
