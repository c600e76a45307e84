// Shapes shared by the engine and the node types. Persisted shapes (flow
// document, session state) live in flows/schema; these are in-memory contracts.
import type { IntentMatch } from "../nlu";

/** A message the bot sends to the customer. */
export interface BotMessage {
  type: "text";
  text: string;
  quickReplies?: string[];
}

export interface HttpRequest {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  url: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON when the response was JSON, otherwise the raw text. */
  body: unknown;
  durationMs: number;
}

/** Thrown by an HttpPort when the request ran past its timeout. */
export class HttpTimeoutError extends Error {
  constructor(url: string, timeoutMs: number) {
    super(`Request to ${url} timed out after ${timeoutMs} ms`);
    this.name = "HttpTimeoutError";
  }
}

/** Performs HTTP for API-call nodes. Throws HttpTimeoutError on timeout, any other Error on network failure. */
export interface HttpPort {
  request(request: HttpRequest): Promise<HttpResponse>;
}

export interface IntentSpec {
  name: string;
  phrases: string[];
}

/**
 * Recognises intents. `key` identifies the training set (e.g. flow version + node
 * id) so models are cached. May answer asynchronously: the server trains models
 * off the request path and answers once the model is ready.
 */
export interface IntentMatcher {
  match(request: { key: string; intents: IntentSpec[]; threshold: number; text: string }): IntentMatch | Promise<IntentMatch>;
}

export type HandoffReason = "node" | "repeated_fallback" | "customer_request" | "error";

export interface HandoffRequest {
  queue: string;
  priority: "low" | "normal" | "high" | "urgent";
  reason: HandoffReason;
  note?: string;
}

/** Side effects reach the engine only through these ports: tests pass fakes, the server real ones. */
export interface RuntimePorts {
  http: HttpPort;
  nlu: IntentMatcher;
  clock: { now(): number };
  /** Uniform in [0, 1). */
  random(): number;
  /** Resolves a secret referenced by name in an API-call node; undefined when unknown. */
  secret(name: string): string | undefined;
}

export type Variables = Record<string, unknown>;
