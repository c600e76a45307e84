import type { NodeTypes } from "@xyflow/react";
import { nodeDefinitions } from "@/flows/nodes";
import { FlowNodeShell } from "./FlowNodeShell";

/** Built once from the registry: every node type renders with the same shell. `default` catches unknown types. */
export const nodeTypes = {
  ...Object.fromEntries(nodeDefinitions.map((definition) => [definition.type, FlowNodeShell])),
  default: FlowNodeShell,
} satisfies NodeTypes;
