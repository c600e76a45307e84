"use client";

import {
  Background,
  BackgroundVariant,
  ConnectionLineType,
  Controls,
  MarkerType,
  MiniMap,
  Panel,
  ReactFlow,
  useReactFlow,
  type Connection,
  type DefaultEdgeOptions,
  type Edge,
  type IsValidConnection,
} from "@xyflow/react";
import { LayoutGrid, Maximize } from "lucide-react";
import { memo, useCallback, useDeferredValue, useEffect, useMemo, useRef, type DragEvent } from "react";
import { toast } from "sonner";
import { useShallow } from "zustand/react/shallow";
import { getNodeDefinition } from "@/flows/nodes";
import { Button } from "@/app/_components/Button";
import { highlightSets, useEditorStore, type EditorNode } from "../store/editorStore";
import { DEFAULT_NODE_HEIGHT, DEFAULT_NODE_WIDTH } from "../store/layoutFlow";
import { withHandleEstimates } from "./handleEstimates";
import { nodeTypes } from "./nodeTypes";
import { PALETTE_MIME } from "./NodePalette";

const defaultEdgeOptions: DefaultEdgeOptions = {
  markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16, color: "#94a3b8" },
};
const snapGrid: [number, number] = [16, 16];
const fitViewOptions = { padding: 0.15, maxZoom: 1.1 };
const proOptions = { hideAttribution: true };
const miniMapStyle = { width: 168, height: 112 };
const deleteKeys = ["Delete", "Backspace"];
const multiSelectKeys = ["Meta", "Control"];

/** Above this many nodes only what is on screen is drawn (with handle estimates, see handleEstimates.ts). */
const VISIBLE_ONLY_THRESHOLD = 150;
const MIN_READABLE_ZOOM = 0.5;

