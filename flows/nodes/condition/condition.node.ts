import { z } from "zod";
import { checkExpression } from "../../expressions/evaluateExpression";
import { defineNode, type Problem } from "../defineNode";
import { duplicateIdProblems, itemIdSchema } from "../fields";

const branchSchema = z.object({
  id: itemIdSchema,
  label: z.string().default("").meta({ title: "Label", description: "Shown on the output; the expression is shown when empty." }),
  expression: z
    .string()
    .min(1, "Expression is empty")
    .meta({ title: "Condition", description: 'True when… e.g. orderStatus == "shipped" && !vip', widget: "expression" }),
});

const dataSchema = z.object({
  branches: z
    .array(branchSchema)
    .default([])
    .meta({ title: "Branches", description: "Checked top to bottom; the first true one wins, otherwise Else." }),
});

type ConditionData = z.output<typeof dataSchema>;

export const conditionNode = defineNode({
  type: "condition",
  label: "Condition",
  description: "Branch on variables with expressions; the first true branch wins.",
  icon: "GitBranch",
  color: "#d97706",
  hasInput: true,
  dataSchema,
  defaults: (): ConditionData => ({
    branches: [{ id: "branch_1", label: "Shipped", expression: 'orderStatus == "shipped"' }],
  }),
  outputs: (data) => [
    ...data.branches.map((branch) => ({ id: branch.id, label: branch.label || branch.expression })),
    { id: "else", label: "Else" },
  ],
  summary: (data) => [...data.branches.map((branch) => branch.expression), "else"],
  execute: (data, ctx) => {
    const checked: { id: string; value: unknown }[] = [];
    for (const branch of data.branches) {
      const value = ctx.evaluate(branch.expression);
      checked.push({ id: branch.id, value });
      if (value) {
        ctx.trace({ checked });
        return { action: "next", output: branch.id };
      }
    }
    ctx.trace({ checked });
    return { action: "next", output: "else" };
  },
  validate: (data) => {
    const problems: Omit<Problem, "nodeId">[] = duplicateIdProblems(data.branches, "branches", ["else"]);
    if (data.branches.length === 0) {
      problems.push({ severity: "warning", code: "no_branches", message: "With no branches every conversation goes to Else", path: ["branches"] });
    }
    data.branches.forEach((branch, index) => {
      const error = checkExpression(branch.expression);
      if (error) problems.push({ severity: "error", code: "invalid_expression", message: error, path: ["branches", index, "expression"] });
    });
    return problems;
  },
  readsTemplates: (data) => data.branches.map((branch) => branch.expression),
});
