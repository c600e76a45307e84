import { getNodeDefinition, type NodeDefinition, type NodeOutput } from "../nodes";
import type { FlowDocument, FlowNode } from "../schema/flowDocument";

export interface GraphNode {
  node: FlowNode;
  definition: NodeDefinition;
  outputs: NodeOutput[];
}

/** Lookup tables over a flow document, built once per document and cached. */
export interface FlowGraph {
  startNodeId: string | null;
  nodes: Map<string, GraphNode>;
  /** `${source}\u0000${output}` -> target node id. */
  targets: Map<string, string>;
}

const cache = new WeakMap<FlowDocument, FlowGraph>();

export function flowGraph(flow: FlowDocument): FlowGraph {
  const cached = cache.get(flow);
  if (cached) return cached;
  const nodes = new Map<string, GraphNode>();
  let startNodeId: string | null = null;
  for (const node of flow.nodes) {
    const definition = getNodeDefinition(node.type);
    if (!definition) throw new Error(`Unknown node type "${node.type}" on node "${node.id}"`);
    nodes.set(node.id, { node, definition, outputs: definition.outputs(node.data) });
    if (node.type === "start" && startNodeId === null) startNodeId = node.id;
  }
  const targets = new Map<string, string>();
  for (const edge of flow.edges) targets.set(edgeKey(edge.source, edge.sourceHandle), edge.target);
  const graph = { startNodeId, nodes, targets };
  cache.set(flow, graph);
  return graph;
}

export function edgeKey(source: string, output: string): string {
  return `${source}\u0000${output}`;
}
