// The HTTP port API-call nodes (and the designer's "Send test request") use:
// fetch with a timeout, root-relative URLs resolved against the app's own
// origin (so flows can call the demo API at "/api/demo/..."), a response size
// cap, and http(s) only.
import { HttpTimeoutError, type HttpPort, type HttpRequest, type HttpResponse } from "../../flows/engine/types";
import { readStreamLimited } from "./readStreamLimited";

export const DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;

export interface HttpPortOptions {
  /** Origin root-relative URLs resolve against; default SWITCHBOARD_SELF_ORIGIN or http://127.0.0.1:$PORT (3000). */
  selfOrigin?: () => string;
  maxResponseBytes?: number;
  fetch?: typeof fetch;
}

/** The app's own origin, for root-relative URLs. */
export function defaultSelfOrigin(): string {
  return process.env.SWITCHBOARD_SELF_ORIGIN ?? `http://127.0.0.1:${process.env.PORT ?? "3000"}`;
}

/** Thrown for requests the port refuses or responses it cannot read; the message says why. */
export class HttpRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "HttpRequestError";
  }
}

export function createHttpPort(options: HttpPortOptions = {}): HttpPort {
  const selfOrigin = options.selfOrigin ?? defaultSelfOrigin;
  const maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const doFetch = options.fetch ?? fetch;

  return {
    async request(request: HttpRequest): Promise<HttpResponse> {
      const url = resolveUrl(request.url, selfOrigin());
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), request.timeoutMs);
      const startedAt = performance.now();
      try {
        const response = await doFetch(url, {
          method: request.method,
          headers: request.headers,
          body: request.method === "GET" || request.body === undefined ? undefined : request.body,
          signal: controller.signal,
          redirect: "follow",
        });
        const headers: Record<string, string> = {};
        response.headers.forEach((value, name) => {
          headers[name.toLowerCase()] = value;
        });
        const text = await readLimited(response, maxBytes, url);
        return { status: response.status, headers, body: parseBody(text, headers["content-type"]), durationMs: Math.round(performance.now() - startedAt) };
      } catch (error) {
        if (controller.signal.aborted) throw new HttpTimeoutError(url, request.timeoutMs);
        if (error instanceof HttpRequestError) throw error;
        throw new HttpRequestError(`Request to ${url} failed: ${describeFetchError(error)}`);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** Absolute http(s) URL for a request URL; "/path" resolves against the app's origin. */
export function resolveUrl(raw: string, selfOrigin: string): string {
  const trimmed = raw.trim();
  if (!trimmed) throw new HttpRequestError("The request URL is empty");
  let url: URL;
  try {
    url = trimmed.startsWith("/") && !trimmed.startsWith("//") ? new URL(trimmed, selfOrigin) : new URL(trimmed);
  } catch {
    throw new HttpRequestError(`"${raw}" is not a valid URL (use https://… or a path like /api/demo/orders/A1234567)`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new HttpRequestError(`Only http and https URLs can be called, not ${url.protocol.replace(/:$/, "")}:`);
  }
  return url.toString();
}

async function readLimited(response: Response, maxBytes: number, url: string): Promise<string> {
  const declared = Number(response.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    throw new HttpRequestError(`The response from ${url} is too large (${declared} bytes; the limit is ${maxBytes})`);
  }
  const text = await readStreamLimited(response.body, maxBytes);
  if (text === null) throw new HttpRequestError(`The response from ${url} is too large (over ${maxBytes} bytes)`);
  return text;
}

function parseBody(text: string, contentType: string | undefined): unknown {
  const looksJson = contentType ? /[/+]json\b/i.test(contentType) : /^\s*[[{]/.test(text);
  if (!looksJson || !text.trim()) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function describeFetchError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as Error & { cause?: unknown }).cause;
  if (cause instanceof Error) {
    const code = (cause as Error & { code?: string }).code;
    return code ? `${cause.message} (${code})` : cause.message;
  }
  return error.message;
}
