import jexlDefault from "jexl";
import { z } from "zod";
import { getNodeDefinition, type NodeDefinition, type Problem } from "../nodes";
import { parseFlowDocument, type FlowDocument, type ParseResult } from "../schema/flowDocument";
import { templateVariables } from "../templates/renderTemplate";

/** Variables every flow can read without declaring them. `secrets.*` resolves through the secret port. */
export const BUILT_IN_VARIABLES: readonly string[] = ["lastIntent", "lastUtterance", "apiError", "secrets"];

/** Stable problem codes, so the UI, publishing and import can react to specific problems. */
export const PROBLEM_CODES = {
  schema: "schema.invalid",
  notObject: "document.not_object",
  noStart: "flow.no_start",
  multipleStarts: "flow.multiple_starts",
  unknownType: "node.unknown_type",
  unreachable: "node.unreachable",
  unconnected: "output.unconnected",
  fallbackUnconnected: "output.fallback_unconnected",
  errorUnconnected: "output.error_unconnected",
  unknownVariable: "variable.unknown",
  badExpression: "expression.invalid",
} as const;

/**
 * Checks a flow document (any JSON) and returns every problem found: schema
 * problems from `parseFlowDocument`, graph problems (start node, unconnected
 * outputs, unreachable nodes), each node type's own `validate()`, unknown
 * variables in templates and expressions, and node types missing from the
 * registry. Errors block publishing; warnings do not. Never throws.
 *
 * The graph and node checks run on the raw document too, so one half-filled
 * node does not hide the problems of all the others while staff edit.
 */
export function validateFlow(document: unknown): Problem[] {
  return validateFlowDocument(document).problems;
}

