import { z } from "zod";

/** The session state version this build writes; older states are migrated in `parseSessionState`. */
export const SESSION_STATE_VERSION = 1;

export const sessionStatusSchema = z.enum(["active", "handoff", "ended"]);
export type SessionStatus = z.infer<typeof sessionStatusSchema>;

export const sessionStateSchema = z.object({
  version: z.literal(SESSION_STATE_VERSION),
  status: sessionStatusSchema,
  /** The node waiting for the customer's next message; null before start or after the end. */
  waitingAt: z.string().nullable(),
  /** Per-node memory while a node waits (e.g. a collect node's attempts). */
  nodeState: z.record(z.string(), z.unknown()),
  variables: z.record(z.string(), z.unknown()),
  consecutiveFallbacks: z.number().int().min(0),
  lastIntent: z.object({ name: z.string(), confidence: z.number() }).nullable(),
  /** Turns run so far (the start counts as turn 0). */
  turn: z.number().int().min(0),
  outcome: z.enum(["resolved", "unresolved"]).nullable(),
});

export type SessionState = z.infer<typeof sessionStateSchema>;

export function initialSessionState(variables: Record<string, unknown> = {}): SessionState {
  return {
    version: SESSION_STATE_VERSION,
    status: "active",
    waitingAt: null,
    nodeState: {},
    variables,
    consecutiveFallbacks: 0,
    lastIntent: null,
    turn: 0,
    outcome: null,
  };
}

/** Parses a stored session state, migrating older versions so live sessions survive upgrades. */
export function parseSessionState(input: unknown): SessionState {
  const raw = typeof input === "string" ? JSON.parse(input) : input;
  if (raw && typeof raw === "object" && (raw as { version?: unknown }).version === undefined) {
    return sessionStateSchema.parse({ ...initialSessionState(), ...raw, version: SESSION_STATE_VERSION });
  }
  return sessionStateSchema.parse(raw);
}
