import { z } from "zod";
import { getNodeDefinition, nodeTypes } from "../nodes";

/** The flow document version this build writes. Older documents are migrated in `parseFlowDocument`. */
export const FLOW_DOCUMENT_VERSION = 1;

const identifier = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "Use letters, digits and _ only, starting with a letter or _");

const positionSchema = z.object({ x: z.number(), y: z.number() });

export const flowNodeSchema = z
  .object({
    id: z.string().min(1, "Node id is empty"),
    type: z.string(),
    position: positionSchema.prefault({ x: 0, y: 0 }),
    data: z.record(z.string(), z.unknown()).prefault({}),
  })
  .transform((node, ctx) => {
    const definition = getNodeDefinition(node.type);
    if (!definition) {
      ctx.addIssue({
        code: "custom",
        path: ["type"],
        message: `Unknown node type "${node.type}". Known types: ${nodeTypes.join(", ")}`,
      });
      return z.NEVER;
    }
    const parsed = definition.dataSchema.safeParse(node.data);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, path: ["data", ...issue.path] } as never);
      return z.NEVER;
    }
    return { ...node, data: parsed.data as Record<string, unknown> };
  });

export const flowEdgeSchema = z.object({
  id: z.string().min(1),
  source: z.string().min(1),
  /** The output id on the source node. */
  sourceHandle: z.string().min(1),
  target: z.string().min(1),
});

export const flowSettingsSchema = z.object({
  fallbackHandoff: z
    .object({
      enabled: z.boolean().default(true),
      after: z.number().int().min(1).max(20).default(3),
      queue: z.string().min(1).default("general"),
      message: z.string().default("Let me pass you to a colleague who can help. 我幫你轉介同事跟進。"),
    })
    .prefault({})
    .meta({ title: "Hand off after repeated fallbacks" }),
  humanRequest: z
    .object({
      enabled: z.boolean().default(true),
      queue: z.string().min(1).default("general"),
      message: z.string().default("Sure, connecting you to a human agent. 好的，而家幫你轉接真人客服。"),
    })
    .prefault({})
    .meta({ title: "Hand off when the customer asks for a human" }),
  nluThreshold: z.number().min(0).max(1).default(0.5).meta({ title: "Default intent confidence threshold" }),
  maxStepsPerTurn: z.number().int().min(5).max(1000).default(100),
  errorMessage: z
    .string()
    .min(1)
    .default("Sorry, something went wrong on our side. 抱歉，系統出現問題，請稍後再試。"),
});

export const flowVariableSchema = z.object({
  name: identifier,
  description: z.string().default(""),
  defaultValue: z.unknown().optional(),
});

export const flowDocumentSchema = z
  .object({
    version: z.literal(FLOW_DOCUMENT_VERSION),
    name: z.string().min(1, "Flow name is empty").max(200),
    description: z.string().default(""),
    languages: z.array(z.string()).default(["en"]),
    settings: flowSettingsSchema.prefault({}),
    variables: z.array(flowVariableSchema).default([]),
    nodes: z.array(flowNodeSchema),
    edges: z.array(flowEdgeSchema).default([]),
  })
  .superRefine((flow, ctx) => {
    const nodeIds = new Map<string, number>();
    flow.nodes.forEach((node, index) => {
      if (nodeIds.has(node.id)) {
        ctx.addIssue({ code: "custom", path: ["nodes", index, "id"], message: `Duplicate node id "${node.id}"` });
      }
      nodeIds.set(node.id, index);
    });
    const edgeIds = new Set<string>();
    flow.edges.forEach((edge, index) => {
      if (edgeIds.has(edge.id)) ctx.addIssue({ code: "custom", path: ["edges", index, "id"], message: `Duplicate edge id "${edge.id}"` });
      edgeIds.add(edge.id);
      const sourceIndex = nodeIds.get(edge.source);
      if (sourceIndex === undefined) {
        ctx.addIssue({ code: "custom", path: ["edges", index, "source"], message: `Edge starts at unknown node "${edge.source}"` });
      } else {
        const source = flow.nodes[sourceIndex];
        const outputs = getNodeDefinition(source.type)?.outputs(source.data) ?? [];
        if (!outputs.some((output) => output.id === edge.sourceHandle)) {
          ctx.addIssue({
            code: "custom",
            path: ["edges", index, "sourceHandle"],
            message: `Node "${edge.source}" has no output "${edge.sourceHandle}"`,
          });
        }
      }
      if (!nodeIds.has(edge.target)) {
        ctx.addIssue({ code: "custom", path: ["edges", index, "target"], message: `Edge ends at unknown node "${edge.target}"` });
      } else if (getNodeDefinition(flow.nodes[nodeIds.get(edge.target)!].type)?.hasInput === false) {
        ctx.addIssue({ code: "custom", path: ["edges", index, "target"], message: `Nothing can connect into node "${edge.target}"` });
      }
    });
  });

export type FlowDocument = z.output<typeof flowDocumentSchema>;
export type FlowDocumentInput = z.input<typeof flowDocumentSchema>;
export type FlowNode = FlowDocument["nodes"][number];
export type FlowEdge = FlowDocument["edges"][number];
export type FlowSettings = FlowDocument["settings"];

export interface DocumentProblem {
  /** Where in the document, e.g. "nodes[3].data.url". Empty for the document itself. */
  path: string;
  message: string;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; problems: DocumentProblem[] };

/** Parses (and migrates) a flow document from any source: file, database, API. Never throws. */
export function parseFlowDocument(input: unknown): ParseResult<FlowDocument> {
  const migrated = migrateFlowDocument(input);
  if (!migrated.ok) return migrated;
  const parsed = flowDocumentSchema.safeParse(migrated.value);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })) };
}

/** Like parseFlowDocument but throws an error listing every problem; for trusted sources (stored versions, fixtures). */
export function loadFlowDocument(input: unknown): FlowDocument {
  const result = parseFlowDocument(input);
  if (result.ok) return result.value;
  throw new Error(`Invalid flow document:\n${result.problems.map((p) => `  ${p.path || "(document)"}: ${p.message}`).join("\n")}`);
}

/**
 * Upgrades older documents step by step to FLOW_DOCUMENT_VERSION. Documents
 * written before versioning (no `version` field) are the version-1 shape.
 */
function migrateFlowDocument(input: unknown): ParseResult<unknown> {
  if (input === null || typeof input !== "object" || Array.isArray(input)) {
    return { ok: false, problems: [{ path: "", message: "A flow document must be a JSON object" }] };
  }
  const document = { ...(input as Record<string, unknown>) };
  if (document.version === undefined) document.version = 1;
  if (typeof document.version !== "number" || !Number.isInteger(document.version) || document.version < 1) {
    return { ok: false, problems: [{ path: "version", message: `Unknown flow document version ${JSON.stringify(document.version)}` }] };
  }
  if (document.version > FLOW_DOCUMENT_VERSION) {
    return {
      ok: false,
      problems: [{ path: "version", message: `Version ${document.version} was written by a newer Switchboard (this one reads up to ${FLOW_DOCUMENT_VERSION})` }],
    };
  }
  return { ok: true, value: document };
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((segment, index) =>
      typeof segment === "number" ? `[${segment}]` : `${index === 0 ? "" : "."}${String(segment)}`,
    )
    .join("");
}
