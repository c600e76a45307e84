// The editor's ONE store. Canvas, inspector, test chat, problems panel and
// JSON view all read and write the flow through it.
//
//   useEditorStore((s) => s.nodes)                 // React, with a selector
//   useEditorStore.getState().selectNode("n_1")    // outside React
//
// Node `data` is the node's data object only (serialisable, no callbacks).
// Conversion to/from the flow document lives in documentConversion.ts.
import {
  addEdge,
  applyEdgeChanges,
  applyNodeChanges,
  type Connection,
  type EdgeChange,
  type NodeChange,
  type XYPosition,
} from "@xyflow/react";
import { create } from "zustand";
import { getNodeDefinition } from "@/flows/nodes";
import {
  documentToFlowState,
  flowStateToDocument,
  type EditorEdge,
  type EditorNode,
  type FlowMeta,
  type FlowNodeData,
} from "./documentConversion";
import { layoutFlow } from "./layoutFlow";
import { newId } from "./newId";

export type { EditorEdge, EditorNode, FlowMeta, FlowNodeData } from "./documentConversion";

export type SaveState = "saved" | "saving" | "dirty" | "conflict" | "error";

export interface Highlight {
  activeNodeId: string | null;
  visitedNodeIds: string[];
  visitedEdgeIds: string[];
}

interface Snapshot {
  nodes: EditorNode[];
  edges: EditorEdge[];
  meta: FlowMeta;
}

interface Clipboard {
  nodes: EditorNode[];
  edges: EditorEdge[];
}

export interface EditorState {
  flowId: string | null;
  nodes: EditorNode[];
  edges: EditorEdge[];
  meta: FlowMeta;
  /** Server revision the current draft is based on (baseRevision for saveDraft). */
  revision: number;
  saveState: SaveState;
  /** Bumped on every change to the document; autosave compares it with `savedChangeId`. */
  changeId: number;
  savedChangeId: number;
  selectedNodeId: string | null;
  highlight: Highlight;
  /** Set by revealNode: the canvas centres on this node, then clears it. */
  revealRequest: { nodeId: string; nonce: number } | null;
  canUndo: boolean;
  canRedo: boolean;

  onNodesChange(changes: NodeChange<EditorNode>[]): void;
  onEdgesChange(changes: EdgeChange<EditorEdge>[]): void;
  onConnect(connection: Connection): void;
  /** Adds a node with the definition's defaults; returns its id. */
  addNode(type: string, position: XYPosition): string;
  /** Shallow-merges `data` into the node's data (undoable; typing bursts coalesce). */
  updateNodeData(id: string, data: Partial<FlowNodeData>): void;
  /** Replaces the node's whole data object. Edits with the same coalesceKey within 1 s are one undo step; null never coalesces. */
  setNodeData(id: string, data: FlowNodeData, coalesceKey?: string | null): void;
  /** Shallow-merges into `meta` (name, description, settings, variables…). */
  updateMeta(patch: Partial<FlowMeta>): void;
  deleteNodes(ids: string[]): void;
  selectNode(id: string | null): void;
  /** Selects the node and asks the canvas to centre on it (problems panel, test chat). */
  revealNode(id: string): void;
  setHighlight(highlight: Partial<Highlight>): void;
  clearHighlight(): void;
  /** Loads a server document; resets history and marks it saved. */
  loadDocument(flowId: string, document: unknown, revision: number): void;
  /** Replaces the whole document (from the JSON view). Undoable. */
  replaceDocument(document: unknown): void;
  toDocument(): Record<string, unknown>;
  undo(): void;
  redo(): void;
  copySelection(): number;
  paste(position?: XYPosition): void;
  autoLayout(): Promise<void>;
  /** Autosave bookkeeping. */
  setSaveState(state: SaveState): void;
  markSaved(revision: number, changeId: number): void;
}

const HISTORY_LIMIT = 100;
const COALESCE_MS = 1000;
const PASTE_OFFSET = 40;

const emptyMeta = (): FlowMeta => ({
  version: 1,
  name: "Untitled flow",
  description: "",
  languages: ["en"],
  settings: {},
  variables: [],
});

const emptyHighlight: Highlight = { activeNodeId: null, visitedNodeIds: [], visitedEdgeIds: [] };

// History lives outside React state: nothing renders from it except canUndo/canRedo.
let past: Snapshot[] = [];
let future: Snapshot[] = [];
let lastCoalesceKey: string | null = null;
let lastCoalesceAt = 0;
let clipboard: Clipboard | null = null;
/** A node drag has moved nodes (snapshot recorded) but not been committed yet. */
let dragInProgress = false;
let pasteCount = 0;

