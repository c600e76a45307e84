import { startSessionRoute } from "@/server/http/chatRoutes";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Starts a conversation on the flow's published version. */
export async function POST(request: Request, context: { params: Promise<{ slug: string }> }): Promise<Response> {
  const { slug } = await context.params;
  return startSessionRoute(request, slug);
}
