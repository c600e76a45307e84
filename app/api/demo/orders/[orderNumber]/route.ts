import { demoOrderRoute } from "@/server/http/demoRoutes";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(_request: Request, context: { params: Promise<{ orderNumber: string }> }): Promise<Response> {
  const { orderNumber } = await context.params;
  return demoOrderRoute(orderNumber);
}
