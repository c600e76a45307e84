// Flows: CRUD, drafts with optimistic concurrency, publishing immutable
// versions, import and export. tRPC procedures and scripts call these. Small
// rows go through Prisma; flow documents through documentStore.ts (raw SQLite),
// so that writing a big one never stalls chat turns.
import { createHash } from "node:crypto";
import { getPrisma } from "../db/prisma";
import { rememberPublishedFlow } from "../chat/publishedFlows";
import { ConflictError, DraftConflictError, NotFoundError, PayloadTooLargeError, ValidationError } from "../errors";
import { checkFlowDocumentInBackground } from "../runtime/background";
import { getDocumentStore } from "./documentStore";
import type { FlowProblem } from "./flowProblems";
import { BLANK_TEMPLATE_ID, templateDocument } from "./templates";

/** Drafts larger than this are refused (a flow with thousands of nodes stays well under it). */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

export interface FlowSummary {
  id: string;
  slug: string;
  name: string;
  updatedAt: Date;
  draftRevision: number;
  publishedVersion: number | null;
  hasUnpublishedChanges: boolean;
}

export interface FlowDetail {
  id: string;
  slug: string;
  name: string;
  /**
   * The draft exactly as saved (may be invalid), as JSON text: the editor parses
   * it in the browser, where the server would otherwise parse it and walk it
   * again to send it (tens of ms of its main thread for a 1,000-node flow).
   */
  documentJson: string | null;
  revision: number;
  publishedVersion: number | null;
  updatedAt: Date;
  versions: { version: number; publishedAt: Date }[];
}

export async function listFlows(): Promise<FlowSummary[]> {
  const flows = await getPrisma().flow.findMany({
    orderBy: { updatedAt: "desc" },
    select: {
      id: true,
      slug: true,
      name: true,
      updatedAt: true,
      draft: { select: { revision: true, contentHash: true } },
      publishedVersion: { select: { version: true, sourceHash: true } },
    },
  });
  return flows.map((flow) => ({
    id: flow.id,
    slug: flow.slug,
    name: flow.name,
    updatedAt: flow.updatedAt,
    draftRevision: flow.draft?.revision ?? 0,
    publishedVersion: flow.publishedVersion?.version ?? null,
    hasUnpublishedChanges: !flow.publishedVersion || flow.publishedVersion.sourceHash !== flow.draft?.contentHash,
  }));
}

export async function getFlow(id: string): Promise<FlowDetail> {
  const flow = await getPrisma().flow.findUnique({
    where: { id },
    include: {
      publishedVersion: { select: { version: true } },
      versions: { select: { version: true, publishedAt: true }, orderBy: { version: "desc" } },
    },
  });
  if (!flow) throw new NotFoundError(`Flow ${id} does not exist`);
  const draft = getDocumentStore().findDraft(id);
  return {
    id: flow.id,
    slug: flow.slug,
    name: flow.name,
    documentJson: draft?.document ?? null,
    revision: draft?.revision ?? 0,
    publishedVersion: flow.publishedVersion?.version ?? null,
    updatedAt: flow.updatedAt,
    versions: flow.versions,
  };
}

/** Creates a flow from a template ("blank" or an example's slug); returns its id and slug. */
export async function createFlow(input: { name: string; slug?: string; template?: string }): Promise<{ id: string; slug: string }> {
  const name = cleanName(input.name);
  const document = templateDocument(input.template ?? BLANK_TEMPLATE_ID, name);
  return insertFlow(name, input.slug, document);
}

export async function renameFlow(input: { id: string; name: string }): Promise<void> {
  const name = cleanName(input.name);
  const updated = await getPrisma().flow.updateMany({ where: { id: input.id }, data: { name } });
  if (updated.count === 0) throw new NotFoundError(`Flow ${input.id} does not exist`);
}

/** Copies a flow's draft into a new, unpublished flow. */
export async function duplicateFlow(id: string): Promise<{ id: string; slug: string }> {
  const flow = await getPrisma().flow.findUnique({ where: { id }, select: { name: true } });
  if (!flow) throw new NotFoundError(`Flow ${id} does not exist`);
  const draft = getDocumentStore().findDraft(id);
  const document: unknown = draft ? JSON.parse(draft.document) : null;
  return insertFlow(`Copy of ${flow.name}`.slice(0, 200), undefined, document);
}

/** Deletes a flow with its versions, sessions and transcripts. */
export async function deleteFlow(id: string): Promise<void> {
  const deleted = await getPrisma().flow.deleteMany({ where: { id } });
  if (deleted.count === 0) throw new NotFoundError(`Flow ${id} does not exist`);
}

/**
 * Saves the draft, whatever it contains (nothing staff wrote is lost), if
 * `baseRevision` is still current; otherwise throws DraftConflictError with the
 * stored draft so the designer can show what changed.
 */
export async function saveDraft(input: { flowId: string; document: unknown; baseRevision: number }): Promise<{ revision: number; updatedAt: Date }> {
  const text = serializeDocument(input.document);
  const now = Date.now();
  const store = getDocumentStore();
  if (!store.saveDraft({ flowId: input.flowId, baseRevision: input.baseRevision, document: text, contentHash: hashText(text), now })) {
    const current = store.findDraft(input.flowId);
    if (!current) throw new NotFoundError(`Flow ${input.flowId} does not exist`);
    throw new DraftConflictError(current.revision, JSON.parse(current.document));
  }
  return { revision: input.baseRevision + 1, updatedAt: new Date(now) };
}

/**
 * Publishes the draft as a new immutable version, refusing (ValidationError
 * with every problem) when it has errors. Publishing an unchanged draft again
 * returns the current version.
 */
