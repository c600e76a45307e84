import { z } from "zod";
import { defineNode, type Problem } from "../defineNode";
import { duplicateIdProblems, itemIdSchema } from "../fields";

const branchSchema = z.object({
  id: itemIdSchema,
  label: z.string().trim().min(1, "Label is empty").meta({ title: "Label", description: "Stored in the split_… variable for analytics." }),
  percent: z.number().min(0).max(100).meta({ title: "Percent", description: "Share of conversations sent this way (all branches add up to 100)." }),
});

const dataSchema = z.object({
  branches: z
    .array(branchSchema)
    .min(1, "Add at least one branch")
    .default(() => defaultBranches())
    .meta({ title: "Branches", description: "Each conversation takes one branch at random, weighted by percent." }),
});

type RandomSplitData = z.output<typeof dataSchema>;

export const randomSplitNode = defineNode({
  type: "randomSplit",
  label: "Random split",
  description: "Send conversations down branches at random (A/B tests).",
  icon: "Split",
  color: "#db2777",
  hasInput: true,
  dataSchema,
  defaults: (): RandomSplitData => ({ branches: defaultBranches() }),
  outputs: (data) => data.branches.map((branch) => ({ id: branch.id, label: `${branch.label} (${branch.percent}%)` })),
  summary: (data) => [data.branches.map((branch) => `${branch.label} ${branch.percent}%`).join(" · ")],
  execute: (data, ctx) => {
    const total = data.branches.reduce((sum, branch) => sum + branch.percent, 0);
    const draw = ctx.ports.random();
    // Weights are normalised so a flow saved with a bad total still splits sensibly.
    let point = draw * total;
    let chosen = data.branches[data.branches.length - 1];
    for (const branch of data.branches) {
      if (point < branch.percent) {
        chosen = branch;
        break;
      }
      point -= branch.percent;
    }
    if (total === 0) chosen = data.branches[0];
    ctx.trace({ draw, branch: chosen.label });
    return { action: "next", output: chosen.id, setVariables: { [splitVariable(ctx.nodeId)]: chosen.label } };
  },
  validate: (data) => {
    const problems: Omit<Problem, "nodeId">[] = duplicateIdProblems(data.branches, "branches", []);
    const total = data.branches.reduce((sum, branch) => sum + branch.percent, 0);
    if (Math.abs(total - 100) > 1e-9) {
      problems.push({ severity: "error", code: "percent_total", message: `Percentages add up to ${total}, not 100`, path: ["branches"] });
    }
    return problems;
  },
});

function defaultBranches(): RandomSplitData["branches"] {
  return [
    { id: "a", label: "A", percent: 50 },
    { id: "b", label: "B", percent: 50 },
  ];
}

/** The variable that records which branch a conversation took: split_<node id, as an identifier>. */
export function splitVariable(nodeId: string): string {
  return `split_${nodeId.replace(/[^A-Za-z0-9_]/g, "_")}`;
}
