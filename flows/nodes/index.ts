// THE node registry. Palette, canvas, inspector, validation and the runtime
// all read node types from here; adding a node type is one line below.
import { apiCallNode } from "./apiCall/apiCall.node";
import { collectNode } from "./collect/collect.node";
import { conditionNode } from "./condition/condition.node";
import type { NodeDefinition } from "./defineNode";
import { endNode } from "./end/end.node";
import { handoffNode } from "./handoff/handoff.node";
import { intentNode } from "./intent/intent.node";
import { messageNode } from "./message/message.node";
import { randomSplitNode } from "./randomSplit/randomSplit.node";
import { setVariablesNode } from "./setVariables/setVariables.node";
import { startNode } from "./start/start.node";

export const nodeDefinitions: readonly NodeDefinition[] = [
  startNode,
  messageNode,
  intentNode,
  collectNode,
  conditionNode,
  setVariablesNode,
  apiCallNode,
  randomSplitNode,
  handoffNode,
  endNode,
];

const byType = new Map(nodeDefinitions.map((definition) => [definition.type, definition]));

export const nodeTypes: readonly string[] = nodeDefinitions.map((definition) => definition.type);

export function getNodeDefinition(type: string): NodeDefinition | undefined {
  return byType.get(type);
}

export type { NodeDefinition, NodeContext, NodeOutput, NodeResult, Problem } from "./defineNode";
