import { postMessageRoute } from "@/server/http/chatRoutes";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Sends the customer's message and returns the bot's replies. */
export async function POST(request: Request, context: { params: Promise<{ sessionId: string }> }): Promise<Response> {
  const { sessionId } = await context.params;
  return postMessageRoute(request, sessionId);
}
