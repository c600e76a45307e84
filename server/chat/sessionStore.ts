// The chat turn's reads and writes, on the hot-path connection (server/db/sqlite.ts)
// with prepared statements. A turn is: load the session, append the customer's
// message (committed on its own, before the engine runs, so nothing a customer
// wrote is lost), then commit the engine's result in one transaction:
// compare-and-swap the session on its revision, append the bot messages and
// trace events, and record a handoff when the turn handed off.
// Timestamps are integer milliseconds, as Prisma reads and writes them here.
import { randomUUID } from "node:crypto";
import type { Statement, Transaction } from "better-sqlite3";
import type { TraceEntry, TurnHandoff } from "../../flows/engine/runTurn";
import type { BotMessage } from "../../flows/engine/types";
import type { SessionStatus } from "../../flows/schema/sessionState";
import { perConnection, type SqliteDatabase } from "../db/sqlite";
import { ConflictError } from "../errors";

export type MessageRole = "customer" | "bot" | "agent" | "system";

export interface PublishedFlowRef {
  flowId: string;
  slug: string;
  /** Null when the flow has never been published. */
  flowVersionId: string | null;
}

export interface StoredVersion {
  id: string;
  flowId: string;
  version: number;
  document: string;
}

export interface StoredSession {
  id: string;
  flowId: string;
  slug: string;
  flowVersionId: string | null;
  status: SessionStatus;
  /** SessionState JSON text. */
  state: string;
  revision: number;
  userId: string | null;
  createdAt: number;
}

export interface StoredMessage {
  seq: number;
  role: MessageRole;
  text: string;
  quickReplies?: string[];
  createdAt: number;
}

/** What is stored of one turn's result (see runTurn's TurnResult). */
export interface TurnRecord {
  state: unknown;
  status: SessionStatus;
  turn: number;
  messages: BotMessage[];
  trace: TraceEntry[];
  handoff?: TurnHandoff;
  variables: Record<string, unknown>;
  now: number;
}

export interface TurnCommit extends TurnRecord {
  sessionId: string;
  /** The revision the turn started from; the commit fails if the session moved on. */
  expectedRevision: number;
}

export interface NewSession extends TurnRecord {
  flowId: string;
  flowVersionId: string | null;
  userId: string | null;
  variant: string | null;
}

/** Thrown when a turn's compare-and-swap finds the session changed by someone else. */
export class SessionConflictError extends ConflictError {
  constructor(sessionId: string) {
    super(`Session ${sessionId} was updated concurrently; send the message again`);
    this.name = "SessionConflictError";
  }
}

/** The store on the shared hot-path connection. */
export const getSessionStore = perConnection((db) => new SessionStore(db));

interface MessageRow {
  seq: number;
  role: MessageRole;
  text: string;
  payload: string | null;
  createdAt: number;
}

export class SessionStore {
  private readonly statements: {
    flowBySlug: Statement<[string], { flowId: string; slug: string; flowVersionId: string | null }>;
    version: Statement<[string], StoredVersion>;
    session: Statement<[string], Omit<StoredSession, "createdAt"> & { createdAt: number }>;
    nextSeq: Statement<[string], { next: number }>;
    insertMessage: Statement<[string, number, string, string, string | null, number]>;
    touchSession: Statement<[number, string]>;
    casSession: Statement<[string, string, number, number, string, number]>;
    insertSession: Statement<[string, string, string | null, string, string, string | null, string | null, number, number, number]>;
    insertTrace: Statement<[string, number, number, string, string, string, string, number]>;
    insertHandoff: Statement<
      [string, string, string, string, string, string, string | null, string | null, string | null, number | null, string, string, number, number]
    >;
    messages: Statement<[string], MessageRow>;
  };
  private readonly appendTx: Transaction<(sessionId: string, role: MessageRole, text: string, payload: string | null, now: number) => number>;
  private readonly commitTx: Transaction<(commit: TurnCommit) => void>;
  private readonly createTx: Transaction<(id: string, session: NewSession) => void>;

