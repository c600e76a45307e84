import { z } from "zod";
import { entityRuleSchema } from "../../entities/entityRule";
import { extractEntity } from "../../entities/extractEntity";
import { validateEntityRule } from "../../entities/validateEntityRule";
import type { BotMessage } from "../../engine/types";
import { defineNode, type NodeContext } from "../defineNode";
import { variableNameSchema } from "../fields";

const dataSchema = z.object({
  question: z
    .string()
    .min(1, "Question is empty")
    .meta({ title: "Question", description: "What the bot asks. Supports {{variable}}.", widget: "template" }),
  variable: variableNameSchema.meta({ title: "Save answer to", description: "Variable that receives the checked value.", widget: "variable" }),
  entity: entityRuleSchema,
  retryMessage: z
    .string()
    .default("Sorry, that doesn't look right. Please try again. 唔好意思，格式好似唔啱，請再試一次。")
    .meta({ title: "Retry message", description: "Sent when the answer is not valid, before asking again.", widget: "template" }),
  maxRetries: z
    .number()
    .int()
    .min(0)
    .max(10)
    .default(2)
    .meta({ title: "Retries", description: "How many times to ask again after an invalid answer before taking the Failure output." }),
  skipIfSet: z
    .boolean()
    .default(true)
    .meta({ title: "Skip if already known", description: "If the variable already has a value (e.g. found by an intent node), continue without asking." }),
  quickReplies: z
    .boolean()
    .default(true)
    .meta({ title: "Show options as buttons", description: "For option answers, offer each option as a quick reply." }),
});

type CollectData = z.output<typeof dataSchema>;

/** What the node remembers while waiting: invalid answers so far. */
const nodeStateSchema = z.object({ retries: z.number().int().min(0) }).catch({ retries: 0 });

export const collectNode = defineNode({
  type: "collect",
  label: "Ask question",
  description: "Ask for a value (number, email, phone, date, option…), check it and save it to a variable.",
  icon: "TextCursorInput",
  color: "#0891b2",
  hasInput: true,
  dataSchema,
  defaults: (): CollectData => ({
    question: "What is your phone number? 請問你嘅電話號碼係？",
    variable: "phone",
    entity: { type: "phone" },
    retryMessage: "Sorry, that doesn't look right. Please try again. 唔好意思，格式好似唔啱，請再試一次。",
    maxRetries: 2,
    skipIfSet: true,
    quickReplies: true,
  }),
  outputs: () => [
    { id: "success", label: "Success" },
    { id: "failure", label: "Failure", kind: "error" as const },
  ],
  summary: (data) => [`Asks → ${data.variable} (${data.entity.type})`, data.question],
  execute: (data, ctx) => {
    if (ctx.input === null) {
      const known = ctx.variables[data.variable];
      if (data.skipIfSet && known !== undefined && known !== null && known !== "") {
        ctx.trace({ skipped: `${data.variable} is already set` });
        return { action: "next", output: "success" };
      }
      return { action: "wait", nodeState: { retries: 0 }, messages: [message(data, ctx, data.question)] };
    }
    const result = extractEntity(data.entity, ctx.input, ctx.ports.clock.now());
    const { retries } = nodeStateSchema.parse(ctx.nodeState ?? { retries: 0 });
    if (result.ok) {
      return { action: "next", output: "success", setVariables: { [data.variable]: result.value } };
    }
    ctx.trace({ invalid: result.reason, retries });
    if (retries >= data.maxRetries) return { action: "next", output: "failure" };
    return { action: "wait", nodeState: { retries: retries + 1 }, messages: [message(data, ctx, data.retryMessage || data.question)] };
  },
  validate: (data) =>
    validateEntityRule(data.entity).map((problem) => ({ ...problem, path: ["entity", ...(problem.path ?? [])] })),
  readsTemplates: (data) => [data.question, data.retryMessage],
  writesVariables: (data) => [data.variable],
});

function message(data: CollectData, ctx: NodeContext, template: string): BotMessage {
  const replies = data.quickReplies && data.entity.type === "options" ? data.entity.options.map((option) => option.value) : [];
  return { type: "text", text: ctx.render(template), ...(replies.length ? { quickReplies: replies } : {}) };
}
