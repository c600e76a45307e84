// The REST API's replies and error handling, in one place: every route runs
// inside `handleApi`, which turns domain errors into
// `{ "error": { "code", "message" } }` with the right status, and anything
// unexpected into a logged, generic 500 (never a stack trace).
import { SessionClosedError } from "../../flows/engine/runTurn";
import { ConflictError, NotFoundError, PayloadTooLargeError, ValidationError } from "../errors";

/** An error with an HTTP status and a stable code, thrown by request parsing. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** What a route answers: a status and a JSON body (the transport writes it). */
export interface ApiReply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface ErrorBody {
  error: { code: string; message: string; problems?: { path: string; message: string }[] };
}

export function jsonReply(body: unknown, status = 200): ApiReply {
  return { status, body };
}

export function errorReply(status: number, code: string, message: string, problems?: ErrorBody["error"]["problems"]): ApiReply {
  const body: ErrorBody = { error: { code, message, ...(problems?.length ? { problems } : {}) } };
  return { status, body };
}

/** Maps any thrown value to an error reply. */
export function toErrorReply(error: unknown): ApiReply {
  if (error instanceof ApiError) return errorReply(error.status, error.code, error.message);
  if (error instanceof ValidationError) {
    return errorReply(400, "invalid_request", error.message, error.problems.map(({ path, message }) => ({ path, message })));
  }
  if (error instanceof NotFoundError) return errorReply(404, "not_found", error.message);
  if (error instanceof SessionClosedError) return errorReply(409, error.status === "handoff" ? "session_handed_off" : "session_ended", error.message);
  if (error instanceof ConflictError) return errorReply(409, "conflict", error.message);
  if (error instanceof PayloadTooLargeError) return errorReply(413, "payload_too_large", error.message);
  console.error("Unexpected error in API route:", error);
  return errorReply(500, "internal_error", "Something went wrong on our side. Please try again.");
}

/** Runs a route body, turning thrown errors into JSON error replies. */
export async function handleApi(handler: () => ApiReply | Promise<ApiReply>): Promise<ApiReply> {
  try {
    return await handler();
  } catch (error) {
    return toErrorReply(error);
  }
}
