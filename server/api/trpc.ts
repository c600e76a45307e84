// tRPC wiring, in one place:
// 1. the context each request gets,
// 2. initTRPC with the wire format (./transformer.ts; the client uses it too)
//    and an error formatter that flattens zod errors and exposes domain error
//    details (draft conflicts, document problems),
// 3. the procedures routers build on. Procedures stay thin: they validate
//    input with zod and call the services in server/flows and server/chat.
import { initTRPC, TRPCError, type TRPC_ERROR_CODE_KEY } from "@trpc/server";
import { z, ZodError } from "zod";
import { SessionClosedError } from "../../flows/engine/runTurn";
import { ConflictError, DraftConflictError, NotFoundError, PayloadTooLargeError, ValidationError } from "../errors";
import { wireTransformer } from "./transformer";

// 1. Context ------------------------------------------------------------------

export interface Context {
  /** Request headers (empty for server-side callers). Auth will read these. */
  headers: Headers;
}

export function createContext(options: { headers?: Headers } = {}): Context {
  return { headers: options.headers ?? new Headers() };
}

// 2. Initialisation and error formatting --------------------------------------

/** What the client finds in `error.data` besides tRPC's own fields. */
export interface DomainErrorData {
  /** Field errors when the input failed zod validation. */
  zodError: ReturnType<typeof z.flattenError> | null;
  /** Document problems (publish, import, test run) with their paths. */
  problems: { path: string; message: string; severity?: string; code?: string; nodeId?: string }[] | null;
  /** Set on CONFLICT from a stale draft save. */
  conflict: { currentRevision: number; currentDocument: unknown } | null;
}

const t = initTRPC.context<Context>().create({
  transformer: wireTransformer,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    const data: DomainErrorData = {
      zodError: cause instanceof ZodError ? z.flattenError(cause) : null,
      problems: cause instanceof ValidationError ? cause.problems : null,
      conflict: cause instanceof DraftConflictError ? { currentRevision: cause.currentRevision, currentDocument: cause.currentDocument } : null,
    };
    return { ...shape, data: { ...shape.data, ...data } };
  },
});

/** Turns a domain error thrown by a service into the matching tRPC error (the original stays as `cause`). */
function toTRPCError(error: unknown): TRPCError | null {
  const code: TRPC_ERROR_CODE_KEY | null =
    error instanceof NotFoundError
      ? "NOT_FOUND"
      : error instanceof ConflictError || error instanceof SessionClosedError
        ? "CONFLICT"
        : error instanceof ValidationError
          ? "BAD_REQUEST"
          : error instanceof PayloadTooLargeError
            ? "PAYLOAD_TOO_LARGE"
            : null;
  if (!code || !(error instanceof Error)) return null;
  return new TRPCError({ code, message: error.message, cause: error });
}

const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const mapped = toTRPCError(result.error.cause);
    if (mapped) throw mapped;
  }
  return result;
});

// 3. Routers and procedures ----------------------------------------------------

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Open to anyone: the designer has no authentication yet. Put an auth check here when it does. */
export const publicProcedure = t.procedure.use(domainErrors);