/** validateFlow, plus the schema's parse of the document (so callers that need both parse it once). */
export function validateFlowDocument(document: unknown): { problems: Problem[]; parsed: ParseResult<FlowDocument> } {
  const problems: Problem[] = [];
  const raw = readRawDocument(document);
  if (!raw) {
    const parsed = parseFlowDocument(document);
    return {
      problems: parsed.ok ? [] : parsed.problems.map((p) => ({ severity: "error", code: PROBLEM_CODES.notObject, message: p.message, path: parsePath(p.path) })),
      parsed,
    };
  }
  const nodesById = new Map(raw.nodes.map((node) => [node.id, node]));

  // 1. Schema problems, mapped onto the node they belong to.
  const parsed = parseFlowDocument(document);
  if (!parsed.ok) {
    for (const issue of parsed.problems) {
      const path = parsePath(issue.path);
      const node = path[0] === "nodes" && typeof path[1] === "number" ? raw.nodes[path[1]] : undefined;
      // Unknown types get their own, clearer problem below.
      if (node && !node.definition && path[2] === "type") continue;
      problems.push({
        severity: "error",
        code: PROBLEM_CODES.schema,
        message: node ? `${describeNode(node)}: ${fieldName(path.slice(2))}${issue.message}` : `${issue.path ? `${issue.path}: ` : ""}${issue.message}`,
        ...(node ? { nodeId: node.id } : {}),
        path,
      });
    }
  }

  // 2. Node types missing from the registry.
  for (const node of raw.nodes) {
    if (node.definition) continue;
    problems.push({
      severity: "error",
      code: PROBLEM_CODES.unknownType,
      message: `Node "${node.id}" has type "${node.type}", which this version of Switchboard does not know`,
      nodeId: node.id,
      path: ["nodes", node.index, "type"],
    });
  }

  // 3. Start node: exactly one.
  const starts = raw.nodes.filter((node) => node.type === "start");
  if (starts.length === 0) {
    problems.push({ severity: "error", code: PROBLEM_CODES.noStart, message: "The flow has no Start node: add one so conversations know where to begin", path: ["nodes"] });
  } else if (starts.length > 1) {
    for (const extra of starts.slice(1)) {
      problems.push({
        severity: "error",
        code: PROBLEM_CODES.multipleStarts,
        message: `The flow has ${starts.length} Start nodes; keep only one`,
        nodeId: extra.id,
        path: ["nodes", extra.index],
      });
    }
  }

  // 4. Unconnected outputs.
  const connected = new Set(raw.edges.map((edge) => `${edge.source}\u0000${edge.sourceHandle}`));
  for (const node of raw.nodes) {
    for (const output of node.outputs) {
      if (connected.has(`${node.id}\u0000${output.id}`)) continue;
      const code =
        output.kind === "fallback" ? PROBLEM_CODES.fallbackUnconnected : output.kind === "error" ? PROBLEM_CODES.errorUnconnected : PROBLEM_CODES.unconnected;
      const consequence =
        output.kind === "fallback"
          ? "when nothing matches, the conversation ends here"
          : output.kind === "error"
            ? "if it fails, the conversation ends here"
            : "the conversation ends here";
      problems.push({
        severity: "warning",
        code,
        message: `${describeNode(node)}: output "${output.label}" is not connected (${consequence})`,
        nodeId: node.id,
        path: ["nodes", node.index],
      });
    }
  }

  // 5. Unreachable nodes (only meaningful when there is a start node).
  if (starts.length > 0) {
    const outgoing = new Map<string, string[]>();
    for (const edge of raw.edges) {
      if (!nodesById.has(edge.target)) continue;
      const list = outgoing.get(edge.source) ?? [];
      list.push(edge.target);
      outgoing.set(edge.source, list);
    }
    const reached = new Set<string>(starts.map((node) => node.id));
    const queue = [...reached];
    while (queue.length) {
      for (const target of outgoing.get(queue.pop()!) ?? []) {
        if (reached.has(target)) continue;
        reached.add(target);
        queue.push(target);
      }
    }
    for (const node of raw.nodes) {
      if (reached.has(node.id)) continue;
      problems.push({
        severity: "warning",
        code: PROBLEM_CODES.unreachable,
        message: `${describeNode(node)} cannot be reached from Start`,
        nodeId: node.id,
        path: ["nodes", node.index],
      });
    }
  }

  // 6. Each node type's own checks.
  for (const node of raw.nodes) {
    if (!node.definition || node.data === undefined || !node.definition.validate) continue;
    let own: Omit<Problem, "nodeId">[];
    try {
      own = node.definition.validate(node.data);
    } catch (error) {
      own = [{ severity: "error", code: "node.validate_failed", message: `could not be checked: ${error instanceof Error ? error.message : String(error)}` }];
    }
    for (const problem of own) {
      problems.push({
        ...problem,
        // Node codes are namespaced by type ("no_phrases" -> "intent.no_phrases") so they stay unique.
        code: problem.code.includes(".") ? problem.code : `${node.type}.${problem.code}`,
        message: `${describeNode(node)}: ${problem.message}`,
        nodeId: node.id,
        path: nodePath(node.index, problem.path),
      });
    }
  }

  // 7. Unknown variables in templates and expressions.
  const known = knownVariables(raw);
  for (const node of raw.nodes) {
    if (!node.definition?.readsTemplates || node.data === undefined) continue;
    let sources: string[];
    try {
      sources = node.definition.readsTemplates(node.data);
    } catch {
      continue;
    }
    const reported = new Set<string>();
    for (const source of sources) {
      if (typeof source !== "string" || source.trim() === "") continue;
      const fieldPath = findStringPath(node.data, source);
      const widget = fieldPath ? widgetAt(node.definition, fieldPath) : undefined;
      let names: string[];
      if (source.includes("{{") || !isExpressionWidget(widget)) {
        names = templateVariables(source);
      } else {
        const result = expressionVariables(source);
        if ("error" in result) continue; // The node's own validate() reports bad syntax.
        names = result.names;
      }
      for (const name of names) {
        if (known.has(name) || reported.has(name)) continue;
        reported.add(name);
        problems.push({
          severity: "warning",
          code: PROBLEM_CODES.unknownVariable,
          message: `${describeNode(node)} uses the variable "${name}", which no node sets and the flow does not declare`,
          nodeId: node.id,
          path: ["nodes", node.index, "data", ...(fieldPath ?? [])],
        });
      }
    }
  }

  return { problems: sortProblems(problems), parsed };
}

/** Errors first, then warnings; within each, in document order. */
export function sortProblems(problems: Problem[]): Problem[] {
  return problems
    .map((problem, order) => ({ problem, order }))
    .sort((a, b) => severityRank(a.problem) - severityRank(b.problem) || a.order - b.order)
    .map(({ problem }) => problem);
}

/** Every variable name a flow can read: declared, written by any node, and built-ins. */
export function flowVariableNames(document: unknown): string[] {
  const raw = readRawDocument(document);
  return raw ? [...knownVariables(raw)].sort() : [...BUILT_IN_VARIABLES];
}

