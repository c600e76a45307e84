// 3. Persistence: the chat turn's database work alone, with no engine and no
// HTTP: load the session, append the customer's message (its own committed
// transaction), then compare-and-swap the session state on its revision and
// append the bot's message and the turn's trace events (one transaction).
// 50 concurrent writers (async loops in one process, as in the server), each on
// its own session. Two implementations of the same work on the same schema:
//  - raw: the app's hot path, server/chat/sessionStore.ts (better-sqlite3, prepared statements);
//  - Prisma 6.19 with the better-sqlite3 driver adapter (server/db/prismaAdapter.ts), interactive transactions.
// Each gets a fresh database (the migrations applied, WAL, synchronous=NORMAL).
import { randomUUID } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { PrismaClient } from "../../generated/prisma/client";
import { CONNECTION_PRAGMAS, setDatabaseUrl } from "../../server/db/databaseConfig";
import { prismaAdapter } from "../../server/db/prismaAdapter";
import { closeSqlite } from "../../server/db/sqlite";
import { getSessionStore } from "../../server/chat/sessionStore";
import type { TraceEntry } from "../../flows/engine/runTurn";
import { atLeast, type BenchOptions, type SectionResult } from "../lib/report";
import { ROOT } from "../lib/server";
import { medianOfRuns, Samples } from "../lib/stats";

const WRITERS = 50;

/** A realistic FAQ turn's output: the new state, one bot message, three trace events. */
function turnPayload(turn: number, text: string) {
  const state = {
    version: 1,
    status: "active",
    waitingAt: "ask",
    nodeState: {},
    variables: { lastIntent: "delivery_fee", lastUtterance: text, customerName: "Chan Tai Man", locale: "zh-HK" },
    consecutiveFallbacks: 0,
    lastIntent: { name: "delivery_fee", confidence: 0.91 },
    turn,
    outcome: null,
  };
  const trace: TraceEntry[] = [
    {
      step: 1,
      nodeId: "ask",
      nodeType: "intent",
      event: "next",
      output: "delivery_fee",
      input: text,
      variablesSet: { lastIntent: "delivery_fee" },
      detail: { candidates: [{ intent: "delivery_fee", confidence: 0.91 }, { intent: "delivery_time", confidence: 0.31 }, { intent: "refund_time", confidence: 0.05 }], threshold: 0.5 },
      durationMs: 0,
    },
    { step: 2, nodeId: "answer_delivery_fee", nodeType: "message", event: "next", output: "next", durationMs: 0 },
    { step: 3, nodeId: "ask", nodeType: "intent", event: "wait", durationMs: 0 },
  ];
  const messages = [{ type: "text" as const, text: "Delivery is free over HK$300; below that it is HK$30. 滿 HK$300 免運費，否則運費 HK$30。" }];
  return { state, trace, messages };
}

