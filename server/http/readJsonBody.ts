// Reads a JSON request body with a byte limit (checked on Content-Length first,
// then on the bytes actually received) and validates it with a zod schema,
// naming the offending field in the 400 message.
import type { z } from "zod";
import { formatPath } from "../../flows/schema/flowDocument";
import { PayloadTooLargeError } from "../errors";
import { ApiError } from "./apiError";

/** A request body as the routes see it, whatever the transport. */
export interface RequestBody {
  /** The Content-Length header, when the client sent one. */
  declaredBytes: number | null;
  /** The body as UTF-8 text, or null as soon as it passes maxBytes. */
  readText(maxBytes: number): Promise<string | null>;
}

export async function readJsonBody<S extends z.ZodType>(body: RequestBody, schema: S, options: { maxBytes: number; optional?: boolean }): Promise<z.output<S>> {
  const text = await readBodyText(body, options.maxBytes);
  let value: unknown;
  if (!text.trim()) {
    if (!options.optional) throw new ApiError(400, "invalid_json", "The request body is empty; send a JSON object");
    value = {};
  } else {
    try {
      value = JSON.parse(text);
    } catch {
      throw new ApiError(400, "invalid_json", "The request body is not valid JSON");
    }
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new ApiError(400, "invalid_body", "The request body must be a JSON object");
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const details = parsed.error.issues.map((issue) => `${formatPath(issue.path) || "body"}: ${issue.message}`);
    throw new ApiError(400, "invalid_body", `Invalid request body: ${details.join("; ")}`);
  }
  return parsed.data;
}

/** The body as UTF-8 text, refusing (413) anything over maxBytes. */
export async function readBodyText(body: RequestBody, maxBytes: number): Promise<string> {
  if (body.declaredBytes !== null && body.declaredBytes > maxBytes) {
    throw new PayloadTooLargeError(`The request body is over ${maxBytes} bytes`);
  }
  const text = await body.readText(maxBytes);
  if (text === null) throw new PayloadTooLargeError(`The request body is over ${maxBytes} bytes`);
  return text;
}