export const useEditorStore = create<EditorState>()((set, get) => {
  /** Records the current state for undo, unless this change continues the previous burst. */
  function record(coalesceKey: string | null = null) {
    const now = Date.now();
    if (coalesceKey !== null && coalesceKey === lastCoalesceKey && now - lastCoalesceAt < COALESCE_MS) {
      lastCoalesceAt = now;
      return;
    }
    lastCoalesceKey = coalesceKey;
    lastCoalesceAt = now;
    const { nodes, edges, meta } = get();
    past.push({ nodes, edges, meta });
    if (past.length > HISTORY_LIMIT) past.shift();
    future = [];
  }

  /** Every document mutation goes through here. */
  function commit(patch: Partial<EditorState>, coalesceKey: string | null = null, recorded = false) {
    if (!recorded) record(coalesceKey);
    set((state) => ({
      ...patch,
      changeId: state.changeId + 1,
      saveState: state.saveState === "conflict" ? "conflict" : "dirty",
      canUndo: true,
      canRedo: false,
    }));
  }

  function restore(snapshot: Snapshot) {
    dragInProgress = false;
    const selectedNodeId = get().selectedNodeId;
    set((state) => ({
      nodes: snapshot.nodes,
      edges: snapshot.edges,
      meta: snapshot.meta,
      selectedNodeId: selectedNodeId && snapshot.nodes.some((n) => n.id === selectedNodeId) ? selectedNodeId : null,
      changeId: state.changeId + 1,
      saveState: state.saveState === "conflict" ? "conflict" : "dirty",
      canUndo: past.length > 0,
      canRedo: future.length > 0,
    }));
    lastCoalesceKey = null;
  }

  return {
    flowId: null,
    nodes: [],
    edges: [],
    meta: emptyMeta(),
    revision: 0,
    saveState: "saved",
    changeId: 0,
    savedChangeId: 0,
    selectedNodeId: null,
    highlight: emptyHighlight,
    revealRequest: null,
    canUndo: false,
    canRedo: false,

    onNodesChange(changes) {
      let documentChange = false;
      let selectionChange = false;
      let dragKey: string | null = null;
      // Frames of a drag in progress (dragging: true) only move nodes: the undo snapshot is taken on the first
      // frame and the change is committed (changeId, dirty state, autosave, problems) once, when the drag stops.
      let dragFrame = false;
      const removed: string[] = [];
      for (const change of changes) {
        if (change.type === "position") {
          if (change.position) {
            if (change.dragging) dragFrame = true;
            else documentChange = true;
            dragKey = `drag:${change.id}`;
          }
        } else if (change.type === "remove") {
          documentChange = true;
          removed.push(change.id);
        } else if (change.type === "add" || change.type === "replace") {
          documentChange = true;
        } else if (change.type === "select") {
          selectionChange = true;
        }
      }
      const state = get();
      const nodes = applyNodeChanges(changes, state.nodes);
      const patch: Partial<EditorState> = { nodes };
      if (removed.length) {
        const gone = new Set(removed);
        patch.edges = state.edges.filter((e) => !gone.has(e.source) && !gone.has(e.target));
        if (state.selectedNodeId && gone.has(state.selectedNodeId)) patch.selectedNodeId = null;
      }
      if (selectionChange) {
        let only: string | null = null;
        let count = 0;
        for (const node of nodes) {
          if (node.selected) {
            count += 1;
            only = node.id;
            if (count > 1) break;
          }
        }
        patch.selectedNodeId = count === 1 ? only : null;
      }
      if (documentChange) {
        const continuesDrag = dragInProgress && !removed.length;
        dragInProgress = false;
        commit(patch, removed.length ? null : dragKey, continuesDrag);
      } else if (dragFrame) {
        if (!dragInProgress) {
          record(null);
          dragInProgress = true;
        }
        set(patch);
      } else set(patch);
    },

    onEdgesChange(changes) {
      const documentChange = changes.some((c) => c.type === "remove" || c.type === "add" || c.type === "replace");
      const edges = applyEdgeChanges(changes, get().edges);
      if (documentChange) commit({ edges });
      else set({ edges });
    },

    onConnect(connection) {
      if (!connection.source || !connection.target) return;
      const target = get().nodes.find((n) => n.id === connection.target);
      if (target && getNodeDefinition(target.type ?? "")?.hasInput === false) return;
      // One edge per output: connecting again replaces the old edge.
      const edges = get().edges.filter(
        (e) => !(e.source === connection.source && (e.sourceHandle ?? null) === (connection.sourceHandle ?? null)),
      );
      commit({ edges: addEdge({ ...connection, id: newId("e") }, edges) });
    },

    addNode(type, position) {
      const definition = getNodeDefinition(type);
      if (!definition) throw new Error(`Unknown node type "${type}"`);
      const id = newId(type.replace(/[^A-Za-z0-9]/g, "").slice(0, 12) || "node");
      const node: EditorNode = { id, type, position, data: definition.defaults() as FlowNodeData, selected: true };
      const nodes = get().nodes.map((n) => (n.selected ? { ...n, selected: false } : n));
      commit({ nodes: [...nodes, node], selectedNodeId: id });
      return id;
    },

    updateNodeData(id, data) {
      const keys = Object.keys(data).sort().join(",");
      commit(
        { nodes: get().nodes.map((n) => (n.id === id ? { ...n, data: { ...n.data, ...data } } : n)) },
        `data:${id}:${keys}`,
      );
      dropStaleEdges(id);
    },

    setNodeData(id, data, coalesceKey) {
      commit({ nodes: get().nodes.map((n) => (n.id === id ? { ...n, data } : n)) }, coalesceKey === undefined ? `data:${id}:*` : coalesceKey);
      dropStaleEdges(id);
    },

    updateMeta(patch) {
      commit({ meta: { ...get().meta, ...patch } }, `meta:${Object.keys(patch).sort().join(",")}`);
    },

    deleteNodes(ids) {
      const gone = new Set(ids);
      const state = get();
      commit({
        nodes: state.nodes.filter((n) => !gone.has(n.id)),
        edges: state.edges.filter((e) => !gone.has(e.source) && !gone.has(e.target)),
        selectedNodeId: state.selectedNodeId && gone.has(state.selectedNodeId) ? null : state.selectedNodeId,
      });
    },

    selectNode(id) {
      const nodes = get().nodes.map((n) => {
        const selected = n.id === id;
        return n.selected === selected ? n : { ...n, selected };
      });
      set({ nodes, selectedNodeId: id, edges: deselectEdges(get().edges) });
    },

    revealNode(id) {
      get().selectNode(id);
      set({ revealRequest: { nodeId: id, nonce: Date.now() + Math.random() } });
    },

    setHighlight(highlight) {
      set({ highlight: { ...get().highlight, ...highlight } });
    },

    clearHighlight() {
      set({ highlight: emptyHighlight });
    },

    loadDocument(flowId, document, revision) {
      const { nodes, edges, meta } = documentToFlowState(document);
      past = [];
      future = [];
      lastCoalesceKey = null;
      dragInProgress = false;
      set((state) => ({
        flowId,
        nodes,
        edges,
        meta,
        revision,
        saveState: "saved",
        changeId: state.changeId + 1,
        savedChangeId: state.changeId + 1,
        selectedNodeId: null,
        highlight: emptyHighlight,
        canUndo: false,
        canRedo: false,
      }));
    },

    replaceDocument(document) {
      const { nodes, edges, meta } = documentToFlowState(document);
      const selectedNodeId = get().selectedNodeId;
      const keep = selectedNodeId && nodes.some((n) => n.id === selectedNodeId) ? selectedNodeId : null;
      commit({
        nodes: keep ? nodes.map((n) => (n.id === keep ? { ...n, selected: true } : n)) : nodes,
        edges,
        meta,
        selectedNodeId: keep,
      });
    },

    toDocument() {
      const { nodes, edges, meta } = get();
      return flowStateToDocument({ nodes, edges, meta });
    },

    undo() {
      const snapshot = past.pop();
      if (!snapshot) return;
      const { nodes, edges, meta } = get();
      future.push({ nodes, edges, meta });
      restore(snapshot);
    },

    redo() {
      const snapshot = future.pop();
      if (!snapshot) return;
      const { nodes, edges, meta } = get();
      past.push({ nodes, edges, meta });
      restore(snapshot);
    },

    copySelection() {
      const { nodes, edges } = get();
      const selected = nodes.filter((n) => n.selected && n.type !== "start");
      if (!selected.length) return 0;
      const ids = new Set(selected.map((n) => n.id));
      clipboard = {
        nodes: selected.map((n) => structuredClone({ id: n.id, type: n.type, position: n.position, data: n.data })),
        edges: edges.filter((e) => ids.has(e.source) && ids.has(e.target)).map((e) => ({ ...e, selected: false })),
      };
      pasteCount = 0;
      try {
        globalThis.localStorage?.setItem("switchboard:clipboard", JSON.stringify(clipboard));
      } catch {
        // Storage full or unavailable: the in-memory clipboard still works.
      }
      return selected.length;
    },

    paste(position) {
      let source = clipboard;
      if (!source) {
        try {
          const stored = globalThis.localStorage?.getItem("switchboard:clipboard");
          if (stored) source = JSON.parse(stored) as Clipboard;
        } catch {
          source = null;
        }
      }
      if (!source || !source.nodes.length) return;
      pasteCount += 1;
      const idMap = new Map<string, string>();
      let dx = PASTE_OFFSET * pasteCount;
      let dy = PASTE_OFFSET * pasteCount;
      if (position) {
        const minX = Math.min(...source.nodes.map((n) => n.position.x));
        const minY = Math.min(...source.nodes.map((n) => n.position.y));
        dx = position.x - minX;
        dy = position.y - minY;
      }
      const pasted: EditorNode[] = source.nodes.map((n) => {
        const id = newId((n.type ?? "node").replace(/[^A-Za-z0-9]/g, "").slice(0, 12) || "node");
        idMap.set(n.id, id);
        return {
          id,
          type: n.type,
          position: { x: n.position.x + dx, y: n.position.y + dy },
          data: structuredClone(n.data),
          selected: true,
        };
      });
      const pastedEdges: EditorEdge[] = source.edges.map((e) => ({
        id: newId("e"),
        source: idMap.get(e.source)!,
        target: idMap.get(e.target)!,
        sourceHandle: e.sourceHandle ?? null,
      }));
      const state = get();
      commit({
        nodes: [...state.nodes.map((n) => (n.selected ? { ...n, selected: false } : n)), ...pasted],
        edges: [...deselectEdges(state.edges), ...pastedEdges],
        selectedNodeId: pasted.length === 1 ? pasted[0].id : null,
      });
    },

    async autoLayout() {
      const { nodes, edges } = get();
      if (!nodes.length) return;
      const positions = await layoutFlow(nodes, edges);
      // The flow may have changed while ELK worked: only move nodes that still exist.
      const current = get().nodes;
      commit({
        nodes: current.map((n) => {
          const position = positions.get(n.id);
          return position ? { ...n, position } : n;
        }),
      });
    },

    setSaveState(saveState) {
      set({ saveState });
    },

    markSaved(revision, changeId) {
      set((state) => ({
        revision,
        savedChangeId: changeId,
        saveState: state.changeId === changeId ? "saved" : "dirty",
      }));
    },
  };

  /** After data edits an output may disappear (an intent removed): drop edges from it. */
  function dropStaleEdges(nodeId: string) {
    const { nodes, edges } = get();
    const node = nodes.find((n) => n.id === nodeId);
    const definition = node && getNodeDefinition(node.type ?? "");
    if (!node || !definition) return;
    let outputIds: Set<string>;
    try {
      outputIds = new Set(definition.outputs(node.data as never).map((o) => o.id));
    } catch {
      return;
    }
    const kept = edges.filter((e) => e.source !== nodeId || outputIds.has(e.sourceHandle ?? ""));
    if (kept.length !== edges.length) set({ edges: kept });
  }
});

