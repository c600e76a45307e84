// Load generators for the HTTP benchmarks (autocannon's programmatic API; all
// loads go to 127.0.0.1 and stop by themselves after a fixed time or count).
//
// chatLoad: every connection runs its own sessions, one request at a time, so
// each session's turns are sequential: POST /api/v1/flows/{slug}/sessions, then
// `messagesPerSession` POST /api/v1/sessions/{id}/messages, then a new session.
// It records what each session was sent and what the bot answered, so
// verifyTranscripts() can check every transcript afterwards.
import autocannon from "autocannon";
import { readFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./server";
import { Samples } from "./stats";

export interface TranscriptLine {
  role: string;
  text: string;
}

export interface SessionRecord {
  id: string;
  /** Everything the transcript must contain, in order (bot lines as the API returned them). */
  expected: TranscriptLine[];
  /** A message sent whose reply never arrived (the load stopped, or it timed out). */
  unconfirmed: string[];
  /** Set when a request of this session failed: only the confirmed lines are checked, as a subsequence. */
  broken: boolean;
  messagesSent: number;
}

export interface LoadResult {
  seconds: number;
  /** Successful responses per second (session starts and messages). */
  requestsPerSecond: number;
  /** Successful customer-message turns per second. */
  messageTurnsPerSecond: number;
  /** Over all requests, from autocannon (ms). */
  latency: { p50: number; p90: number; p99: number; max: number };
  /** Over message turns only, measured here (ms). */
  messageLatency: { p50: number; p90: number; p99: number; max: number };
  errors: number;
  non2xx: number;
  timeouts: number;
  badBodies: number;
  sessions: number;
}

export interface Timeline {
  /** performance.now() at each message response. */
  at: number[];
  latency: number[];
}

const messagesFile = JSON.parse(readFileSync(path.join(ROOT, "bench/flows/faq.messages.json"), "utf8")) as { inScope: string[]; outOfScope: string[] };

/** The i-th message of the n-th session: every 7th out of scope, the rest in scope, varied per session. */
export function customerMessage(sessionNumber: number, index: number): string {
  if (index % 7 === 6) return messagesFile.outOfScope[(sessionNumber + index) % messagesFile.outOfScope.length];
  return messagesFile.inScope[(sessionNumber * 5 + index * 3) % messagesFile.inScope.length];
}

export async function chatLoad(options: {
  baseUrl: string;
  slug: string;
  connections: number;
  seconds?: number;
  /** Stop after this many requests in total instead of after `seconds`. */
  amount?: number;
  messagesPerSession: number;
  /** The customer's i-th message in session n (default: the FAQ messages, customerMessage()). */
  messageFor?: (sessionNumber: number, index: number) => string;
  /** The session status expected after the i-th message (default "active"). */
  statusAfter?: (index: number) => string;
  records?: SessionRecord[];
  timeline?: Timeline;
}): Promise<LoadResult> {
  const messageFor = options.messageFor ?? customerMessage;
  const statusAfter = options.statusAfter ?? (() => "active");
  const url = new URL(options.baseUrl);
  const records = options.records ?? [];
  const messageLatency = new Samples();
  let sessionCounter = 0;
  let badBodies = 0;
  let okMessages = 0;
  let okStarts = 0;
  interface Context {
    record?: SessionRecord;
    sessionNumber?: number;
    sentAt?: number;
    text?: string;
  }
  const requests: autocannon.Request[] = [
    {
      method: "POST",
      path: `/api/v1/flows/${options.slug}/sessions`,
      headers: { "content-type": "application/json" },
      body: "{}",
      onResponse: (status: number, body: string, context: Context) => {
        if (status !== 201) return;
        try {
          const reply = JSON.parse(body) as { sessionId: string; status: string; messages: { text: string }[] };
          if (!reply.sessionId || reply.status !== "active") {
            badBodies += 1;
            return;
          }
          const record: SessionRecord = {
            id: reply.sessionId,
            expected: reply.messages.map((message) => ({ role: "bot", text: message.text })),
            unconfirmed: [],
            broken: false,
            messagesSent: 0,
          };
          records.push(record);
          context.record = record;
          context.sessionNumber = sessionCounter++;
          okStarts += 1;
        } catch {
          badBodies += 1;
        }
      },
    } as autocannon.Request,
  ];
  for (let index = 0; index < options.messagesPerSession; index += 1) {
    requests.push({
      method: "POST",
      headers: { "content-type": "application/json" },
      setupRequest: (request: autocannon.Request, context: Context) => {
        const record = context.record;
        if (!record || record.broken) return undefined as unknown as autocannon.Request; // back to a new session
        if (context.text !== undefined) {
          // The previous message's reply never came (timeout): its outcome is unknown.
          record.unconfirmed.push(context.text);
          record.broken = true;
          return undefined as unknown as autocannon.Request;
        }
        const text = messageFor(context.sessionNumber ?? 0, index);
        context.text = text;
        record.messagesSent += 1;
        record.unconfirmed.push(text);
        context.sentAt = performance.now();
        return { ...request, path: `/api/v1/sessions/${record.id}/messages`, body: JSON.stringify({ text }) };
      },
      onResponse: (status: number, body: string, context: Context) => {
        const record = context.record;
        const text = context.text;
        context.text = undefined;
        if (!record || text === undefined) return;
        const latency = performance.now() - (context.sentAt ?? performance.now());
        record.unconfirmed = record.unconfirmed.filter((pending) => pending !== text);
        if (status !== 200) {
          record.broken = true;
          return;
        }
        try {
          const reply = JSON.parse(body) as { status: string; messages: { text: string }[] };
          if (reply.status !== statusAfter(index) || !Array.isArray(reply.messages) || reply.messages.length === 0) {
            badBodies += 1;
            record.broken = true;
            return;
          }
          record.expected.push({ role: "customer", text });
          for (const message of reply.messages) record.expected.push({ role: "bot", text: message.text });
          okMessages += 1;
          messageLatency.push(latency);
          if (options.timeline) {
            options.timeline.at.push(performance.now());
            options.timeline.latency.push(latency);
          }
        } catch {
          badBodies += 1;
          record.broken = true;
        }
      },
    } as autocannon.Request);
  }

  const startedAt = performance.now();
  const result = await runAutocannon({
    url: options.baseUrl,
    connections: options.connections,
    pipelining: 1,
    timeout: 10,
    ...(options.amount ? { amount: options.amount } : { duration: options.seconds ?? 10 }),
    requests,
  });
  const seconds = (performance.now() - startedAt) / 1000;
  void url;
  return {
    seconds,
    requestsPerSecond: (okStarts + okMessages) / seconds,
    messageTurnsPerSecond: okMessages / seconds,
    latency: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
    messageLatency: messageLatency.summary(),
    errors: result.errors,
    non2xx: result.non2xx,
    timeouts: result.timeouts,
    badBodies,
    sessions: okStarts,
  };
}

/** A plain GET load (the bare handler ceiling). */
export async function getLoad(options: { baseUrl: string; path: string; connections: number; seconds: number; expectBody?: string }): Promise<LoadResult> {
  const startedAt = performance.now();
  const result = await runAutocannon({ url: `${options.baseUrl}${options.path}`, connections: options.connections, pipelining: 1, timeout: 10, duration: options.seconds });
  const seconds = (performance.now() - startedAt) / 1000;
  const ok = result["2xx"];
  return {
    seconds,
    requestsPerSecond: ok / seconds,
    messageTurnsPerSecond: 0,
    latency: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
    messageLatency: { p50: Number.NaN, p90: Number.NaN, p99: Number.NaN, max: Number.NaN },
    errors: result.errors,
    non2xx: result.non2xx,
    timeouts: result.timeouts,
    badBodies: 0,
    sessions: 0,
  };
}

function runAutocannon(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
    // Never let a load outlive its budget (duration + 30 s, or 5 minutes for counted loads).
    const budget = ((options.duration as number | undefined) ?? 270) * 1000 + 30_000;
    const guard = setTimeout(() => instance.stop(), budget);
    instance.on("done", () => clearTimeout(guard));
  });
}

