"use client";

// The bare canvas: React Flow with default nodes (same ids, positions, edges
// and size as the editor's), the same viewport settings as the editor's
// FlowCanvas (zoom limits, snap grid, only-visible rendering above 150 nodes,
// dotted background) and the same first view: the whole flow when it fits at a
// readable zoom (>= 0.5), else the start node at zoom 0.8 (?view=fit always
// fits). Nothing else: no store, no custom node components, no minimap, no panels.
import {
  applyNodeChanges,
  Background,
  BackgroundVariant,
  ReactFlow,
  ReactFlowProvider,
  type Edge,
  type Node,
  type NodeChange,
} from "@xyflow/react";
import { useCallback, useMemo, useState } from "react";
import type { ReactFlowInstance } from "@xyflow/react";
import { editorFlow } from "@/bench/flows/synthetic";

const snapGrid: [number, number] = [16, 16];
const proOptions = { hideAttribution: true };
const nodeStyle = { width: 240 };
const NODE_HEIGHT = 96;
const MIN_READABLE_ZOOM = 0.5;

interface FlowShape {
  nodes: { id: string; type: string; position: { x: number; y: number } }[];
  edges: { id: string; source: string; target: string }[];
}

export function BareCanvas({ nodeCount, fit = false }: { nodeCount: number; fit?: boolean }) {
  const initial = useMemo(() => {
    const flow = editorFlow(nodeCount) as unknown as FlowShape;
    const nodes: Node[] = flow.nodes.map((node) => ({
      id: node.id,
      position: node.position,
      data: { label: `${node.type} ${node.id}` },
      style: nodeStyle,
    }));
    const edges: Edge[] = flow.edges.map((edge) => ({ id: edge.id, source: edge.source, target: edge.target }));
    return { nodes, edges };
  }, [nodeCount]);
  const [nodes, setNodes] = useState(initial.nodes);
  const onNodesChange = useCallback((changes: NodeChange[]) => setNodes((current) => applyNodeChanges(changes, current)), []);
  const onInit = useCallback(
    (instance: ReactFlowInstance) => {
      const pane = document.querySelector("[data-testid=bare-canvas]")!.getBoundingClientRect();
      const xs = initial.nodes.map((node) => node.position.x);
      const ys = initial.nodes.map((node) => node.position.y);
      const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs) + nodeStyle.width, Math.min(...ys), Math.max(...ys) + NODE_HEIGHT];
      const padding = 48;
      const zoom = Math.min((pane.width - padding * 2) / (maxX - minX), (pane.height - padding * 2) / (maxY - minY), 1.1);
      if (fit || zoom >= MIN_READABLE_ZOOM) {
        const z = Math.max(zoom, 0.05);
        void instance.setViewport({ x: (pane.width - (maxX - minX) * z) / 2 - minX * z, y: (pane.height - (maxY - minY) * z) / 2 - minY * z, zoom: z });
        return;
      }
      const start = initial.nodes[0];
      void instance.setViewport({ x: 48 - start.position.x * 0.8, y: pane.height / 2 - (start.position.y + NODE_HEIGHT / 2) * 0.8, zoom: 0.8 });
    },
    [initial.nodes, fit],
  );

  return (
    <ReactFlowProvider>
      <div style={{ width: "100vw", height: "100vh" }} data-testid="bare-canvas">
        <ReactFlow
          nodes={nodes}
          edges={initial.edges}
          onNodesChange={onNodesChange}
          onInit={onInit}
          snapToGrid
          snapGrid={snapGrid}
          minZoom={0.05}
          maxZoom={2}
          onlyRenderVisibleElements={nodes.length > 150}
          proOptions={proOptions}
        >
          <Background variant={BackgroundVariant.Dots} gap={16} size={1.2} />
        </ReactFlow>
      </div>
    </ReactFlowProvider>
  );
}
