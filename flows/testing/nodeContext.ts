import type { RuntimePorts, Variables } from "../engine/types";
import { evaluateExpression } from "../expressions/evaluateExpression";
import type { NodeContext } from "../nodes/defineNode";
import { renderTemplate } from "../templates/renderTemplate";
import { createFakePorts } from "./fakePorts";

export interface TestNodeContext extends NodeContext {
  /** Everything the node passed to ctx.trace, merged. */
  traced: Record<string, unknown>;
}

/** A NodeContext for unit-testing one node's execute(), wired like the engine wires it. */
export function createNodeContext(options: {
  nodeId?: string;
  variables?: Variables;
  input?: string | null;
  nodeState?: unknown;
  ports?: RuntimePorts;
} = {}): TestNodeContext {
  const variables = options.variables ?? {};
  const nodeId = options.nodeId ?? "node_1";
  const traced: Record<string, unknown> = {};
  return {
    nodeId,
    variables,
    input: options.input ?? null,
    nodeState: options.nodeState,
    ports: options.ports ?? createFakePorts(),
    modelKey: `test:${nodeId}`,
    render: (template) => renderTemplate(template, variables),
    evaluate: (expression) => evaluateExpression(expression, variables),
    trace: (detail) => Object.assign(traced, detail),
    traced,
  };
}
