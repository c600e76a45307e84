// Test-only harness (reads files with node:fs): runs a conversation fixture
// through runTurn and reports every difference from the expected transcript.
import { readdirSync, readFileSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";
import { z } from "zod";
import { runTurn, type TurnResult } from "../engine/runTurn";
import type { IntentMatcher } from "../engine/types";
import { loadFlowDocument } from "../schema/flowDocument";
import { parseSessionState, type SessionState } from "../schema/sessionState";
import { createFakePorts, createPhraseMatcher, FAKE_NOW, type FakeHttpRoute } from "./fakePorts";
import { createRealNlu } from "./realNlu";

const expectedMessageSchema = z.union([z.string(), z.object({ contains: z.string() }).strict()]);

const turnSchema = z
  .object({
    /** The customer's message; null starts the conversation. */
    user: z.string().nullable(),
    /** Every bot message of the turn, in order: exact text, or { contains }. */
    bot: z.array(expectedMessageSchema),
    status: z.enum(["active", "handoff", "ended"]).optional(),
    /** Variables that must have exactly these values after the turn (others are ignored). */
    variables: z.record(z.string(), z.unknown()).optional(),
    /** Fields the turn's handoff must have, e.g. { "reason": "customer_request" }. */
    handoff: z.record(z.string(), z.unknown()).optional(),
    /** Quick replies expected on the turn's last message. */
    quickReplies: z.array(z.string()).optional(),
  })
  .strict();

export const conversationFixtureSchema = z
  .object({
    description: z.string().optional(),
    /** Path of a flow JSON file relative to the repository root, or the flow document itself. */
    flow: z.union([z.string(), z.record(z.string(), z.unknown())]),
    http: z.array(z.custom<FakeHttpRoute>((value) => typeof value === "object" && value !== null && "url" in value)).default([]),
    secrets: z.record(z.string(), z.string()).default({}),
    /** Variables passed in at the start (e.g. from the widget). */
    variables: z.record(z.string(), z.unknown()).default({}),
    startNodeId: z.string().optional(),
    /** Clock time: ISO string or epoch ms. Defaults to Friday 2026-11-20 10:00 Hong Kong time. */
    now: z.union([z.string(), z.number()]).optional(),
    /** Values random() returns, in order, repeating. */
    random: z.array(z.number().min(0).max(1)).optional(),
    /** "real" (default): the shipped classifier; "phrases": the exact/substring fake. */
    nlu: z.enum(["real", "phrases"]).default("real"),
    turns: z.array(turnSchema).min(1),
  })
  .strict();

export type ConversationFixture = z.input<typeof conversationFixtureSchema>;

export interface ConversationRun {
  results: TurnResult[];
  /** Human-readable differences; empty when the conversation went as written. */
  failures: string[];
}

/** Repository root (flows/testing/../..), against which fixture flow paths resolve. */
export const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** Runs every turn, carrying state through a JSON round trip like the session store does. */
export async function runConversation(input: ConversationFixture, rootDir: string = REPO_ROOT): Promise<ConversationRun> {
  const fixture = conversationFixtureSchema.parse(input);
  const flowSource = typeof fixture.flow === "string" ? JSON.parse(readFileSync(resolvePath(rootDir, fixture.flow), "utf8")) : fixture.flow;
  const flow = loadFlowDocument(flowSource);
  const nlu: IntentMatcher = fixture.nlu === "real" ? createRealNlu() : createPhraseMatcher();
  const ports = createFakePorts({
    now: fixture.now === undefined ? FAKE_NOW : typeof fixture.now === "number" ? fixture.now : Date.parse(fixture.now),
    http: fixture.http,
    secrets: fixture.secrets,
    randomValues: fixture.random,
    nlu,
  });

  const results: TurnResult[] = [];
  const failures: string[] = [];
  let state: SessionState | null = null;
  for (const [index, turn] of fixture.turns.entries()) {
    const label = `turn ${index + 1} (${turn.user === null ? "start" : JSON.stringify(turn.user)})`;
    let result: TurnResult;
    try {
      result =
        turn.user === null
          ? await runTurn(flow, null, { type: "start", variables: structuredClone(fixture.variables), startNodeId: fixture.startNodeId }, ports)
          : await runTurn(flow, state, { type: "text", text: turn.user }, ports);
    } catch (error) {
      failures.push(`${label}: runTurn threw ${error instanceof Error ? error.message : String(error)}`);
      break;
    }
    results.push(result);
    state = parseSessionState(JSON.stringify(result.state));
    failures.push(...compareTurn(turn, result).map((problem) => `${label}: ${problem}`));
  }
  return { results, failures };
}

/** Fixture files (*.json) directly inside `dir`, sorted by name. */
export function conversationFixtureFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => join(dir, name));
}

export function readConversationFixture(path: string): ConversationFixture {
  return JSON.parse(readFileSync(path, "utf8")) as ConversationFixture;
}

function compareTurn(expected: z.output<typeof turnSchema>, result: TurnResult): string[] {
  const problems: string[] = [];
  const actual = result.messages.map((message) => message.text);
  const matches =
    actual.length === expected.bot.length &&
    expected.bot.every((want, index) => (typeof want === "string" ? actual[index] === want : actual[index].includes(want.contains)));
  if (!matches) problems.push(`bot said ${JSON.stringify(actual)}, expected ${JSON.stringify(expected.bot)}${errorHint(result)}`);
  if (expected.status && result.status !== expected.status) problems.push(`status ${result.status}, expected ${expected.status}${errorHint(result)}`);
  for (const [name, value] of Object.entries(expected.variables ?? {})) {
    const got = result.state.variables[name];
    if (!isDeepStrictEqual(got, value)) problems.push(`variable ${name} is ${JSON.stringify(got)}, expected ${JSON.stringify(value)}`);
  }
  if (expected.handoff) {
    if (!result.handoff) problems.push("expected a handoff, there was none");
    else {
      for (const [field, value] of Object.entries(expected.handoff)) {
        const got = (result.handoff as unknown as Record<string, unknown>)[field];
        if (!isDeepStrictEqual(got, value)) problems.push(`handoff.${field} is ${JSON.stringify(got)}, expected ${JSON.stringify(value)}`);
      }
    }
  }
  if (expected.quickReplies) {
    const got = result.messages.at(-1)?.quickReplies ?? [];
    if (!isDeepStrictEqual(got, expected.quickReplies)) problems.push(`quick replies ${JSON.stringify(got)}, expected ${JSON.stringify(expected.quickReplies)}`);
  }
  return problems;
}

/** Points at the engine's error trace entry when a turn failed unexpectedly. */
function errorHint(result: TurnResult): string {
  const error = result.trace.find((entry) => entry.event === "error");
  return error ? ` [engine error: ${error.error}]` : "";
}

function resolvePath(rootDir: string, path: string): string {
  return isAbsolute(path) ? path : join(rootDir, path);
}
