import { loadFlowDocument, type FlowDocument, type FlowDocumentInput } from "../schema/flowDocument";

export type NodeSpec = [id: string, type: string, data?: Record<string, unknown>];
export type EdgeSpec = [source: string, output: string, target: string];

/**
 * Builds and parses a flow document from compact node and edge lists, for
 * tests: `buildFlow([["s", "start"], ["m", "message", { text: "Hi" }]], [["s", "next", "m"]])`.
 */
export function buildFlow(nodes: NodeSpec[], edges: EdgeSpec[] = [], extra: Partial<Omit<FlowDocumentInput, "nodes" | "edges">> = {}): FlowDocument {
  return loadFlowDocument({
    version: 1,
    name: "Test flow",
    ...extra,
    nodes: nodes.map(([id, type, data], index) => ({ id, type, position: { x: index * 200, y: 0 }, data: data ?? {} })),
    edges: edges.map(([source, sourceHandle, target]) => ({ id: `${source}-${sourceHandle}-${target}`, source, sourceHandle, target })),
  });
}
