// Conversations: the public chat API (start, message, transcript) on published
// flows, and the designer's test chat on drafts. Runs the same engine
// (flows/engine/runTurn.ts) for both.
//
// Test turns are NOT persisted: the designer's client keeps the session state
// and sends it back with each turn, so editing and re-running a draft leaves
// no rows behind.
import { runTurn, type TurnResult } from "../../flows/engine/runTurn";
import type { BotMessage, HttpRequest, Variables } from "../../flows/engine/types";
import { SECRET_REFERENCE } from "../../flows/nodes/apiCall/apiCall.node.ts";
import { parseSessionState, type SessionState, type SessionStatus } from "../../flows/schema/sessionState";
import { NotFoundError, PayloadTooLargeError, SessionClosedError, ValidationError } from "../errors";
import { getDraftDocument } from "../flows/flowService";
import { checkFlowDocumentInBackground } from "../runtime/background";
import { getRuntimePorts } from "../runtime/ports";
import { secretEnvName } from "../runtime/secrets";
import { getPublishedFlow } from "./publishedFlows";
import { runInSessionQueue } from "./sessionQueue";
import { getSessionStore, type MessageRole, type TurnRecord } from "./sessionStore";

/** A customer message may be at most this many UTF-8 bytes. */
export const MAX_MESSAGE_BYTES = 4096;

export interface ChatReply {
  sessionId: string;
  status: SessionStatus;
  messages: BotMessage[];
}

export interface TranscriptMessage {
  role: MessageRole;
  text: string;
  quickReplies?: string[];
  createdAt: Date;
}

export interface SessionTranscript {
  sessionId: string;
  flow: string;
  status: SessionStatus;
  messages: TranscriptMessage[];
}

/** Starts a conversation on the flow's published version and runs it up to the first question. */
export async function startSession(input: { slug: string; userId?: string; variables?: Variables }): Promise<ChatReply> {
  const store = getSessionStore();
  const flow = store.findFlowBySlug(input.slug);
  if (!flow) throw new NotFoundError(`There is no flow "${input.slug}"`);
  if (!flow.flowVersionId) throw new NotFoundError(`Flow "${input.slug}" has not been published`);
  const published = getPublishedFlow(flow.flowVersionId);
  const ports = getRuntimePorts();
  const result = await runTurn(published.document, null, { type: "start", variables: input.variables }, ports, {
    modelKeyPrefix: published.flowVersionId,
  });
  const sessionId = store.createSession({
    flowId: flow.flowId,
    flowVersionId: published.flowVersionId,
    userId: input.userId ?? null,
    variant: null,
    ...turnRecord(result, ports.clock.now()),
  });
  return { sessionId, status: result.status, messages: result.messages };
}

/**
 * Handles one customer message. The message is stored (committed) before the
 * engine runs; the engine's result is committed with a compare-and-swap on the
 * session's revision. Messages to one session run in arrival order.
 */
export async function postMessage(input: { sessionId: string; text: string }): Promise<ChatReply> {
  checkMessageText(input.text);
  return runInSessionQueue(input.sessionId, () => handleMessage(input.sessionId, input.text));
}

async function handleMessage(sessionId: string, text: string): Promise<ChatReply> {
  const store = getSessionStore();
  const session = store.findSession(sessionId);
  if (!session) throw new NotFoundError(`There is no session "${sessionId}"`);
  if (session.status === "ended") throw new SessionClosedError(session.status);
  if (!session.flowVersionId) throw new NotFoundError(`Session "${sessionId}" has no published flow version`);
  const ports = getRuntimePorts();
  store.appendMessage(sessionId, "customer", text, ports.clock.now());
  // With a human agent: the message is kept in the transcript for the agent; the bot stays silent.
  if (session.status === "handoff") return { sessionId, status: "handoff", messages: [] };

  const published = getPublishedFlow(session.flowVersionId);
  const state = parseSessionState(session.state);
  const result = await runTurn(published.document, state, { type: "text", text }, ports, { modelKeyPrefix: published.flowVersionId });
  store.commitTurn({
    sessionId,
    expectedRevision: session.revision,
    ...turnRecord(result, ports.clock.now()),
  });
  return { sessionId, status: result.status, messages: result.messages };
}

