import { getSessionRoute } from "@/server/http/chatRoutes";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The session's status and transcript. */
export async function GET(_request: Request, context: { params: Promise<{ sessionId: string }> }): Promise<Response> {
  const { sessionId } = await context.params;
  return getSessionRoute(sessionId);
}