/** Human name of a node for messages: its type label plus the first summary line, e.g. `Message "Hello!"`. */
export function describeNodeOf(type: string, data: unknown, id: string): string {
  const definition = getNodeDefinition(type);
  if (!definition) return `Node "${id}"`;
  const parsed = definition.dataSchema.safeParse(data);
  return describeNode({ id, definition, data: parsed.success ? parsed.data : undefined, rawData: data });
}

// ---------------------------------------------------------------------------

interface RawNode {
  index: number;
  id: string;
  type: string;
  definition: NodeDefinition | undefined;
  /** Node data after its schema's defaults, or undefined when the data does not parse. */
  data: unknown;
  rawData: unknown;
  outputs: ReturnType<NodeDefinition["outputs"]>;
}

interface RawEdge {
  source: string;
  sourceHandle: string;
  target: string;
}

interface RawDocument {
  nodes: RawNode[];
  edges: RawEdge[];
  variables: string[];
}

function readRawDocument(document: unknown): RawDocument | null {
  if (!isRecord(document)) return null;
  const nodes: RawNode[] = [];
  (Array.isArray(document.nodes) ? document.nodes : []).forEach((candidate, index) => {
    if (!isRecord(candidate) || typeof candidate.id !== "string" || candidate.id === "") return;
    const type = typeof candidate.type === "string" ? candidate.type : "";
    const definition = getNodeDefinition(type);
    const rawData = candidate.data ?? {};
    let data: unknown;
    let outputs: RawNode["outputs"] = [];
    if (definition) {
      const parsed = definition.dataSchema.safeParse(rawData);
      data = parsed.success ? parsed.data : undefined;
      try {
        outputs = data !== undefined ? definition.outputs(data) : definition.outputs({ ...safeDefaults(definition), ...(isRecord(rawData) ? rawData : {}) });
      } catch {
        outputs = [];
      }
    }
    nodes.push({ index, id: candidate.id, type, definition, data, rawData, outputs });
  });
  const edges: RawEdge[] = [];
  for (const candidate of Array.isArray(document.edges) ? document.edges : []) {
    if (!isRecord(candidate)) continue;
    const { source, sourceHandle, target } = candidate;
    if (typeof source === "string" && typeof sourceHandle === "string" && typeof target === "string") edges.push({ source, sourceHandle, target });
  }
  const variables: string[] = [];
  for (const candidate of Array.isArray(document.variables) ? document.variables : []) {
    if (isRecord(candidate) && typeof candidate.name === "string") variables.push(candidate.name);
  }
  return { nodes, edges, variables };
}

function safeDefaults(definition: NodeDefinition): Record<string, unknown> {
  try {
    const defaults = definition.defaults();
    return isRecord(defaults) ? defaults : {};
  } catch {
    return {};
  }
}

