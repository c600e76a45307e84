// The public REST chat API's routes (served by server/http/apiServer.ts), kept
// here so the request parsing and response shapes sit beside the error handling.
import { z } from "zod";
import { getSession, MAX_MESSAGE_BYTES, postMessage, startSession } from "../chat/chatService";
import { handleApi, jsonReply, type ApiReply } from "./apiError";
import { readJsonBody, type RequestBody } from "./readJsonBody";

/** Room for JSON escaping around a 4 KB message; the text itself is checked against MAX_MESSAGE_BYTES. */
const MESSAGE_BODY_LIMIT = 4 * MAX_MESSAGE_BYTES;
const START_BODY_LIMIT = 64 * 1024;

const startBodySchema = z.object({
  userId: z.string().max(200).optional(),
  variables: z.record(z.string(), z.unknown()).optional(),
});

const messageBodySchema = z.object({ text: z.string() });

/** POST /api/v1/flows/{slug}/sessions */
export function startSessionRoute(body: RequestBody, slug: string): Promise<ApiReply> {
  return handleApi(async () => {
    const input = await readJsonBody(body, startBodySchema, { maxBytes: START_BODY_LIMIT, optional: true });
    const reply = await startSession({ slug, userId: input.userId, variables: input.variables });
    return jsonReply({ sessionId: reply.sessionId, status: reply.status, messages: reply.messages }, 201);
  });
}

/** POST /api/v1/sessions/{sessionId}/messages */
export function postMessageRoute(body: RequestBody, sessionId: string): Promise<ApiReply> {
  return handleApi(async () => {
    const input = await readJsonBody(body, messageBodySchema, { maxBytes: MESSAGE_BODY_LIMIT });
    const reply = await postMessage({ sessionId, text: input.text });
    return jsonReply({ status: reply.status, messages: reply.messages });
  });
}

/** GET /api/v1/sessions/{sessionId} */
export function getSessionRoute(sessionId: string): Promise<ApiReply> {
  return handleApi(async () => {
    const session = await getSession(sessionId);
    return jsonReply({
      sessionId: session.sessionId,
      flow: session.flow,
      status: session.status,
      messages: session.messages.map((message) => ({
        role: message.role,
        type: "text",
        text: message.text,
        ...(message.quickReplies ? { quickReplies: message.quickReplies } : {}),
        createdAt: message.createdAt.toISOString(),
      })),
    });
  });
}
