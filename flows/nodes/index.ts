// THE node registry. Palette, canvas, inspector, validation and the runtime
// all read node types from here; adding a node type is one line below.
import type { NodeDefinition } from "./defineNode";
import { endNode } from "./end/end.node";
import { messageNode } from "./message/message.node";
import { startNode } from "./start/start.node";

export const nodeDefinitions: readonly NodeDefinition[] = [
  startNode,
  messageNode,
  endNode,
];

const byType = new Map(nodeDefinitions.map((definition) => [definition.type, definition]));

export const nodeTypes: readonly string[] = nodeDefinitions.map((definition) => definition.type);

export function getNodeDefinition(type: string): NodeDefinition | undefined {
  return byType.get(type);
}

export type { NodeDefinition, NodeContext, NodeOutput, NodeResult, Problem } from "./defineNode";
