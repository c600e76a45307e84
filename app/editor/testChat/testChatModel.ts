// Pure helpers behind the test chat pane: what a turn changed, what the NLU
// considered, which API calls ran, which nodes/edges to highlight, and the
// regression-fixture export. No React here, so it is unit-tested directly.
import type { BotMessage, Variables } from "@/flows/engine/types";
import type { TraceEntry } from "@/flows/engine/runTurn";
import type { SessionState, SessionStatus } from "@/flows/schema/sessionState";

export interface ChatTurn {
  /** Increasing id, for React keys. */
  id: number;
  /** What the customer typed; null for the turn that started the conversation. */
  user: string | null;
  /** Set on the start turn when it began at a chosen node. */
  startNodeId?: string;
  messages: BotMessage[];
  status: SessionStatus;
  outcome: SessionState["outcome"];
  trace: TraceEntry[];
  variablesBefore: Variables;
  variablesAfter: Variables;
  handoff?: { queue: string; reason: string; priority?: string; note?: string };
}

export interface VariableChange {
  name: string;
  kind: "added" | "changed" | "removed";
  before?: unknown;
  after?: unknown;
}

/** Variables a turn added, changed or removed, sorted by name. */
export function diffVariables(before: Variables, after: Variables): VariableChange[] {
  const changes: VariableChange[] = [];
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  for (const name of names) {
    const had = Object.prototype.hasOwnProperty.call(before, name);
    const has = Object.prototype.hasOwnProperty.call(after, name);
    if (!had && has) changes.push({ name, kind: "added", after: after[name] });
    else if (had && !has) changes.push({ name, kind: "removed", before: before[name] });
    else if (JSON.stringify(before[name]) !== JSON.stringify(after[name])) changes.push({ name, kind: "changed", before: before[name], after: after[name] });
  }
  return changes;
}

export interface IntentCandidate {
  name: string;
  confidence: number;
}

export interface IntentDecision {
  nodeId: string;
  input?: string;
  candidates: IntentCandidate[];
  threshold?: number;
  outOfScope: boolean;
  /** The output the node took. */
  output?: string;
}

/** Intent candidates recorded by NLU nodes in a turn's trace. */
export function intentDecisions(trace: TraceEntry[]): IntentDecision[] {
  const decisions: IntentDecision[] = [];
  for (const entry of trace) {
    const candidates = entry.detail?.candidates;
    if (!Array.isArray(candidates)) continue;
    decisions.push({
      nodeId: entry.nodeId,
      input: entry.input,
      candidates: candidates.flatMap((candidate): IntentCandidate[] => {
        if (!isRecord(candidate)) return [];
        const name = candidate.intent ?? candidate.name ?? candidate.label;
        const confidence = candidate.confidence ?? candidate.score ?? candidate.value;
        return typeof name === "string" && typeof confidence === "number" ? [{ name, confidence }] : [];
      }),
      threshold: typeof entry.detail?.threshold === "number" ? entry.detail.threshold : undefined,
      outOfScope: entry.detail?.outOfScope === true,
      output: entry.output,
    });
  }
  return decisions;
}

export interface ApiExchange {
  nodeId: string;
  request?: unknown;
  response?: unknown;
  error?: unknown;
}

/** API requests and responses recorded by nodes in a turn's trace (detail.request / detail.response). */
export function apiExchanges(trace: TraceEntry[]): ApiExchange[] {
  const exchanges: ApiExchange[] = [];
  for (const entry of trace) {
    const detail = entry.detail;
    if (!detail || (detail.request === undefined && detail.response === undefined)) continue;
    exchanges.push({
      nodeId: entry.nodeId,
      request: detail.request,
      response: detail.response,
      ...(detail.error !== undefined ? { error: detail.error } : entry.error ? { error: entry.error } : {}),
    });
  }
  return exchanges;
}

export interface HighlightEdge {
  id: string;
  source: string;
  target: string;
  sourceHandle?: string | null;
}

export interface ConversationHighlight {
  activeNodeId: string | null;
  visitedNodeIds: string[];
  visitedEdgeIds: string[];
}

/**
 * Canvas highlight for a conversation: every node any turn visited, the edges
 * walked between them (trace node + output -> edge), and the active node: the
 * one waiting for the customer, else the last visited.
 */
export function conversationHighlight(turns: Pick<ChatTurn, "trace">[], edges: HighlightEdge[], waitingAt: string | null): ConversationHighlight {
  const nodeIds = new Set<string>();
  const edgeIds = new Set<string>();
  let last: string | null = null;
  for (const turn of turns) {
    turn.trace.forEach((entry, index) => {
      if (!entry.nodeId || entry.nodeType === "flow") return;
      nodeIds.add(entry.nodeId);
      last = entry.nodeId;
      if (!entry.output) return;
      const next = turn.trace[index + 1]?.nodeId;
      const candidates = edges.filter((edge) => edge.source === entry.nodeId && (edge.sourceHandle ?? null) === entry.output);
      const edge = candidates.find((candidate) => candidate.target === next) ?? candidates[0];
      if (edge) edgeIds.add(edge.id);
    });
  }
  return { activeNodeId: waitingAt ?? last, visitedNodeIds: [...nodeIds], visitedEdgeIds: [...edgeIds] };
}

export interface RegressionFixture {
  flow: unknown;
  turns: { user: string | null; startNodeId?: string; bot: string[]; status: SessionStatus; outcome?: SessionState["outcome"] }[];
}

/**
 * A conversation as a regression fixture: the flow plus, per turn, what the
 * customer said (null = conversation start) and what the bot answered.
 */
export function toFixture(flow: unknown, turns: ChatTurn[]): RegressionFixture {
  return {
    flow,
    turns: turns.map((turn) => ({
      user: turn.user,
      ...(turn.startNodeId ? { startNodeId: turn.startNodeId } : {}),
      bot: turn.messages.map((message) => message.text),
      status: turn.status,
      ...(turn.status === "ended" ? { outcome: turn.outcome } : {}),
    })),
  };
}

/** A short, file-name-safe slug of a flow name. */
export function fixtureFileName(flowName: string, now = new Date()): string {
  const slug = flowName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  const stamp = now.toISOString().slice(0, 19).replace(/[:T]/g, "-");
  return `${slug || "flow"}-${stamp}.fixture.json`;
}

/** The variables a turn started from. */
export function stateVariables(state: SessionState | null): Variables {
  return state ? state.variables : {};
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