export interface VerifyResult {
  sessions: number;
  checked: number;
  customerMessages: number;
  lost: number;
  reordered: number;
  unexpected: number;
  fetchErrors: number;
  brokenSessions: number;
  examples: string[];
}

/**
 * GETs every session's transcript and checks that every customer message is
 * there, in order, each followed by the bot's reply exactly as the API returned
 * it. A message whose reply never arrived may be present (with its reply) or
 * absent, only at the end of the transcript.
 */
export async function verifyTranscripts(baseUrl: string, records: SessionRecord[], parallel = 16): Promise<VerifyResult> {
  const out: VerifyResult = { sessions: records.length, checked: 0, customerMessages: 0, lost: 0, reordered: 0, unexpected: 0, fetchErrors: 0, brokenSessions: 0, examples: [] };
  let next = 0;
  const problem = (text: string) => {
    if (out.examples.length < 5) out.examples.push(text);
  };
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < records.length) {
        const record = records[next++];
        if (record.broken) out.brokenSessions += 1;
        let lines: TranscriptLine[];
        try {
          const response = await fetch(`${baseUrl}/api/v1/sessions/${record.id}`, { signal: AbortSignal.timeout(30_000) });
          if (!response.ok) throw new Error(`HTTP ${response.status}`);
          const body = (await response.json()) as { messages: TranscriptLine[] };
          lines = body.messages.map(({ role, text }) => ({ role, text }));
        } catch (error) {
          out.fetchErrors += 1;
          problem(`${record.id}: transcript not readable (${error instanceof Error ? error.message : error})`);
          continue;
        }
        out.checked += 1;
        out.customerMessages += record.expected.filter((line) => line.role === "customer").length;
        if (record.broken) {
          // Only the confirmed lines, as a subsequence.
          let position = 0;
          for (const line of record.expected) {
            while (position < lines.length && !(lines[position].role === line.role && lines[position].text === line.text)) position += 1;
            if (position >= lines.length) {
              out.lost += 1;
              problem(`${record.id}: missing ${line.role} "${line.text}"`);
              break;
            }
            position += 1;
          }
          continue;
        }
        for (let i = 0; i < record.expected.length; i += 1) {
          const want = record.expected[i];
          const got = lines[i];
          if (!got) {
            out.lost += record.expected.slice(i).filter((line) => line.role === "customer").length || 1;
            problem(`${record.id}: transcript ends after ${i} lines, expected ${record.expected.length}`);
            break;
          }
          if (got.role !== want.role || got.text !== want.text) {
            out.reordered += 1;
            problem(`${record.id}: line ${i} is ${got.role} "${got.text.slice(0, 40)}", expected ${want.role} "${want.text.slice(0, 40)}"`);
            break;
          }
        }
        const extra = lines.slice(record.expected.length);
        if (extra.length) {
          // Allowed only: the unconfirmed last message, then bot lines.
          const ok =
            record.unconfirmed.length === 1 &&
            extra[0].role === "customer" &&
            extra[0].text === record.unconfirmed[0] &&
            extra.slice(1).every((line) => line.role === "bot");
          if (!ok) {
            out.unexpected += extra.length;
            problem(`${record.id}: ${extra.length} unexpected trailing lines, first ${extra[0].role} "${extra[0].text.slice(0, 40)}"`);
          }
        }
      }
    }),
  );
  return out;
}
