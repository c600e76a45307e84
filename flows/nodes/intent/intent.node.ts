import { z } from "zod";
import { entityRuleSchema } from "../../entities/entityRule";
import { extractEntity } from "../../entities/extractEntity";
import { validateEntityRule } from "../../entities/validateEntityRule";
import type { Variables } from "../../engine/types";
import { defineNode, type Problem } from "../defineNode";
import { duplicateIdProblems, itemIdSchema, variableNameSchema } from "../fields";

const entityExtractionSchema = z.object({
  variable: variableNameSchema.meta({ title: "Variable", description: "Where the value found in the utterance is stored.", widget: "variable" }),
  entity: entityRuleSchema,
});

const intentSchema = z.object({
  id: itemIdSchema,
  name: z
    .string()
    .trim()
    .min(1, "Intent name is empty")
    .meta({ title: "Intent name", description: "Shown on the output and stored in {{lastIntent}} when recognised." }),
  phrases: z
    .array(z.string().trim().min(1))
    .default([])
    .meta({ title: "Training phrases", description: "Example things customers say for this intent, one per line. Mix English and Chinese.", widget: "lines" }),
  entities: z
    .array(entityExtractionSchema)
    .default([])
    .meta({ title: "Extract from the utterance", description: "Values to pick out of the customer's message into variables (e.g. an order number)." }),
});

const dataSchema = z.object({
  prompt: z
    .string()
    .default("")
    .meta({ title: "Prompt", description: "Optional question sent on arrival. Leave empty if a message node already asked.", widget: "template" }),
  intents: z
    .array(intentSchema)
    .default([])
    .meta({ title: "Intents", description: "Each intent gets its own output. Unrecognised messages take the Fallback output." }),
  threshold: z
    .number()
    .min(0)
    .max(1)
    .default(0.5)
    .meta({ title: "Confidence threshold", description: "Below this confidence (0–1) the message goes to Fallback." }),
});

type IntentData = z.output<typeof dataSchema>;

/** Candidates kept in the trace: enough to see what nearly matched. */
const TRACE_CANDIDATES = 3;

export const intentNode = defineNode({
  type: "intent",
  label: "Intent",
  description: "Wait for the customer's message and branch on what they want.",
  icon: "BrainCircuit",
  color: "#9333ea",
  hasInput: true,
  dataSchema,
  defaults: (): IntentData => ({
    prompt: "How can I help you today? 請問有咩可以幫到你？",
    intents: [
      {
        id: "intent_1",
        name: "order_status",
        phrases: ["Where is my order?", "track my order", "我嘅訂單去咗邊", "查訂單"],
        entities: [],
      },
      {
        id: "intent_2",
        name: "opening_hours",
        phrases: ["What are your opening hours?", "when do you open", "幾點開門", "營業時間"],
        entities: [],
      },
    ],
    threshold: 0.5,
  }),
  outputs: (data) => [
    ...data.intents.map((intent) => ({ id: intent.id, label: intent.name })),
    { id: "fallback", label: "Fallback", kind: "fallback" as const },
  ],
  summary: (data) => (data.intents.length ? data.intents.map((intent) => intent.name) : ["No intents yet"]),
  execute: async (data, ctx) => {
    if (ctx.input === null) {
      return { action: "wait", messages: data.prompt ? [{ type: "text", text: ctx.render(data.prompt) }] : [] };
    }
    const text = ctx.input;
    const match = await ctx.ports.nlu.match({
      key: ctx.modelKey,
      intents: data.intents.map((intent) => ({ name: intent.name, phrases: intent.phrases })),
      threshold: data.threshold,
      text,
    });
    ctx.trace({
      candidates: match.candidates.slice(0, TRACE_CANDIDATES),
      threshold: data.threshold,
      ...(match.outOfScope ? { outOfScope: true } : {}),
    });
    const intent = match.intent === null || match.outOfScope ? undefined : data.intents.find((candidate) => candidate.name === match.intent);
    if (!intent) return { action: "next", output: "fallback", setVariables: { lastUtterance: text } };

    const extracted: Variables = {};
    const missed: Record<string, string> = {};
    const now = ctx.ports.clock.now();
    for (const { variable, entity } of intent.entities) {
      const result = extractEntity(entity, text, now);
      if (result.ok) extracted[variable] = result.value;
      else missed[variable] = result.reason;
    }
    if (Object.keys(missed).length) ctx.trace({ entitiesNotFound: missed });
    return {
      action: "next",
      output: intent.id,
      intent: { name: intent.name, confidence: match.confidence },
      setVariables: { lastIntent: intent.name, ...extracted },
    };
  },
  validate: (data) => validateIntents(data),
  readsTemplates: (data) => [data.prompt],
  writesVariables: (data) => [
    "lastIntent",
    "lastUtterance",
    ...new Set(data.intents.flatMap((intent) => intent.entities.map((entity) => entity.variable))),
  ],
});

function validateIntents(data: IntentData): Omit<Problem, "nodeId">[] {
  const problems: Omit<Problem, "nodeId">[] = [];
  if (data.intents.length === 0) {
    problems.push({ severity: "error", code: "no_intents", message: "Add at least one intent", path: ["intents"] });
  }
  problems.push(...duplicateIdProblems(data.intents, "intents", ["fallback"]));
  const names = new Map<string, number>();
  data.intents.forEach((intent, index) => {
    const key = intent.name.trim().toLowerCase();
    if (names.has(key)) {
      problems.push({ severity: "error", code: "duplicate_intent", message: `Intent "${intent.name}" is defined twice`, path: ["intents", index, "name"] });
    }
    names.set(key, index);
    if (intent.phrases.length === 0) {
      problems.push({ severity: "error", code: "no_phrases", message: `Intent "${intent.name}" has no training phrases`, path: ["intents", index, "phrases"] });
    } else if (intent.phrases.length < 3) {
      problems.push({
        severity: "warning",
        code: "few_phrases",
        message: `Intent "${intent.name}" has only ${intent.phrases.length} training phrase${intent.phrases.length === 1 ? "" : "s"}; add at least 3 for reliable matching`,
        path: ["intents", index, "phrases"],
      });
    }
    intent.entities.forEach((extraction, entityIndex) => {
      for (const problem of validateEntityRule(extraction.entity)) {
        problems.push({ ...problem, path: ["intents", index, "entities", entityIndex, "entity", ...(problem.path ?? [])] });
      }
    });
  });
  return problems;
}
