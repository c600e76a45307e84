"use client";

// The bare canvas: React Flow with default nodes (same ids, positions, edges
// and size as the editor's), the same viewport settings as the editor's
// FlowCanvas (fitView, zoom limits, snap grid, only-visible rendering above 150
// nodes, dotted background), and nothing else: no store, no custom node
// components, no minimap, no panels.
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
import { editorFlow } from "@/bench/flows/synthetic";

const snapGrid: [number, number] = [16, 16];
const fitViewOptions = { padding: 0.15, maxZoom: 1.1 };
const proOptions = { hideAttribution: true };
const nodeStyle = { width: 240 };

interface FlowShape {
  nodes: { id: string; type: string; position: { x: number; y: number } }[];
  edges: { id: string; source: string; target: string }[];
}

export function BareCanvas({ nodeCount }: { nodeCount: number }) {
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

  return (
    <ReactFlowProvider>
      <div style={{ width: "100vw", height: "100vh" }} data-testid="bare-canvas">
        <ReactFlow
          nodes={nodes}
          edges={initial.edges}
          onNodesChange={onNodesChange}
          snapToGrid
          snapGrid={snapGrid}
          fitView
          fitViewOptions={fitViewOptions}
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
