import { evaluateExpression } from "../expressions/evaluateExpression";
import { HUMAN_REQUEST_PHRASES } from "../nlu";
import type { NodeResult } from "../nodes";
import type { FlowDocument } from "../schema/flowDocument";
import { initialSessionState, type SessionState, type SessionStatus } from "../schema/sessionState";
import { renderTemplate } from "../templates/renderTemplate";
import { edgeKey, flowGraph, type FlowGraph } from "./flowGraph";
import type { BotMessage, HandoffRequest, RuntimePorts, Variables } from "./types";

export type TurnInput =
  | { type: "start"; variables?: Variables; /** Begin at this node instead of the start node (test chat). */ startNodeId?: string }
  | { type: "text"; text: string };

export interface TraceEntry {
  step: number;
  nodeId: string;
  nodeType: string;
  /** What the node decided, or what the engine did on its behalf. */
  event: "next" | "wait" | "handoff" | "end" | "error" | "dead_end";
  output?: string;
  /** The customer's text this node consumed, if it was resumed with input. */
  input?: string;
  variablesSet?: Variables;
  detail?: Record<string, unknown>;
  error?: string;
  durationMs: number;
}

export interface TurnHandoff extends HandoffRequest {
  lastIntent: SessionState["lastIntent"];
  nodeId: string | null;
}

export interface TurnResult {
  state: SessionState;
  messages: BotMessage[];
  status: SessionStatus;
  trace: TraceEntry[];
  /** Set when this turn handed the customer to a human. */
  handoff?: TurnHandoff;
}

export interface RunTurnOptions {
  /** Prefix for intent-model cache keys; use the flow version id so each version trains once. */
  modelKeyPrefix?: string;
}

/** The customer wrote to a session that is no longer with the bot. */
export class SessionClosedError extends Error {
  constructor(readonly status: SessionStatus) {
    super(status === "handoff" ? "This conversation is with a human agent" : "This conversation has ended");
    this.name = "SessionClosedError";
  }
}

/**
 * Runs one turn of a flow: state in, state out. Walks from the start node (or
 * the node that was waiting for the customer) until a node waits for input,
 * hands off, or ends. Side effects happen only through `ports`.
 */