function deselectEdges(edges: EditorEdge[]): EditorEdge[] {
  return edges.some((e) => e.selected) ? edges.map((e) => (e.selected ? { ...e, selected: false } : e)) : edges;
}

/** Variable names declared in the flow plus those nodes write, for autocompletion. */
export function selectVariableNames(state: Pick<EditorState, "meta" | "nodes">): string[] {
  const names = new Set<string>();
  for (const variable of state.meta.variables) names.add(variable.name);
  for (const node of state.nodes) {
    const definition = getNodeDefinition(node.type ?? "");
    try {
      for (const name of definition?.writesVariables?.(node.data as never) ?? []) if (name) names.add(name);
    } catch {
      // Invalid data: skip.
    }
  }
  return [...names].sort();
}

const visitedCache = new WeakMap<Highlight, { nodes: Set<string>; edges: Set<string> }>();

/** Set views of the highlight lists, cached per highlight object (cheap per-node lookups). */
export function highlightSets(highlight: Highlight): { nodes: Set<string>; edges: Set<string> } {
  let sets = visitedCache.get(highlight);
  if (!sets) {
    sets = { nodes: new Set(highlight.visitedNodeIds), edges: new Set(highlight.visitedEdgeIds) };
    visitedCache.set(highlight, sets);
  }
  return sets;
}

// Handle for end-to-end tests and debugging in the browser console: window.__editorStore.getState().
if (typeof window !== "undefined") {
  (window as unknown as { __editorStore?: typeof useEditorStore }).__editorStore = useEditorStore;
}
