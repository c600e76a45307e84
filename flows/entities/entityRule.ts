import { z } from "zod";

/** One choice of an `options` entity. Synonyms are matched case- and width-insensitively. */
export const entityOptionSchema = z.object({
  value: z.string().min(1, "Option value is empty").meta({ title: "Value", description: "Stored in the variable when chosen." }),
  synonyms: z
    .array(z.string().min(1))
    .default([])
    .meta({ title: "Synonyms", description: "Other ways customers say this option, one per line.", widget: "lines" }),
});

const textRule = z.object({
  type: z.literal("text"),
});

const numberRule = z.object({
  type: z.literal("number"),
  min: z.number().optional().meta({ title: "Minimum", description: "Smallest accepted number (inclusive)." }),
  max: z.number().optional().meta({ title: "Maximum", description: "Largest accepted number (inclusive)." }),
  integer: z.boolean().default(false).meta({ title: "Whole numbers only", description: "Reject answers like 2.5." }),
});

const emailRule = z.object({
  type: z.literal("email"),
});

const phoneRule = z.object({
  type: z.literal("phone"),
});

const dateRule = z.object({
  type: z.literal("date"),
});

const regexRule = z.object({
  type: z.literal("regex"),
  pattern: z
    .string()
    .min(1, "Pattern is empty")
    .meta({ title: "Pattern", description: "JavaScript regular expression. A named group (?<value>…) picks the part to store.", widget: "code" }),
  flags: z
    .string()
    .regex(/^[imsu]*$/, "Allowed flags: i, m, s, u")
    .default("")
    .meta({ title: "Flags", description: "i = ignore case, m = multiline, s = dot matches newline, u = unicode." }),
});

const optionsRule = z.object({
  type: z.literal("options"),
  options: z
    .array(entityOptionSchema)
    .min(1, "Add at least one option")
    .meta({ title: "Options", description: "Accepted answers. Customers may also reply with an option's number (1, 2, …)." }),
});

/** How to recognise and normalise a typed value in the customer's text. */
export const entityRuleSchema = z
  .discriminatedUnion("type", [textRule, numberRule, emailRule, phoneRule, dateRule, regexRule, optionsRule])
  .meta({ title: "Entity", description: "What kind of value to expect and how to check it." });

export type EntityRule = z.output<typeof entityRuleSchema>;
export type EntityType = EntityRule["type"];
export type EntityOption = z.output<typeof entityOptionSchema>;

export const entityTypes: readonly EntityType[] = ["text", "number", "email", "phone", "date", "regex", "options"];