/** Memoised: it reads everything from the store, so a re-render of the layout around it (tab switch) must not reach React Flow. */
export const FlowCanvas = memo(function FlowCanvas() {
  const { nodes, edges, onNodesChange, onEdgesChange, onConnect } = useEditorStore(
    useShallow((s) => ({
      nodes: s.nodes,
      edges: s.edges,
      onNodesChange: s.onNodesChange,
      onEdgesChange: s.onEdgesChange,
      onConnect: s.onConnect,
    })),
  );
  const highlight = useEditorStore((s) => s.highlight);
  // The minimap draws every node: it mounts in a background render once the canvas is up.
  const showMiniMap = useDeferredValue(true, false);
  const revealRequest = useEditorStore((s) => s.revealRequest);
  const { screenToFlowPosition, setCenter, getZoom, fitView, getInternalNode, setViewport } = useReactFlow<EditorNode>();
  const wrapper = useRef<HTMLDivElement>(null);
  const fittedFlow = useRef<string | null>(null);

  // First view of a flow: fit it, but if that makes nodes unreadable, show the start at a readable zoom instead.
  // Uses stored positions (not measured sizes): with onlyRenderVisibleElements most nodes are never measured.
  const initialView = useCallback(function initialView() {
    const state = useEditorStore.getState();
    if (fittedFlow.current === state.flowId || !state.nodes.length) return;
    const pane = wrapper.current?.getBoundingClientRect();
    if (!pane || !pane.width) {
      requestAnimationFrame(() => initialView());
      return;
    }
    fittedFlow.current = state.flowId;
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const n of state.nodes) {
      minX = Math.min(minX, n.position.x);
      minY = Math.min(minY, n.position.y);
      maxX = Math.max(maxX, n.position.x + DEFAULT_NODE_WIDTH);
      maxY = Math.max(maxY, n.position.y + DEFAULT_NODE_HEIGHT);
    }
    const padding = 48;
    const fitZoom = Math.min((pane.width - padding * 2) / (maxX - minX), (pane.height - padding * 2) / (maxY - minY), 1.1);
    if (fitZoom >= MIN_READABLE_ZOOM) {
      void setViewport({
        x: (pane.width - (maxX - minX) * fitZoom) / 2 - minX * fitZoom,
        y: (pane.height - (maxY - minY) * fitZoom) / 2 - minY * fitZoom,
        zoom: fitZoom,
      });
      return;
    }
    const start = state.nodes.find((n) => n.type === "start") ?? state.nodes[0];
    const zoom = 0.8;
    void setViewport({ x: 48 - start.position.x * zoom, y: pane.height / 2 - (start.position.y + DEFAULT_NODE_HEIGHT / 2) * zoom, zoom });
  }, [setViewport]);

  // Large flows: give never-measured nodes estimated handles so React Flow only renders what is on screen.
  const large = nodes.length > VISIBLE_ONLY_THRESHOLD;
  const renderedNodes = useMemo(() => (large ? nodes.map(withHandleEstimates) : nodes), [nodes, large]);

  // Visited edges are animated and coloured; recomputed only when edges or the highlight change (not on drag).
  const renderedEdges = useMemo<Edge[]>(() => {
    if (!highlight.visitedEdgeIds.length) return edges;
    const visited = highlightSets(highlight).edges;
    return edges.map((edge) =>
      visited.has(edge.id)
        ? { ...edge, animated: true, className: "sb-visited", markerEnd: { type: MarkerType.ArrowClosed, color: "#f59e0b" } }
        : edge,
    );
  }, [edges, highlight]);

  useEffect(() => {
    if (!revealRequest) return;
    const internal = getInternalNode(revealRequest.nodeId);
    if (!internal) return;
    const { x, y } = internal.internals.positionAbsolute;
    const width = internal.measured.width ?? 240;
    const height = internal.measured.height ?? 96;
    void setCenter(x + width / 2, y + height / 2, { zoom: Math.max(getZoom(), 0.9), duration: 300 });
  }, [revealRequest, getInternalNode, setCenter, getZoom]);

  const isValidConnection = useCallback<IsValidConnection>((connection) => {
    if (connection.source === connection.target) return false;
    const target = useEditorStore.getState().nodes.find((n) => n.id === connection.target);
    return Boolean(target && getNodeDefinition(target.type ?? "")?.hasInput !== false);
  }, []);

  const onDragOver = useCallback((event: DragEvent) => {
    if (event.dataTransfer.types.includes(PALETTE_MIME)) {
      event.preventDefault();
      event.dataTransfer.dropEffect = "copy";
    }
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const type = event.dataTransfer.getData(PALETTE_MIME);
      if (!type) return;
      event.preventDefault();
      const position = screenToFlowPosition({ x: event.clientX - 20, y: event.clientY - 20 });
      useEditorStore.getState().addNode(type, { x: Math.round(position.x / 16) * 16, y: Math.round(position.y / 16) * 16 });
    },
    [screenToFlowPosition],
  );

  const onPaneClick = useCallback(() => useEditorStore.getState().selectNode(null), []);

  const layout = useCallback(async () => {
    try {
      await useEditorStore.getState().autoLayout();
      setTimeout(() => void fitView({ ...fitViewOptions, duration: 300 }), 50);
    } catch (error) {
      toast.error(`Auto-layout failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }, [fitView]);

  return (
    <div ref={wrapper} className="h-full w-full" onDragOver={onDragOver} onDrop={onDrop} data-testid="flow-canvas">
      <ReactFlow<EditorNode>
        nodes={renderedNodes}
        edges={renderedEdges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect as (connection: Connection) => void}
        isValidConnection={isValidConnection}
        onPaneClick={onPaneClick}
        onInit={initialView}
        defaultEdgeOptions={defaultEdgeOptions}
        connectionLineType={ConnectionLineType.Bezier}
        snapToGrid
        snapGrid={snapGrid}
        minZoom={0.05}
        maxZoom={2}
        deleteKeyCode={deleteKeys}
        multiSelectionKeyCode={multiSelectKeys}
        selectionKeyCode="Shift"
        onlyRenderVisibleElements={large}
        proOptions={proOptions}
        aria-label="Flow canvas"
      >
        <Background variant={BackgroundVariant.Dots} gap={16} size={1.2} />
        {showMiniMap ? <MiniMap pannable zoomable style={miniMapStyle} nodeColor={miniMapColor} nodeStrokeWidth={0} maskColor="rgba(241,245,249,0.7)" ariaLabel="Mini map" /> : null}
        <Controls showInteractive={false} fitViewOptions={fitViewOptions} />
        <Panel position="top-right" className="flex gap-1.5">
          <Button size="sm" onClick={layout} title="Arrange nodes left to right (Shift+L)" aria-label="Auto-layout">
            <LayoutGrid className="h-3.5 w-3.5" aria-hidden /> Auto-layout
          </Button>
          <Button size="sm" onClick={() => void fitView({ ...fitViewOptions, duration: 300 })} aria-label="Zoom to fit" title="Zoom to fit">
            <Maximize className="h-3.5 w-3.5" aria-hidden /> Fit
          </Button>
        </Panel>
        {nodes.length === 0 ? (
          <Panel position="top-center" className="mt-24 rounded-lg border border-dashed border-slate-300 bg-white/90 px-6 py-4 text-center text-sm text-slate-500">
            Drag a node from the left, or click one to add it.
          </Panel>
        ) : null}
      </ReactFlow>
    </div>
  );
});

function miniMapColor(node: EditorNode): string {
  return getNodeDefinition(node.type ?? "")?.color ?? "#cbd5e1";
}
