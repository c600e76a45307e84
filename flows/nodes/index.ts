// THE node registry. Palette, canvas, inspector, validation and the runtime
// all read node types from here; adding a node type is one line below.
import { apiCallNode } from "./apiCall/apiCall.node.ts";
import { collectNode } from "./collect/collect.node.ts";
import { conditionNode } from "./condition/condition.node.ts";
import type { NodeDefinition } from "./defineNode";
import { endNode } from "./end/end.node.ts";
import { handoffNode } from "./handoff/handoff.node.ts";
import { intentNode } from "./intent/intent.node.ts";
import { messageNode } from "./message/message.node.ts";
import { randomSplitNode } from "./randomSplit/randomSplit.node.ts";
import { setVariablesNode } from "./setVariables/setVariables.node.ts";
import { startNode } from "./start/start.node.ts";

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