  constructor(private readonly db: SqliteDatabase) {
    this.statements = {
      flowBySlug: db.prepare(`SELECT id AS flowId, slug, publishedVersionId AS flowVersionId FROM Flow WHERE slug = ?`),
      version: db.prepare(`SELECT id, flowId, version, document FROM FlowVersion WHERE id = ?`),
      session: db.prepare(
        `SELECT s.id, s.flowId, f.slug, s.flowVersionId, s.status, s.state, s.revision, s.userId, s.createdAt
         FROM Session s JOIN Flow f ON f.id = s.flowId WHERE s.id = ?`,
      ),
      nextSeq: db.prepare(`SELECT COALESCE(MAX(seq), 0) + 1 AS next FROM Message WHERE sessionId = ?`),
      insertMessage: db.prepare(`INSERT INTO Message (sessionId, seq, role, text, payload, createdAt) VALUES (?, ?, ?, ?, ?, ?)`),
      touchSession: db.prepare(`UPDATE Session SET lastMessageAt = ? WHERE id = ?`),
      casSession: db.prepare(
        `UPDATE Session SET state = ?, status = ?, revision = revision + 1, updatedAt = ?, lastMessageAt = ?
         WHERE id = ? AND revision = ?`,
      ),
      insertSession: db.prepare(
        `INSERT INTO Session (id, flowId, flowVersionId, status, state, userId, variant, revision, createdAt, updatedAt, lastMessageAt)
         VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`,
      ),
      insertTrace: db.prepare(
        `INSERT INTO TraceEvent (sessionId, turn, step, nodeId, nodeType, event, data, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      insertHandoff: db.prepare(
        `INSERT INTO Handoff (id, sessionId, flowId, queue, priority, reason, note, nodeId, lastIntent, lastIntentConfidence,
                              variables, transcript, status, createdAt, updatedAt)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)`,
      ),
      messages: db.prepare(`SELECT seq, role, text, payload, createdAt FROM Message WHERE sessionId = ? ORDER BY seq`),
    };

    this.appendTx = db.transaction((sessionId: string, role: MessageRole, text: string, payload: string | null, now: number) => {
      const seq = this.statements.nextSeq.get(sessionId)!.next;
      this.statements.insertMessage.run(sessionId, seq, role, text, payload, now);
      this.statements.touchSession.run(now, sessionId);
      return seq;
    });

    this.commitTx = db.transaction((commit: TurnCommit) => {
      const { sessionId, now } = commit;
      const swapped = this.statements.casSession.run(JSON.stringify(commit.state), commit.status, now, now, sessionId, commit.expectedRevision);
      if (swapped.changes !== 1) throw new SessionConflictError(sessionId);
      this.writeTurnRecords(sessionId, commit, null);
    });

    this.createTx = db.transaction((id: string, session: NewSession) => {
      const { now } = session;
      this.statements.insertSession.run(
        id,
        session.flowId,
        session.flowVersionId,
        session.status,
        JSON.stringify(session.state),
        session.userId,
        session.variant,
        now,
        now,
        now,
      );
      this.writeTurnRecords(id, session, session.flowId);
    });
  }

  /** The flow with this slug and its published version id, or null when there is no such flow. */
  findFlowBySlug(slug: string): PublishedFlowRef | null {
    return this.statements.flowBySlug.get(slug) ?? null;
  }

  findVersion(id: string): StoredVersion | null {
    return this.statements.version.get(id) ?? null;
  }

  findSession(id: string): StoredSession | null {
    return this.statements.session.get(id) ?? null;
  }

  /** Appends one message in its own committed transaction; returns its seq. */
  appendMessage(sessionId: string, role: MessageRole, text: string, now: number, quickReplies?: string[]): number {
    return this.appendTx.immediate(sessionId, role, text, quickReplies?.length ? JSON.stringify({ quickReplies }) : null, now);
  }

  /** Commits a turn's result; throws SessionConflictError when the session's revision moved on. */
  commitTurn(commit: TurnCommit): void {
    this.commitTx.immediate(commit);
  }

  /** Creates a session together with its first turn's messages, trace and handoff; returns the new id. */
  createSession(session: NewSession): string {
    const id = randomUUID();
    this.createTx.immediate(id, session);
    return id;
  }

  /** The transcript in order. */
  messages(sessionId: string): StoredMessage[] {
    return this.statements.messages.all(sessionId).map(toStoredMessage);
  }

  private writeTurnRecords(sessionId: string, turn: TurnCommit | NewSession, knownFlowId: string | null): void {
    const { now } = turn;
    let seq = this.statements.nextSeq.get(sessionId)!.next;
    for (const message of turn.messages) {
      const payload = message.quickReplies?.length ? JSON.stringify({ quickReplies: message.quickReplies }) : null;
      this.statements.insertMessage.run(sessionId, seq, "bot", message.text, payload, now);
      seq += 1;
    }
    for (const entry of turn.trace) {
      const { step, nodeId, nodeType, event, ...data } = entry;
      this.statements.insertTrace.run(sessionId, turn.turn, step, nodeId, nodeType, event, JSON.stringify(data), now);
    }
    if (turn.handoff) {
      const flowId = knownFlowId ?? this.statements.session.get(sessionId)!.flowId;
      const transcript = this.statements.messages.all(sessionId).map(toStoredMessage);
      const { handoff } = turn;
      this.statements.insertHandoff.run(
        randomUUID(),
        sessionId,
        flowId,
        handoff.queue,
        handoff.priority,
        handoff.reason,
        handoff.note ?? null,
        handoff.nodeId,
        handoff.lastIntent?.name ?? null,
        handoff.lastIntent?.confidence ?? null,
        JSON.stringify(turn.variables),
        JSON.stringify(transcript),
        now,
        now,
      );
    }
  }
}

function toStoredMessage(row: MessageRow): StoredMessage {
  const payload = row.payload ? (JSON.parse(row.payload) as { quickReplies?: string[] }) : null;
  return {
    seq: row.seq,
    role: row.role,
    text: row.text,
    ...(payload?.quickReplies?.length ? { quickReplies: payload.quickReplies } : {}),
    createdAt: row.createdAt,
  };
}
