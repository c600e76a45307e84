import { getNodeDefinition } from "@/flows/nodes";
import { useEditorStore } from "../store/editorStore";

/** A node's name for people: type label plus the first summary line, e.g. `Message “Hello!”`. */
export function nodeName(nodeId: string): string {
  const node = useEditorStore.getState().nodes.find((candidate) => candidate.id === nodeId);
  if (!node) return nodeId;
  const definition = getNodeDefinition(node.type ?? "");
  if (!definition) return nodeId;
  let summary = "";
  try {
    summary = definition.summary(node.data as never).find((line) => line.trim()) ?? "";
  } catch {
    summary = "";
  }
  const short = summary.length > 32 ? `${summary.slice(0, 31)}…` : summary;
  return short ? `${definition.label} “${short}”` : definition.label;
}