export async function runPersistenceBench(options: BenchOptions): Promise<SectionResult> {
  const seconds = options.quick ? 1.5 : 3;
  const dir = mkdtempSync(path.join(tmpdir(), "switchboard-bench-db-"));
  try {
    const raw: Record<string, number>[] = [];
    const prisma: Record<string, number>[] = [];
    const rawUrl = createDatabase(path.join(dir, "raw.db"));
    const prismaUrl = createDatabase(path.join(dir, "prisma.db"));
    const rawSessions = seedSessions(rawUrl);
    const prismaSessions = seedSessions(prismaUrl);

    setDatabaseUrl(rawUrl);
    closeSqlite();
    const store = getSessionStore();
    const rawTurn = async (sessionId: string, text: string) => {
      const session = store.findSession(sessionId)!;
      const now = Date.now();
      store.appendMessage(sessionId, "customer", text, now);
      const { state, trace, messages } = turnPayload(session.revision + 1, text);
      store.commitTurn({ sessionId, expectedRevision: session.revision, state, status: "active", turn: state.turn, messages, trace, variables: state.variables, now });
    };

    const client = new PrismaClient({ adapter: prismaAdapter(prismaUrl) });
    await client.$connect();
    const prismaTurn = async (sessionId: string, text: string) => {
      const session = await client.session.findUnique({
        where: { id: sessionId },
        select: { id: true, flowId: true, flowVersionId: true, status: true, state: true, revision: true, userId: true, createdAt: true, flow: { select: { slug: true } } },
      });
      if (!session) throw new Error(`no session ${sessionId}`);
      const now = new Date();
      await client.$transaction(
        async (tx) => {
          const last = await tx.message.aggregate({ where: { sessionId }, _max: { seq: true } });
          await tx.message.create({ data: { sessionId, seq: (last._max.seq ?? 0) + 1, role: "customer", text, createdAt: now } });
          await tx.session.update({ where: { id: sessionId }, data: { lastMessageAt: now } });
        },
        { maxWait: 30_000, timeout: 30_000 },
      );
      const { state, trace, messages } = turnPayload(session.revision + 1, text);
      await client.$transaction(
        async (tx) => {
          const swapped = await tx.session.updateMany({
            where: { id: sessionId, revision: session.revision },
            data: { state: JSON.stringify(state), status: "active", revision: { increment: 1 }, updatedAt: now, lastMessageAt: now },
          });
          if (swapped.count !== 1) throw new Error(`conflict on ${sessionId}`);
          const last = await tx.message.aggregate({ where: { sessionId }, _max: { seq: true } });
          let seq = (last._max.seq ?? 0) + 1;
          await tx.message.createMany({ data: messages.map((message) => ({ sessionId, seq: seq++, role: "bot", text: message.text, createdAt: now })) });
          await tx.traceEvent.createMany({
            data: trace.map(({ step, nodeId, nodeType, event, ...data }) => ({ sessionId, turn: state.turn, step, nodeId, nodeType, event, data: JSON.stringify(data), createdAt: now })),
          });
        },
        { maxWait: 30_000, timeout: 30_000 },
      );
    };

    // Warm-up (prepares statements, JITs, Prisma's query compiler caches).
    await load(rawTurn, rawSessions, 0.5);
    await load(prismaTurn, prismaSessions, 0.5);
    for (let run = 0; run < options.runs; run += 1) {
      raw.push(await load(rawTurn, rawSessions, seconds));
      prisma.push(await load(prismaTurn, prismaSessions, seconds));
    }
    await client.$disconnect();
    closeSqlite();
    const rawMedian = medianOfRuns(raw);
    const prismaMedian = medianOfRuns(prisma);
    const rawCheck = verify(rawUrl, rawSessions);
    const prismaCheck = verify(prismaUrl, prismaSessions);
    return {
      section: "3. Persistence (turn transaction alone, 50 concurrent writers)",
      rows: [
        { metric: "raw better-sqlite3 (sessionStore): turns/s", value: rawMedian.turnsPerSecond, unit: "turns/s", note: `ENVIRONMENT.md measured ~50,000 for a smaller turn` },
        { metric: "raw better-sqlite3: p50 / p99 per turn", value: `${rawMedian.p50.toFixed(3)} / ${rawMedian.p99.toFixed(3)}`, unit: "ms" },
        { metric: "Prisma 6.19 (adapter): turns/s", value: prismaMedian.turnsPerSecond, unit: "turns/s" },
        { metric: "Prisma: p50 / p99 per turn", value: `${prismaMedian.p50.toFixed(2)} / ${prismaMedian.p99.toFixed(2)}`, unit: "ms", note: "includes waiting behind the other 49 writers" },
        { metric: "raw / Prisma throughput", value: rawMedian.turnsPerSecond / prismaMedian.turnsPerSecond, unit: "x" },
        {
          metric: "errors, lost or misordered rows",
          value: raw.reduce((s, r) => s + r.errors, 0) + prisma.reduce((s, r) => s + r.errors, 0) + rawCheck.problems + prismaCheck.problems,
          unit: "",
          target: "0",
          met: raw.every((r) => r.errors === 0) && prisma.every((r) => r.errors === 0) && rawCheck.problems === 0 && prismaCheck.problems === 0,
        },
      ],
      details: { writers: WRITERS, secondsPerRun: seconds, raw, prisma, rawMedian, prismaMedian, rawCheck, prismaCheck, enoughForChat: atLeast(rawMedian.turnsPerSecond, 10_000) },
    };
  } finally {
    closeSqlite();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function load(turn: (sessionId: string, text: string) => Promise<void>, sessions: string[], seconds: number): Promise<Record<string, number>> {
  const latencies = new Samples();
  let errors = 0;
  const startedAt = performance.now();
  const deadline = startedAt + seconds * 1000;
  await Promise.all(
    sessions.map(async (sessionId, writer) => {
      let n = 0;
      while (performance.now() < deadline) {
        const t0 = performance.now();
        try {
          await turn(sessionId, `writer ${writer} message ${n} 我想問下運費`);
          latencies.push(performance.now() - t0);
        } catch {
          errors += 1;
        }
        n += 1;
        // Let the other writers in (the raw store is synchronous).
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }),
  );
  const elapsed = (performance.now() - startedAt) / 1000;
  const s = latencies.summary();
  return { turns: s.count, turnsPerSecond: s.count / elapsed, p50: s.p50, p90: s.p90, p99: s.p99, max: s.max, errors };
}

function createDatabase(file: string): string {
  const db = new Database(file);
  for (const pragma of CONNECTION_PRAGMAS) db.pragma(pragma);
  const migrations = path.join(ROOT, "prisma/migrations");
  for (const name of readdirSync(migrations).filter((entry) => /^\d/.test(entry)).sort()) {
    db.exec(readFileSync(path.join(migrations, name, "migration.sql"), "utf8"));
  }
  db.close();
  return `file:${file}`;
}

function seedSessions(url: string): string[] {
  const db = new Database(url.replace(/^file:/, ""));
  const now = Date.now();
  const flowId = randomUUID();
  const versionId = randomUUID();
  db.prepare(`INSERT INTO Flow (id, slug, name, createdAt, updatedAt) VALUES (?, 'bench', 'Bench', ?, ?)`).run(flowId, now, now);
  db.prepare(`INSERT INTO FlowVersion (id, flowId, version, document, sourceHash, publishedAt) VALUES (?, ?, 1, '{}', 'x', ?)`).run(versionId, flowId, now);
  db.prepare(`UPDATE Flow SET publishedVersionId = ? WHERE id = ?`).run(versionId, flowId);
  const insert = db.prepare(
    `INSERT INTO Session (id, flowId, flowVersionId, status, state, revision, createdAt, updatedAt, lastMessageAt) VALUES (?, ?, ?, 'active', ?, 1, ?, ?, ?)`,
  );
  const ids: string[] = [];
  for (let i = 0; i < WRITERS; i += 1) {
    const id = randomUUID();
    insert.run(id, flowId, versionId, JSON.stringify(turnPayload(0, "").state), now, now, now);
    ids.push(id);
  }
  db.close();
  return ids;
}

/** Every session: seqs 1..n without gaps, customer and bot alternating, revision = 1 + turns. */
function verify(url: string, sessions: string[]): { sessions: number; messages: number; problems: number } {
  const db = new Database(url.replace(/^file:/, ""), { readonly: true });
  let problems = 0;
  let messages = 0;
  for (const id of sessions) {
    const rows = db.prepare(`SELECT seq, role FROM Message WHERE sessionId = ? ORDER BY seq`).all(id) as { seq: number; role: string }[];
    const revision = (db.prepare(`SELECT revision FROM Session WHERE id = ?`).get(id) as { revision: number }).revision;
    messages += rows.length;
    rows.forEach((row, index) => {
      if (row.seq !== index + 1) problems += 1;
      if (row.role !== (index % 2 === 0 ? "customer" : "bot")) problems += 1;
    });
    if (rows.length % 2 !== 0 || revision !== 1 + rows.length / 2) problems += 1;
  }
  db.close();
  return { sessions: sessions.length, messages, problems };
}
