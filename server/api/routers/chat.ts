import { z } from "zod";
import { sendTestRequest, testTurn } from "../../chat/chatService";
import { createTRPCRouter, publicProcedure } from "../trpc";

const testInput = z.discriminatedUnion("type", [
  z.object({ type: z.literal("start"), startNodeId: z.string().min(1).optional(), variables: z.record(z.string(), z.unknown()).optional() }),
  z.object({ type: z.literal("text"), text: z.string() }),
]);

export const chatRouter = createTRPCRouter({
  /** One turn of the designer's test chat; the client keeps `state` (null to start). Nothing is persisted. */
  testTurn: publicProcedure
    .input(z.object({ flowId: z.string().min(1), document: z.unknown().optional(), state: z.unknown().nullable(), input: testInput }))
    .mutation(({ input }) => testTurn({ flowId: input.flowId, document: input.document, state: input.state ?? null, input: input.input })),
  /** The API-call node's "Send test request". Returns { ok: false, error } rather than throwing for HTTP failures. */
  sendTestRequest: publicProcedure
    .input(
      z.object({
        method: z.enum(["GET", "POST", "PUT", "PATCH", "DELETE"]),
        url: z.string().min(1),
        headers: z.record(z.string(), z.string()).default({}),
        body: z.string().optional(),
        timeoutMs: z.number().int().min(100).max(60_000).optional(),
      }),
    )
    .mutation(({ input }) => sendTestRequest(input)),
});
