// One place that decides whether a flow document can be published or
// imported: the schema (parseFlowDocument) plus the graph validator
// (validateFlow). Problems carry a printable path like "nodes[3].data.url".
import { formatPath, type FlowDocument } from "../../flows/schema/flowDocument";
import { validateFlowDocument } from "../../flows/validation/validateFlow";

export interface FlowProblem {
  /** Where in the document, e.g. "nodes[3].data.url"; empty for the document itself. */
  path: string;
  message: string;
  severity: "error" | "warning";
  code?: string;
  nodeId?: string;
}

export type CheckedDocument =
  | { ok: true; document: FlowDocument; warnings: FlowProblem[] }
  | { ok: false; errors: FlowProblem[]; warnings: FlowProblem[] };

/** Parses and validates a document; ok only when there are no errors (warnings don't block). */
export function checkFlowDocument(raw: unknown): CheckedDocument {
  const validated = validateFlowDocument(raw);
  const problems: FlowProblem[] = validated.problems.map((problem) => ({
    path: formatPath(problem.path ?? []),
    message: problem.message,
    severity: problem.severity,
    code: problem.code,
    ...(problem.nodeId ? { nodeId: problem.nodeId } : {}),
  }));
  const errors = problems.filter((problem) => problem.severity === "error");
  const warnings = problems.filter((problem) => problem.severity === "warning");
  const parsed = validated.parsed;
  if (!parsed.ok) {
    // The validator reports schema problems too; keep the parser's if it somehow didn't.
    if (errors.length === 0) errors.push(...parsed.problems.map((problem) => ({ ...problem, severity: "error" as const })));
    return { ok: false, errors, warnings };
  }
  if (errors.length) return { ok: false, errors, warnings };
  return { ok: true, document: parsed.value, warnings };
}
