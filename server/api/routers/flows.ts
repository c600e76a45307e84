import { z } from "zod";
import { flowJsonSchema } from "../../../flows/schema/flowJsonSchema";
import {
  createFlow,
  deleteFlow,
  duplicateFlow,
  exportFlow,
  getFlow,
  importFlow,
  listFlows,
  publishFlow,
  renameFlow,
  saveDraft,
} from "../../flows/flowService";
import { listTemplates } from "../../flows/templates";
import { createTRPCRouter, publicProcedure } from "../trpc";

const id = z.string().min(1);
const name = z.string().trim().min(1).max(200);

export const flowsRouter = createTRPCRouter({
  list: publicProcedure.query(() => listFlows()),
  get: publicProcedure.input(z.object({ id })).query(({ input }) => getFlow(input.id)),
  templates: publicProcedure.query(() => listTemplates()),
  create: publicProcedure
    .input(z.object({ name, template: z.string().min(1).optional() }))
    .mutation(async ({ input }) => ({ id: (await createFlow(input)).id })),
  rename: publicProcedure.input(z.object({ id, name })).mutation(({ input }) => renameFlow(input)),
  duplicate: publicProcedure.input(z.object({ id })).mutation(async ({ input }) => ({ id: (await duplicateFlow(input.id)).id })),
  delete: publicProcedure.input(z.object({ id })).mutation(({ input }) => deleteFlow(input.id)),
  saveDraft: publicProcedure
    .input(z.object({ id, document: z.unknown(), baseRevision: z.number().int().min(0) }))
    .mutation(({ input }) => saveDraft({ flowId: input.id, document: input.document, baseRevision: input.baseRevision })),
  publish: publicProcedure.input(z.object({ id })).mutation(async ({ input }) => {
    const { version, warnings } = await publishFlow(input.id);
    return { version, warnings };
  }),
  import: publicProcedure
    .input(z.object({ document: z.unknown(), name: name.optional() }))
    .mutation(async ({ input }) => {
      const { id, slug } = await importFlow(input.document, { name: input.name });
      return { id, slug };
    }),
  export: publicProcedure.input(z.object({ id })).query(({ input }) => exportFlow(input.id)),
  jsonSchema: publicProcedure.query(() => flowJsonSchema()),
});
