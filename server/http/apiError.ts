// The REST API's error handling, in one place: every route handler runs inside
// `handleApi`, which turns domain errors into `{ "error": { "code", "message" } }`
// with the right status, and anything unexpected into a logged, generic 500
// (never a stack trace).
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

export interface ErrorBody {
  error: { code: string; message: string; problems?: { path: string; message: string }[] };
}

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers },
  });
}

export function errorResponse(status: number, code: string, message: string, problems?: ErrorBody["error"]["problems"]): Response {
  const body: ErrorBody = { error: { code, message, ...(problems?.length ? { problems } : {}) } };
  return jsonResponse(body, status);
}

/** Maps any thrown value to an error response. */
export function toErrorResponse(error: unknown): Response {
  if (error instanceof ApiError) return errorResponse(error.status, error.code, error.message);
  if (error instanceof ValidationError) {
    return errorResponse(400, "invalid_request", error.message, error.problems.map(({ path, message }) => ({ path, message })));
  }
  if (error instanceof NotFoundError) return errorResponse(404, "not_found", error.message);
  if (error instanceof SessionClosedError) return errorResponse(409, error.status === "handoff" ? "session_handed_off" : "session_ended", error.message);
  if (error instanceof ConflictError) return errorResponse(409, "conflict", error.message);
  if (error instanceof PayloadTooLargeError) return errorResponse(413, "payload_too_large", error.message);
  console.error("Unexpected error in API route:", error);
  return errorResponse(500, "internal_error", "Something went wrong on our side. Please try again.");
}

/** Runs a route handler body, turning thrown errors into JSON error responses. */
export async function handleApi(handler: () => Promise<Response>): Promise<Response> {
  try {
    return await handler();
  } catch (error) {
    return toErrorResponse(error);
  }
}