function knownVariables(raw: RawDocument): Set<string> {
  const known = new Set<string>([...BUILT_IN_VARIABLES, ...raw.variables]);
  for (const node of raw.nodes) {
    if (!node.definition?.writesVariables) continue;
    const data = node.data ?? (isRecord(node.rawData) ? { ...safeDefaults(node.definition), ...node.rawData } : undefined);
    if (data === undefined) continue;
    try {
      for (const name of node.definition.writesVariables(data)) {
        // "order.status" writes into "order".
        if (typeof name === "string" && name) known.add(name.split(/[.[]/)[0]);
      }
    } catch {
      // Half-filled data: this node contributes nothing yet.
    }
  }
  return known;
}

function describeNode(node: Pick<RawNode, "id" | "definition" | "data" | "rawData">): string {
  if (!node.definition) return `Node "${node.id}"`;
  const label = isRecord(node.rawData) && typeof node.rawData.label === "string" && node.rawData.label.trim() ? node.rawData.label.trim() : null;
  if (label) return `${node.definition.label} "${truncate(label)}"`;
  let summary: string | undefined;
  if (node.data !== undefined) {
    try {
      summary = node.definition.summary(node.data).find((line) => line.trim() !== "");
    } catch {
      summary = undefined;
    }
  }
  return summary ? `${node.definition.label} "${truncate(summary)}"` : `${node.definition.label} node "${node.id}"`;
}

function truncate(text: string, max = 40): string {
  const single = text.replace(/\s+/g, " ").trim();
  return single.length > max ? `${single.slice(0, max - 1)}…` : single;
}

function fieldName(path: (string | number)[]): string {
  if (path[0] !== "data" || path.length < 2) return "";
  const field = path.slice(1).map((segment) => (typeof segment === "number" ? `#${segment + 1}` : segment)).join(" › ");
  return `${field}: `;
}

/** Node validate() paths are relative to the node's data unless they already start at the document. */
function nodePath(index: number, path: Problem["path"]): (string | number)[] {
  if (!path || path.length === 0) return ["nodes", index];
  if (path[0] === "nodes") return path;
  if (path[0] === "data") return ["nodes", index, ...path];
  return ["nodes", index, "data", ...path];
}

/** "nodes[3].data.url" -> ["nodes", 3, "data", "url"]. */
export function parsePath(path: string): (string | number)[] {
  const segments: (string | number)[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (match[2] !== undefined) segments.push(Number(match[2]));
    else segments.push(match[1]);
  }
  return segments;
}

function findStringPath(value: unknown, needle: string, path: (string | number)[] = []): (string | number)[] | null {
  if (value === needle) return path;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) {
      const found = findStringPath(value[index], needle, [...path, index]);
      if (found) return found;
    }
  } else if (isRecord(value)) {
    for (const [key, child] of Object.entries(value)) {
      const found = findStringPath(child, needle, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

const dataJsonSchemas = new Map<string, Record<string, unknown>>();

/** The `widget` metadata of the data field at `path`, read from the node's JSON Schema. */
function widgetAt(definition: NodeDefinition, path: (string | number)[]): string | undefined {
  let schema = dataJsonSchemas.get(definition.type);
  if (!schema) {
    try {
      schema = z.toJSONSchema(definition.dataSchema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
    } catch {
      schema = {};
    }
    dataJsonSchemas.set(definition.type, schema);
  }
  const root = schema;
  let current: unknown = schema;
  for (const segment of path) {
    current = resolveRef(root, current);
    if (!isRecord(current)) return undefined;
    if (typeof segment === "number") current = current.items ?? firstVariant(current)?.items;
    else current = isRecord(current.properties) ? current.properties[segment] : (firstVariant(current, segment)?.properties as Record<string, unknown> | undefined)?.[segment];
  }
  current = resolveRef(root, current);
  return isRecord(current) && typeof current.widget === "string" ? current.widget : undefined;
}

function firstVariant(schema: Record<string, unknown>, property?: string): Record<string, unknown> | undefined {
  const variants = [schema.anyOf, schema.oneOf, schema.allOf].find(Array.isArray) as unknown[] | undefined;
  return variants?.find(
    (variant): variant is Record<string, unknown> =>
      isRecord(variant) && (property === undefined ? variant.items !== undefined : isRecord(variant.properties) && property in variant.properties),
  );
}

function resolveRef(root: Record<string, unknown>, schema: unknown): unknown {
  if (!isRecord(schema) || typeof schema.$ref !== "string" || !schema.$ref.startsWith("#/")) return schema;
  let target: unknown = root;
  for (const part of schema.$ref.slice(2).split("/")) target = isRecord(target) ? target[part] : undefined;
  return target;
}

function isExpressionWidget(widget: string | undefined): boolean {
  return widget === "expression" || widget === "condition";
}

const parser = new jexlDefault.Jexl();

/** Top-level variable names an expression reads, e.g. `order.status == "x" && vip` -> ["order", "vip"]. */
export function expressionVariables(expression: string): { names: string[] } | { error: string } {
  let ast: unknown;
  try {
    ast = (parser.compile(expression) as unknown as { _getAst(): unknown })._getAst();
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  const names = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!isRecord(node)) return;
    if (node.type === "Identifier") {
      if (node.from) visit(node.from);
      else if (!node.relative && typeof node.value === "string") names.add(node.value);
      return;
    }
    if (node.type === "FilterExpression") {
      visit(node.subject);
      visit(node.expr); // Relative identifiers inside (`.price`) are skipped above.
      return;
    }
    for (const [key, child] of Object.entries(node)) if (key !== "type") visit(child);
  };
  visit(ast);
  return { names: [...names] };
}

function severityRank(problem: Problem): number {
  return problem.severity === "error" ? 0 : 1;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
