// The ONE place that converts between the flow document (what the server
// stores, what the JSON view shows) and React Flow's nodes/edges.
//
// The draft document may be invalid (the server stores whatever the designer
// typed), so conversion is lenient: it never throws, keeps unknown keys in
// `meta`, and keeps node data as-is. Validation is the Problems panel's job.
import type { Edge, Node } from "@xyflow/react";
import { FLOW_DOCUMENT_VERSION } from "@/flows/schema/flowDocument";

/** A node's data object: exactly `flowDocument.nodes[i].data`. Never callbacks. */
export type FlowNodeData = Record<string, unknown>;
export type EditorNode = Node<FlowNodeData>;
export type EditorEdge = Edge;

/** Everything in the flow document except nodes and edges. Unknown keys are preserved. */
export interface FlowMeta {
  version: number;
  name: string;
  description: string;
  languages: string[];
  settings: Record<string, unknown>;
  variables: FlowVariableMeta[];
  [key: string]: unknown;
}

export interface FlowVariableMeta {
  name: string;
  description?: string;
  defaultValue?: unknown;
  [key: string]: unknown;
}

export interface FlowState {
  nodes: EditorNode[];
  edges: EditorEdge[];
  meta: FlowMeta;
}

/** Raw document JSON -> canvas state. Lenient: bad entries are skipped or defaulted, never thrown. */
export function documentToFlowState(document: unknown): FlowState {
  const doc = isRecord(document) ? document : {};
  const { nodes: rawNodes, edges: rawEdges, ...rest } = doc;
  const meta: FlowMeta = {
    ...rest,
    version: typeof rest.version === "number" ? rest.version : FLOW_DOCUMENT_VERSION,
    name: typeof rest.name === "string" ? rest.name : "Untitled flow",
    description: typeof rest.description === "string" ? rest.description : "",
    languages: Array.isArray(rest.languages) ? rest.languages.filter((l): l is string => typeof l === "string") : ["en"],
    settings: isRecord(rest.settings) ? rest.settings : {},
    variables: Array.isArray(rest.variables) ? rest.variables.filter(isVariable) : [],
  };

  const nodes: EditorNode[] = [];
  const seen = new Set<string>();
  for (const raw of Array.isArray(rawNodes) ? rawNodes : []) {
    if (!isRecord(raw) || typeof raw.id !== "string" || seen.has(raw.id)) continue;
    seen.add(raw.id);
    const position = isRecord(raw.position) ? raw.position : {};
    nodes.push({
      id: raw.id,
      type: typeof raw.type === "string" ? raw.type : "unknown",
      position: {
        x: typeof position.x === "number" && Number.isFinite(position.x) ? position.x : 0,
        y: typeof position.y === "number" && Number.isFinite(position.y) ? position.y : 0,
      },
      data: isRecord(raw.data) ? raw.data : {},
    });
  }

  const edges: EditorEdge[] = [];
  const edgeIds = new Set<string>();
  for (const raw of Array.isArray(rawEdges) ? rawEdges : []) {
    if (!isRecord(raw) || typeof raw.source !== "string" || typeof raw.target !== "string") continue;
    let id = typeof raw.id === "string" && raw.id ? raw.id : `e_${raw.source}_${String(raw.sourceHandle)}_${raw.target}`;
    while (edgeIds.has(id)) id = `${id}_dup`;
    edgeIds.add(id);
    edges.push({
      id,
      source: raw.source,
      target: raw.target,
      sourceHandle: typeof raw.sourceHandle === "string" ? raw.sourceHandle : null,
    });
  }
  return { nodes, edges, meta };
}

/** Canvas state -> flow document JSON (the shape flowDocumentSchema parses). */
export function flowStateToDocument(state: FlowState): Record<string, unknown> {
  const { version, name, description, languages, settings, variables, ...rest } = state.meta;
  return {
    version,
    name,
    description,
    languages,
    settings,
    variables,
    ...rest,
    nodes: state.nodes.map((node) => ({
      id: node.id,
      type: node.type ?? "unknown",
      position: { x: Math.round(node.position.x), y: Math.round(node.position.y) },
      data: node.data,
    })),
    edges: state.edges.map((edge) => ({
      id: edge.id,
      source: edge.source,
      sourceHandle: edge.sourceHandle ?? "",
      target: edge.target,
    })),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function isVariable(value: unknown): value is FlowVariableMeta {
  return isRecord(value) && typeof value.name === "string";
}
