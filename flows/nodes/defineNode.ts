import type { z } from "zod";
import type { BotMessage, HandoffRequest, RuntimePorts, Variables } from "../engine/types";
import type { IntentMatch } from "../nlu";

/** One outgoing connection point of a node. Edges attach to it by `id`. */
export interface NodeOutput {
  id: string;
  label: string;
  /** Drawn differently on the canvas; `fallback` outputs count towards repeated-fallback handoff. */
  kind?: "default" | "fallback" | "error";
}

export interface NodeContext {
  nodeId: string;
  /** Variables as they stand before this node runs (after earlier nodes of this turn). */
  variables: Readonly<Variables>;
  /** The customer's text when this node is resumed after waiting; null when the engine just arrived here. */
  input: string | null;
  /** What this node stored for itself last time it waited (e.g. attempts so far); undefined on arrival. */
  nodeState: unknown;
  ports: RuntimePorts;
  /** Key that identifies this node's training data in this flow version, for the intent matcher's cache. */
  modelKey: string;
  /** Renders `{{variable}}` templates against the current variables. */
  render(template: string): string;
  /** Evaluates a safe expression over the current variables. Throws ExpressionError on bad syntax. */
  evaluate(expression: string): unknown;
  /** Adds detail (request, response, candidates…) to this node's trace entry. */
  trace(detail: Record<string, unknown>): void;
}

interface ResultBase {
  messages?: BotMessage[];
  setVariables?: Variables;
}

/** What a node decides. Handlers pick an output; only the engine walks edges. */
export type NodeResult =
  | (ResultBase & { action: "next"; output: string; intent?: { name: string; confidence: number } })
  | (ResultBase & { action: "wait"; nodeState?: unknown })
  | (ResultBase & { action: "handoff"; handoff: HandoffRequest })
  | (ResultBase & { action: "end"; outcome: "resolved" | "unresolved" });

export interface Problem {
  severity: "error" | "warning";
  code: string;
  message: string;
  nodeId?: string;
  /** Path in the flow document, e.g. ["nodes", 3, "data", "url"]. */
  path?: (string | number)[];
}

export interface NodeDefinition<TType extends string = string, TData = any> {
  type: TType;
  label: string;
  description: string;
  /** lucide-react icon name, e.g. "MessageSquare". */
  icon: string;
  /** Accent colour for palette and canvas (a CSS colour). */
  color: string;
  /** Field metadata for generated inspector forms goes in `.meta({ title, description, widget })`. */
  dataSchema: z.ZodType<TData>;
  defaults(): TData;
  outputs(data: TData): NodeOutput[];
  /** Short lines shown on the canvas node. */
  summary(data: TData): string[];
  /** False for the start node: nothing connects into it. */
  hasInput: boolean;
  execute(data: TData, ctx: NodeContext): NodeResult | Promise<NodeResult>;
  /** Node-specific problems beyond the schema (e.g. an intent with no phrases). */
  validate?(data: TData): Omit<Problem, "nodeId">[];
  /** Templates and expressions this node reads, for the unknown-variable check. */
  readsTemplates?(data: TData): string[];
  /** Variable names this node writes. */
  writesVariables?(data: TData): string[];
}

/** Identity helper that keeps each definition's data type precise. */
export function defineNode<TType extends string, TData>(definition: NodeDefinition<TType, TData>): NodeDefinition<TType, TData> {
  return definition;
}

export type { IntentMatch };
