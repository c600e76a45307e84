import { z } from "zod";
import { defineNode } from "../defineNode";

const dataSchema = z.object({
  queue: z
    .string()
    .trim()
    .min(1, "Queue is empty")
    .default("general")
    .meta({ title: "Queue", description: "Skill group whose agents receive the conversation, e.g. general, billing." }),
  priority: z
    .enum(["low", "normal", "high", "urgent"])
    .default("normal")
    .meta({ title: "Priority", description: "Higher priority conversations are picked first in the agent inbox." }),
  message: z
    .string()
    .default("Connecting you to an agent… 正在為你轉接客服…")
    .meta({ title: "Message to the customer", description: "Sent before the agent joins. Supports {{variable}}.", widget: "template" }),
  note: z
    .string()
    .default("")
    .meta({ title: "Note for the agent", description: "Context shown to the agent, e.g. Order {{orderNumber}}, intent {{lastIntent}}.", widget: "template" }),
});

type HandoffData = z.output<typeof dataSchema>;

export const handoffNode = defineNode({
  type: "handoff",
  label: "Human handoff",
  description: "Pass the conversation to a human agent in a queue.",
  icon: "Headset",
  color: "#dc2626",
  hasInput: true,
  dataSchema,
  defaults: (): HandoffData => ({
    queue: "general",
    priority: "normal",
    message: "Connecting you to an agent… 正在為你轉接客服…",
    note: "",
  }),
  outputs: () => [],
  summary: (data) => [`Queue: ${data.queue} · ${data.priority} priority`, ...(data.note ? [`Note: ${data.note}`] : [])],
  execute: (data, ctx) => {
    const note = data.note ? ctx.render(data.note) : "";
    return {
      action: "handoff",
      messages: data.message ? [{ type: "text", text: ctx.render(data.message) }] : [],
      handoff: { queue: data.queue, priority: data.priority, reason: "node", ...(note ? { note } : {}) },
    };
  },
  readsTemplates: (data) => [data.message, data.note],
});
