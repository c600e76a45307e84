import { demoBookingRoute } from "@/server/http/demoRoutes";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  return demoBookingRoute(request);
}
