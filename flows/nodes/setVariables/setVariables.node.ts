import { z } from "zod";
import { checkExpression, evaluateExpression } from "../../expressions/evaluateExpression";
import type { Variables } from "../../engine/types";
import { renderTemplate } from "../../templates/renderTemplate";
import { defineNode, type Problem } from "../defineNode";
import { variableNameSchema } from "../fields";

const assignmentSchema = z.object({
  variable: variableNameSchema.meta({ title: "Variable", description: "The variable to set.", widget: "variable" }),
  mode: z
    .enum(["expression", "text"])
    .default("text")
    .meta({ title: "Value is", description: "Text: a template like Hello {{name}}. Expression: computed, like total * 1.1 or attempts + 1." }),
  value: z.string().default("").meta({ title: "Value", description: "Text with {{variable}}, or an expression.", widget: "template" }),
});

const dataSchema = z.object({
  assignments: z
    .array(assignmentSchema)
    .default([])
    .meta({ title: "Assignments", description: "Applied top to bottom; later ones see earlier results." }),
});

type SetVariablesData = z.output<typeof dataSchema>;

export const setVariablesNode = defineNode({
  type: "setVariables",
  label: "Set variables",
  description: "Set or compute variables from text templates or expressions.",
  icon: "Variable",
  color: "#0d9488",
  hasInput: true,
  dataSchema,
  defaults: (): SetVariablesData => ({ assignments: [{ variable: "attempts", mode: "expression", value: "(attempts || 0) + 1" }] }),
  outputs: () => [{ id: "next", label: "Next" }],
  summary: (data) =>
    data.assignments.length
      ? data.assignments.map((assignment) => `${assignment.variable} = ${assignment.mode === "text" ? JSON.stringify(assignment.value) : assignment.value}`)
      : ["Nothing to set"],
  execute: (data, ctx) => {
    // Evaluate against a running copy so each assignment sees the ones above it.
    const running: Variables = { ...ctx.variables };
    const setVariables: Variables = {};
    for (const assignment of data.assignments) {
      const value = assignment.mode === "expression" ? evaluateExpression(assignment.value, running) : renderTemplate(assignment.value, running);
      running[assignment.variable] = value;
      setVariables[assignment.variable] = value;
    }
    return { action: "next", output: "next", setVariables };
  },
  validate: (data) => {
    const problems: Omit<Problem, "nodeId">[] = [];
    data.assignments.forEach((assignment, index) => {
      if (assignment.mode !== "expression") return;
      const error = checkExpression(assignment.value);
      if (error) problems.push({ severity: "error", code: "invalid_expression", message: error, path: ["assignments", index, "value"] });
    });
    return problems;
  },
  readsTemplates: (data) => data.assignments.map((assignment) => assignment.value),
  writesVariables: (data) => [...new Set(data.assignments.map((assignment) => assignment.variable))],
});