export async function runTurn(
  flow: FlowDocument,
  previous: SessionState | null,
  input: TurnInput,
  ports: RuntimePorts,
  options: RunTurnOptions = {},
): Promise<TurnResult> {
  const graph = flowGraph(flow);
  const keyPrefix = options.modelKeyPrefix ?? "draft";
  const state = structuredClone(previous ?? initialSessionState(defaultVariables(flow)));
  const messages: BotMessage[] = [];
  const trace: TraceEntry[] = [];
  let handoff: TurnHandoff | undefined;

  let current: string | null;
  let pendingInput: string | null = null;
  if (input.type === "start") {
    if (input.variables) Object.assign(state.variables, input.variables);
    current = input.startNodeId ?? graph.startNodeId;
    if (!current || !graph.nodes.has(current)) {
      return fail(`The flow has no ${input.startNodeId ? `node "${input.startNodeId}"` : "start node"}`, current ?? "");
    }
  } else {
    if (state.status !== "active") throw new SessionClosedError(state.status);
    state.turn += 1;
    current = state.waitingAt;
    pendingInput = input.text;
    if (flow.settings.humanRequest.enabled && (await asksForHuman(input.text))) {
      const settings = flow.settings.humanRequest;
      trace.push({ step: 0, nodeId: current ?? "", nodeType: "flow", event: "handoff", input: input.text, detail: { rule: "customer_request" }, durationMs: 0 });
      return handOff({ queue: settings.queue, priority: "normal", reason: "customer_request" }, settings.message, current);
    }
    if (!current) return fail("The conversation is not waiting for a message", "");
  }

  let step = 0;
  while (current) {
    step += 1;
    if (step > flow.settings.maxStepsPerTurn) {
      return fail(`Stopped after ${flow.settings.maxStepsPerTurn} steps in one turn: the flow loops without waiting for the customer`, current);
    }
    const graphNode = graph.nodes.get(current);
    if (!graphNode) return fail(`The flow has no node "${current}"`, current);
    const { node, definition } = graphNode;
    const nodeInput = pendingInput;
    pendingInput = null;
    const detail: Record<string, unknown> = {};
    const startedAt = ports.clock.now();
    let result: NodeResult;
    try {
      result = await definition.execute(node.data, {
        nodeId: node.id,
        variables: state.variables,
        input: nodeInput,
        nodeState: nodeInput === null ? undefined : state.nodeState[node.id],
        ports,
        modelKey: `${keyPrefix}:${node.id}`,
        render: (template) => renderTemplate(template, state.variables),
        evaluate: (expression) => evaluateExpression(expression, state.variables),
        trace: (extra) => Object.assign(detail, extra),
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return fail(`Node "${node.id}" (${node.type}) failed: ${message}`, node.id, detail);
    }

    if (result.setVariables) Object.assign(state.variables, result.setVariables);
    if (result.messages) messages.push(...result.messages);
    const entry: TraceEntry = {
      step,
      nodeId: node.id,
      nodeType: node.type,
      event: result.action,
      ...(nodeInput !== null ? { input: nodeInput } : {}),
      ...(result.setVariables && Object.keys(result.setVariables).length ? { variablesSet: result.setVariables } : {}),
      ...(Object.keys(detail).length ? { detail } : {}),
      durationMs: ports.clock.now() - startedAt,
    };
    trace.push(entry);

    if (result.action === "wait") {
      state.waitingAt = node.id;
      if (result.nodeState === undefined) delete state.nodeState[node.id];
      else state.nodeState[node.id] = result.nodeState;
      return finish("active");
    }
    delete state.nodeState[node.id];
    if (result.action === "handoff") return handOff(result.handoff, undefined, node.id);
    if (result.action === "end") {
      state.outcome = result.outcome;
      return finish("ended");
    }

    entry.output = result.output;
    const output = graphNode.outputs.find((candidate) => candidate.id === result.output);
    if (result.intent) state.lastIntent = result.intent;
    if (output?.kind === "fallback") {
      state.consecutiveFallbacks += 1;
      const rule = flow.settings.fallbackHandoff;
      if (rule.enabled && state.consecutiveFallbacks >= rule.after) {
        return handOff({ queue: rule.queue, priority: "normal", reason: "repeated_fallback" }, rule.message, node.id);
      }
    } else if (result.intent) {
      state.consecutiveFallbacks = 0;
    }
    const next = graph.targets.get(edgeKey(node.id, result.output));
    if (!next) {
      entry.event = "dead_end";
      state.outcome = state.outcome ?? null;
      return finish("ended");
    }
    current = next;
  }
  return finish("ended");

  function finish(status: SessionStatus): TurnResult {
    state.status = status;
    if (status !== "active") state.waitingAt = null;
    return { state, messages, status, trace, ...(handoff ? { handoff } : {}) };
  }

  function handOff(request: HandoffRequest, message: string | undefined, nodeId: string | null): TurnResult {
    if (message) messages.push({ type: "text", text: renderTemplate(message, state.variables) });
    handoff = { ...request, lastIntent: state.lastIntent, nodeId };
    return finish("handoff");
  }

  function fail(reason: string, nodeId: string, detail?: Record<string, unknown>): TurnResult {
    trace.push({
      step: trace.length + 1,
      nodeId,
      nodeType: graph.nodes.get(nodeId)?.node.type ?? "flow",
      event: "error",
      error: reason,
      ...(detail && Object.keys(detail).length ? { detail } : {}),
      durationMs: 0,
    });
    messages.push({ type: "text", text: flow.settings.errorMessage });
    state.outcome = "unresolved";
    return finish("ended");
  }

  // A high bar: wrongly handing off (reading "我要投訴" as "agent please") costs
  // more than a miss, which the flow's own intents can still route.
  async function asksForHuman(text: string): Promise<boolean> {
    const match = await ports.nlu.match({
      key: "builtin:human-request",
      intents: [{ name: "human", phrases: HUMAN_REQUEST_PHRASES }],
      threshold: 0.75,
      text,
    });
    return match.intent === "human";
  }
}

function defaultVariables(flow: FlowDocument): Variables {
  const variables: Variables = {};
  for (const variable of flow.variables) {
    if (variable.defaultValue !== undefined) variables[variable.name] = structuredClone(variable.defaultValue);
  }
  return variables;
}

export type { FlowGraph };
