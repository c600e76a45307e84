// Reads and writes of flow documents (drafts and published versions) on the
// raw SQLite connection. Prisma's engine works through a large text parameter
// on the main thread (35–70 ms for a 300 KB document), which would stall every
// chat turn while staff import, publish or autosave a big flow; a prepared
// statement takes well under a millisecond. The small rows stay with Prisma
// (flowService.ts). Timestamps are integer milliseconds, as Prisma stores them.
import { randomUUID } from "node:crypto";
import type { Statement } from "better-sqlite3";
import { perConnection, type SqliteDatabase } from "../db/sqlite";
import { ConflictError } from "../errors";

export interface StoredDraft {
  document: string;
  contentHash: string;
  revision: number;
}

interface Statements {
  insertFlow: Statement<[string, string, string, number, number]>;
  insertDraft: Statement<[string, string, string, number]>;
  draft: Statement<[string], StoredDraft>;
  versionDocument: Statement<[string], { document: string }>;
  casDraft: Statement<[string, string, number, string, number]>;
  overwriteDraft: Statement<[string, string, string, number, string, string, number]>;
  touchFlow: Statement<[number, string]>;
  renameAndTouchFlow: Statement<[string, number, string]>;
  latestVersion: Statement<[string], { version: number | null }>;
  insertVersion: Statement<[string, string, number, string, string, number]>;
  publish: Statement<[string, number, string]>;
}

class DocumentStore {
  private readonly statements: Statements;

  constructor(private readonly db: SqliteDatabase) {
    this.statements = {
      insertFlow: db.prepare(`INSERT INTO Flow (id, slug, name, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?)`),
      insertDraft: db.prepare(`INSERT INTO Draft (flowId, document, contentHash, revision, updatedAt) VALUES (?, ?, ?, 1, ?)`),
      draft: db.prepare(`SELECT document, contentHash, revision FROM Draft WHERE flowId = ?`),
      versionDocument: db.prepare(`SELECT document FROM FlowVersion WHERE id = ?`),
      casDraft: db.prepare(`UPDATE Draft SET document = ?, contentHash = ?, revision = revision + 1, updatedAt = ? WHERE flowId = ? AND revision = ?`),
      overwriteDraft: db.prepare(
        `INSERT INTO Draft (flowId, document, contentHash, revision, updatedAt) VALUES (?, ?, ?, 1, ?)
         ON CONFLICT (flowId) DO UPDATE SET document = ?, contentHash = ?, revision = revision + 1, updatedAt = ?`,
      ),
      touchFlow: db.prepare(`UPDATE Flow SET updatedAt = ? WHERE id = ?`),
      renameAndTouchFlow: db.prepare(`UPDATE Flow SET name = ?, updatedAt = ? WHERE id = ?`),
      latestVersion: db.prepare(`SELECT MAX(version) AS version FROM FlowVersion WHERE flowId = ?`),
      insertVersion: db.prepare(`INSERT INTO FlowVersion (id, flowId, version, document, sourceHash, publishedAt) VALUES (?, ?, ?, ?, ?, ?)`),
      publish: db.prepare(`UPDATE Flow SET publishedVersionId = ?, updatedAt = ? WHERE id = ?`),
    };
  }

  /** A new flow with its first draft (revision 1); ConflictError when the slug is taken. */
  insertFlow(input: { slug: string; name: string; document: string; contentHash: string; now: number }): { id: string; slug: string } {
    const id = randomUUID();
    try {
      this.db.transaction(() => {
        this.statements.insertFlow.run(id, input.slug, input.name, input.now, input.now);
        this.statements.insertDraft.run(id, input.document, input.contentHash, input.now);
      }).immediate();
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError(`A flow with slug "${input.slug}" already exists`);
      throw error;
    }
    return { id, slug: input.slug };
  }

  findDraft(flowId: string): StoredDraft | null {
    return this.statements.draft.get(flowId) ?? null;
  }

  findVersionDocument(versionId: string): string | null {
    return this.statements.versionDocument.get(versionId)?.document ?? null;
  }

  /** Saves the draft if it is still at baseRevision; false when it moved on (or there is none). */
  saveDraft(input: { flowId: string; baseRevision: number; document: string; contentHash: string; now: number }): boolean {
    return this.db
      .transaction(() => {
        const saved = this.statements.casDraft.run(input.document, input.contentHash, input.now, input.flowId, input.baseRevision).changes === 1;
        if (saved) this.statements.touchFlow.run(input.now, input.flowId);
        return saved;
      })
      .immediate();
  }

  /** Replaces the draft whatever its revision (import with overwrite), renaming the flow. */
  overwriteDraft(input: { flowId: string; name: string; document: string; contentHash: string; now: number }): void {
    const { flowId, name, document, contentHash, now } = input;
    this.db
      .transaction(() => {
        this.statements.overwriteDraft.run(flowId, document, contentHash, now, document, contentHash, now);
        this.statements.renameAndTouchFlow.run(name, now, flowId);
      })
      .immediate();
  }

  /** Stores the next immutable version and makes it the one customers talk to. */
  publishVersion(input: { flowId: string; document: string; sourceHash: string; now: number }): { id: string; version: number } {
    return this.db
      .transaction(() => {
        const version = (this.statements.latestVersion.get(input.flowId)?.version ?? 0) + 1;
        const id = randomUUID();
        this.statements.insertVersion.run(id, input.flowId, version, input.document, input.sourceHash, input.now);
        this.statements.publish.run(id, input.now, input.flowId);
        return { id, version };
      })
      .immediate();
  }
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "SQLITE_CONSTRAINT_UNIQUE";
}

/** The store on the current connection (tests switch databases). */
export const getDocumentStore = perConnection((db) => new DocumentStore(db));
