// React Flow renders every node once to measure its handles unless the node
// already says where its handles are. For large flows that first render (and
// the unmount of everything off screen right after) cost seconds, so nodes
// never measured yet get estimated handles and size from their definition.
// Once React Flow measures a node, the real handle positions replace these.
import type { NodeHandle } from "@xyflow/react";
import { Position } from "@xyflow/react";
import { getNodeDefinition, type NodeOutput } from "@/flows/nodes";
import type { EditorNode } from "../store/editorStore";

// Keep in step with FlowNodeShell's layout.
export const NODE_WIDTH = 240;
const HANDLE = 12;
const HEADER = 40;
const SUMMARY_LINE = 18;
const OUTPUT_ROW = 24;

const cache = new WeakMap<EditorNode, EditorNode>();

export function withHandleEstimates(node: EditorNode): EditorNode {
  if (node.measured?.width) return node;
  let decorated = cache.get(node);
  if (!decorated) {
    decorated = { ...node, ...estimate(node) };
    cache.set(node, decorated);
  }
  return decorated;
}

function estimate(node: EditorNode): { handles: NodeHandle[]; initialWidth: number; initialHeight: number } {
  const definition = getNodeDefinition(node.type ?? "");
  if (!definition) return { handles: [], initialWidth: NODE_WIDTH, initialHeight: 60 };
  let outputs: NodeOutput[] = [];
  let summaryLines = 0;
  try {
    outputs = definition.outputs(node.data as never);
    summaryLines = Math.min(4, definition.summary(node.data as never).length);
  } catch {
    // Invalid data: the shell shows what it can.
  }
  const single = outputs.length === 1 && (outputs[0].kind ?? "default") === "default";
  const body = HEADER + summaryLines * SUMMARY_LINE + 8;
  const handles: NodeHandle[] = [];
  if (definition.hasInput) handles.push({ type: "target", position: Position.Left, x: -HANDLE / 2, y: 20 - HANDLE / 2, width: HANDLE, height: HANDLE });
  if (single) {
    handles.push({ id: outputs[0].id, type: "source", position: Position.Right, x: NODE_WIDTH - HANDLE / 2, y: 20 - HANDLE / 2, width: HANDLE, height: HANDLE });
  } else {
    outputs.forEach((output, index) => {
      handles.push({
        id: output.id,
        type: "source",
        position: Position.Right,
        x: NODE_WIDTH - HANDLE / 2,
        y: body + 5 + index * OUTPUT_ROW + OUTPUT_ROW / 2 - HANDLE / 2,
        width: HANDLE,
        height: HANDLE,
      });
    });
  }
  const height = single || outputs.length === 0 ? body : body + 10 + outputs.length * OUTPUT_ROW;
  return { handles, initialWidth: NODE_WIDTH, initialHeight: height };
}