export async function publishFlow(flowId: string): Promise<{ version: number; flowVersionId: string; warnings: FlowProblem[] }> {
  const flow = await getPrisma().flow.findUnique({ where: { id: flowId }, select: { name: true, publishedVersion: { select: { id: true, version: true, sourceHash: true } } } });
  const draft = flow ? getDocumentStore().findDraft(flowId) : null;
  if (!flow || !draft) throw new NotFoundError(`Flow ${flowId} does not exist`);
  const checked = await checkFlowDocumentInBackground(JSON.parse(draft.document));
  if (!checked.ok) throw new ValidationError(`"${flow.name}" cannot be published`, checked.errors);
  if (flow.publishedVersion && flow.publishedVersion.sourceHash === draft.contentHash) {
    return { version: flow.publishedVersion.version, flowVersionId: flow.publishedVersion.id, warnings: checked.warnings };
  }
  const created = getDocumentStore().publishVersion({ flowId, document: JSON.stringify(checked.document), sourceHash: draft.contentHash, now: Date.now() });
  rememberPublishedFlow(created.id, flowId, created.version, checked.document);
  return { version: created.version, flowVersionId: created.id, warnings: checked.warnings };
}

export interface ImportOptions {
  slug?: string;
  name?: string;
  publish?: boolean;
  /** When a flow with `slug` exists, replace its draft (a new revision) instead of refusing. */
  overwrite?: boolean;
}

/**
 * Imports a flow document (from a file or the designer), refusing with every
 * problem and its path when it is invalid. Creates a flow, or with `overwrite`
 * updates the one with `slug`; publishes it when asked.
 */
export async function importFlow(
  document: unknown,
  options: ImportOptions = {},
): Promise<{ id: string; slug: string; created: boolean; version: number | null; warnings: FlowProblem[] }> {
  const checked = await checkFlowDocumentInBackground(document);
  if (!checked.ok) throw new ValidationError("The flow document has problems", checked.errors);
  const name = cleanName(options.name ?? checked.document.name);
  const stored = options.name && isRecord(document) ? { ...document, name } : document;
  const existing = options.slug ? await getPrisma().flow.findUnique({ where: { slug: options.slug }, select: { id: true, slug: true } }) : null;
  let target: { id: string; slug: string };
  let created = false;
  if (existing && options.overwrite) {
    const text = serializeDocument(stored);
    getDocumentStore().overwriteDraft({ flowId: existing.id, name, document: text, contentHash: hashText(text), now: Date.now() });
    target = { id: existing.id, slug: existing.slug };
  } else {
    target = await insertFlow(name, options.slug, stored);
    created = true;
  }
  const version = options.publish ? (await publishFlow(target.id)).version : null;
  return { ...target, created, version, warnings: checked.warnings };
}

/** The flow's draft document (or, with `published`, its published version), by slug or id. */
export async function exportFlow(slugOrId: string, options: { published?: boolean } = {}): Promise<unknown> {
  const flow = await getPrisma().flow.findFirst({
    where: { OR: [{ slug: slugOrId }, { id: slugOrId }] },
    select: { id: true, slug: true, publishedVersionId: true },
  });
  if (!flow) throw new NotFoundError(`There is no flow "${slugOrId}"`);
  if (options.published) {
    const published = flow.publishedVersionId ? getDocumentStore().findVersionDocument(flow.publishedVersionId) : null;
    if (published === null) throw new NotFoundError(`Flow "${flow.slug}" has not been published`);
    return JSON.parse(published);
  }
  const draft = getDocumentStore().findDraft(flow.id);
  if (!draft) throw new NotFoundError(`Flow "${flow.slug}" has no draft`);
  return JSON.parse(draft.document);
}

/** The raw draft of a flow (the designer's test chat runs it when no unsaved document is given). */
export async function getDraftDocument(flowId: string): Promise<unknown> {
  const draft = getDocumentStore().findDraft(flowId);
  if (!draft) throw new NotFoundError(`Flow ${flowId} does not exist`);
  return JSON.parse(draft.document);
}

/** sha256 of a document's stored text (drafts and versions compare by it). */
export function hashText(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** How documents are stored: pretty JSON (diffable, and what export prints). */
export function serializeDocument(document: unknown): string {
  const text = JSON.stringify(document ?? null, null, 2);
  if (Buffer.byteLength(text) > MAX_DOCUMENT_BYTES) {
    throw new PayloadTooLargeError(`The flow document is over ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB`);
  }
  return text;
}

export function slugify(name: string): string {
  const slug = name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48)
    .replace(/-+$/, "");
  return slug || "flow";
}

async function insertFlow(name: string, requestedSlug: string | undefined, document: unknown): Promise<{ id: string; slug: string }> {
  const prisma = getPrisma();
  const text = serializeDocument(document);
  let slug: string;
  if (requestedSlug !== undefined) {
    if (!SLUG_PATTERN.test(requestedSlug)) {
      throw new ValidationError("Invalid slug", [{ path: "slug", message: "Use lowercase letters, digits and - (at most 64), e.g. order-status" }]);
    }
    if (await prisma.flow.findUnique({ where: { slug: requestedSlug }, select: { id: true } })) {
      throw new ConflictError(`A flow with slug "${requestedSlug}" already exists`);
    }
    slug = requestedSlug;
  } else {
    slug = await uniqueSlug(slugify(name));
  }
  return getDocumentStore().insertFlow({ slug, name, document: text, contentHash: hashText(text), now: Date.now() });
}

async function uniqueSlug(base: string): Promise<string> {
  const taken = new Set(
    (await getPrisma().flow.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((flow) => flow.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

function cleanName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) throw new ValidationError("Invalid name", [{ path: "name", message: "The flow name is empty" }]);
  if (trimmed.length > 200) throw new ValidationError("Invalid name", [{ path: "name", message: "The flow name is over 200 characters" }]);
  return trimmed;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
