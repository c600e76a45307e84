import { z } from "zod";
import { defineNode } from "../defineNode";

const dataSchema = z.object({
  outcome: z
    .enum(["resolved", "unresolved"])
    .default("resolved")
    .meta({ title: "Outcome", description: "Recorded for analytics: was the customer's need met?" }),
  message: z
    .string()
    .default("")
    .meta({ title: "Closing message", description: "Optional last message. Supports {{variable}}.", widget: "template" }),
});

export const endNode = defineNode({
  type: "end",
  label: "End",
  description: "Close the conversation with an outcome.",
  icon: "CircleStop",
  color: "#64748b",
  hasInput: true,
  dataSchema,
  defaults: () => ({ outcome: "resolved" as const, message: "" }),
  outputs: () => [],
  summary: (data) => [`Outcome: ${data.outcome}`, ...(data.message ? [data.message] : [])],
  execute: (data, ctx) => ({
    action: "end",
    outcome: data.outcome,
    messages: data.message ? [{ type: "text", text: ctx.render(data.message) }] : [],
  }),
  readsTemplates: (data) => [data.message],
});