/** What the session store keeps of a turn's result. */
function turnRecord(result: TurnResult, now: number): TurnRecord {
  return {
    state: result.state,
    status: result.status,
    turn: result.state.turn,
    messages: result.messages,
    trace: result.trace,
    handoff: result.handoff,
    variables: result.state.variables,
    now,
  };
}

/** The session's status and transcript in order. */
export async function getSession(sessionId: string): Promise<SessionTranscript> {
  const store = getSessionStore();
  const session = store.findSession(sessionId);
  if (!session) throw new NotFoundError(`There is no session "${sessionId}"`);
  return {
    sessionId: session.id,
    flow: session.slug,
    status: session.status,
    messages: store.messages(sessionId).map(({ seq: _seq, createdAt, ...message }) => ({ ...message, createdAt: new Date(createdAt) })),
  };
}

export type TestTurnInput =
  | { type: "start"; startNodeId?: string; variables?: Variables }
  | { type: "text"; text: string };

/**
 * One turn of the designer's test chat on a draft: the given (possibly
 * unsaved) document, or the saved draft. The client keeps `state` between
 * turns (null to start). Returns everything the engine produced, trace included.
 */
export async function testTurn(input: { flowId: string; document?: unknown; state: unknown | null; input: TestTurnInput }): Promise<TurnResult> {
  const raw = input.document === undefined ? await getDraftDocument(input.flowId) : input.document;
  const checked = await checkFlowDocumentInBackground(raw);
  if (!checked.ok) throw new ValidationError("The flow has problems to fix before it can run", checked.errors);
  let state: SessionState | null = null;
  if (input.state !== null && input.state !== undefined) {
    try {
      state = parseSessionState(input.state);
    } catch (error) {
      throw new ValidationError("The test session state is invalid", [{ path: "state", message: error instanceof Error ? error.message : String(error) }]);
    }
  }
  if (input.input.type === "text") checkMessageText(input.input.text);
  return runTurn(checked.document, state, input.input, getRuntimePorts(), { modelKeyPrefix: `draft:${input.flowId}` });
}

export type TestRequestResult =
  | { ok: true; status: number; headers: Record<string, string>; body: unknown; durationMs: number }
  | { ok: false; error: string; durationMs: number };

/** The API-call node's "Send test request": the same HTTP port the runtime uses. Never throws for HTTP failures. */
export async function sendTestRequest(input: {
  method: HttpRequest["method"];
  url: string;
  headers?: Record<string, string>;
  body?: string;
  timeoutMs?: number;
}): Promise<TestRequestResult> {
  const startedAt = performance.now();
  try {
    // The designer fills in variables but leaves {{secrets.NAME}} for the server: secrets never reach the browser.
    const withSecrets = (text: string) => fillSecrets(text, getRuntimePorts().secret);
    const response = await getRuntimePorts().http.request({
      method: input.method,
      url: withSecrets(input.url),
      headers: Object.fromEntries(Object.entries(input.headers ?? {}).map(([name, value]) => [name, withSecrets(value)])),
      body: input.body === undefined ? undefined : withSecrets(input.body),
      timeoutMs: input.timeoutMs ?? 10_000,
    });
    return { ok: true, ...response };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error), durationMs: Math.round(performance.now() - startedAt) };
  }
}

function fillSecrets(text: string, secret: (name: string) => string | undefined): string {
  return text.replace(SECRET_REFERENCE, (_match, name: string) => {
    const value = secret(name);
    if (value === undefined) throw new Error(`Unknown secret "${name}": add it in the Secret table or as ${secretEnvName(name)}`);
    return value;
  });
}

function checkMessageText(text: string): void {
  if (Buffer.byteLength(text, "utf8") > MAX_MESSAGE_BYTES) {
    throw new PayloadTooLargeError(`The message is over ${MAX_MESSAGE_BYTES} bytes`);
  }
  if (!text.trim()) throw new ValidationError("The message is empty", [{ path: "text", message: "must not be empty" }]);
}
