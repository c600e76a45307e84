// Domain errors. Services throw these; server/http/jsonError.ts maps them to
// REST statuses and server/api/trpc.ts to tRPC codes.
import type { DocumentProblem } from "../flows/schema/flowDocument";
export { SessionClosedError } from "../flows/engine/runTurn";

export type { DocumentProblem };

/** A flow, version or session that does not exist (or a flow with nothing published). */
export class NotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NotFoundError";
  }
}

/** The request clashes with the current state (duplicate slug, concurrent update). */
export class ConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConflictError";
  }
}

/** A draft save named a revision that is no longer current: another tab or person saved in between. */
export class DraftConflictError extends ConflictError {
  constructor(
    readonly currentRevision: number,
    /** The stored draft, parsed from its JSON text. */
    readonly currentDocument: unknown,
  ) {
    super(`The draft was changed elsewhere (now at revision ${currentRevision}); reload it or overwrite it`);
    this.name = "DraftConflictError";
  }
}

/** Input that cannot be used: a malformed request or an invalid flow document. `problems` say where. */
export class ValidationError extends Error {
  constructor(
    message: string,
    readonly problems: DocumentProblem[] = [],
  ) {
    super(problems.length ? `${message}:\n${problems.map((p) => `  ${p.path || "(document)"}: ${p.message}`).join("\n")}` : message);
    this.name = "ValidationError";
  }
}

/** A message or document over its size limit. */
export class PayloadTooLargeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PayloadTooLargeError";
  }
}
