// Auto-layout with elkjs: layered, left to right, output ports in the order
// the node definition lists them (so "Yes" stays above "No").
import { getNodeDefinition } from "@/flows/nodes";
import type { EditorEdge, EditorNode } from "./documentConversion";

type Elk = InstanceType<typeof import("elkjs/lib/elk.bundled.js").default>;
let elk: Promise<Elk> | null = null;

/** elkjs is large: loaded on the first auto-layout, not with the editor. */
function loadElk(): Promise<Elk> {
  elk ??= import("elkjs/lib/elk.bundled.js").then(({ default: ELK }) => new ELK());
  return elk;
}

export const DEFAULT_NODE_WIDTH = 240;
export const DEFAULT_NODE_HEIGHT = 96;

/** Returns new positions by node id. */
export async function layoutFlow(nodes: EditorNode[], edges: EditorEdge[]): Promise<Map<string, { x: number; y: number }>> {
  const nodeIds = new Set(nodes.map((node) => node.id));
  const graph = {
    id: "root",
    layoutOptions: {
      "elk.algorithm": "layered",
      "elk.direction": "RIGHT",
      "elk.layered.spacing.nodeNodeBetweenLayers": "90",
      "elk.spacing.nodeNode": "40",
      "elk.layered.nodePlacement.strategy": "BRANDES_KOEPF",
      "elk.layered.considerModelOrder.strategy": "NODES_AND_EDGES",
      "elk.separateConnectedComponents": "true",
    },
    children: nodes.map((node) => {
      const definition = getNodeDefinition(node.type ?? "");
      let outputs: { id: string }[] = [];
      try {
        outputs = definition ? definition.outputs(node.data as never) : [];
      } catch {
        outputs = [];
      }
      return {
        id: node.id,
        width: node.measured?.width ?? node.width ?? DEFAULT_NODE_WIDTH,
        height: node.measured?.height ?? node.height ?? DEFAULT_NODE_HEIGHT,
        layoutOptions: { "elk.portConstraints": "FIXED_ORDER" },
        ports: [
          { id: `${node.id}::in`, layoutOptions: { "elk.port.side": "WEST", "elk.port.index": "0" } },
          ...outputs.map((output, index) => ({
            id: `${node.id}::out::${output.id}`,
            layoutOptions: { "elk.port.side": "EAST", "elk.port.index": String(index) },
          })),
        ],
      };
    }),
    edges: edges
      .filter((edge) => nodeIds.has(edge.source) && nodeIds.has(edge.target))
      .map((edge) => ({
        id: edge.id,
        sources: [edge.sourceHandle ? `${edge.source}::out::${edge.sourceHandle}` : edge.source],
        targets: [`${edge.target}::in`],
      })),
  };
  // Ports that do not exist (edges from stale outputs) would make ELK throw: point those at the node.
  const portIds = new Set(graph.children.flatMap((child) => child.ports.map((port) => port.id)));
  for (const edge of graph.edges) {
    if (!portIds.has(edge.sources[0])) edge.sources[0] = edge.sources[0].split("::out::")[0];
  }
  const result = await (await loadElk()).layout(graph);
  const positions = new Map<string, { x: number; y: number }>();
  for (const child of result.children ?? []) positions.set(child.id, { x: child.x ?? 0, y: child.y ?? 0 });
  return positions;
}
