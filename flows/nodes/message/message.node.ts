import { z } from "zod";
import { defineNode } from "../defineNode";

const dataSchema = z.object({
  text: z
    .string()
    .min(1, "Message text is empty")
    .meta({ title: "Message", description: "What the bot says. Use {{variable}} to insert values.", widget: "template" }),
  quickReplies: z
    .array(z.string().min(1))
    .default([])
    .meta({ title: "Quick replies", description: "Buttons the customer can tap instead of typing.", widget: "lines" }),
});

export const messageNode = defineNode({
  type: "message",
  label: "Message",
  description: "Send a text message, optionally with quick-reply buttons.",
  icon: "MessageSquare",
  color: "#2563eb",
  hasInput: true,
  dataSchema,
  defaults: () => ({ text: "Hello! 你好！", quickReplies: [] }),
  outputs: () => [{ id: "next", label: "Next" }],
  summary: (data) => [data.text, ...(data.quickReplies.length ? [`Replies: ${data.quickReplies.join(" · ")}`] : [])],
  execute: (data, ctx) => ({
    action: "next",
    output: "next",
    messages: [
      {
        type: "text",
        text: ctx.render(data.text),
        ...(data.quickReplies.length ? { quickReplies: data.quickReplies.map((reply) => ctx.render(reply)) } : {}),
      },
    ],
  }),
  readsTemplates: (data) => [data.text, ...data.quickReplies],
});

