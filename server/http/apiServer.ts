// Serves the JSON APIs (/api/v1: the public chat API; /api/demo: the demo
// orders and bookings) straight from node:http. They carry the customers'
// traffic, so they skip the page framework: a chat turn then costs the turn,
// not the framework's per-request work (see BENCHMARKS.md, section 2).
// server/main.ts sends every other path to Next.
import type { IncomingMessage, ServerResponse } from "node:http";
import { errorReply, toErrorReply, type ApiReply } from "./apiError";
import { createArrivalQueue } from "./arrivalQueue";
import { getSessionRoute, postMessageRoute, startSessionRoute } from "./chatRoutes";
import { demoAvailabilityRoute, demoBookingRoute, demoOrderRoute } from "./demoRoutes";
import { healthRoute } from "./healthRoute";
import type { RequestBody } from "./readJsonBody";

interface ApiRequest {
  params: string[];
  query: URLSearchParams;
  body: RequestBody;
}

interface Route {
  method: "GET" | "POST";
  /** Capture groups become `params`, URL-decoded. */
  path: RegExp;
  handle(request: ApiRequest): Promise<ApiReply>;
}

const ROUTES: Route[] = [
  { method: "POST", path: /^\/api\/v1\/flows\/([^/]+)\/sessions$/, handle: ({ body, params }) => startSessionRoute(body, params[0]) },
  { method: "POST", path: /^\/api\/v1\/sessions\/([^/]+)\/messages$/, handle: ({ body, params }) => postMessageRoute(body, params[0]) },
  { method: "GET", path: /^\/api\/v1\/sessions\/([^/]+)$/, handle: ({ params }) => getSessionRoute(params[0]) },
  { method: "GET", path: /^\/api\/v1\/health$/, handle: () => healthRoute() },
  { method: "GET", path: /^\/api\/demo\/orders\/([^/]+)$/, handle: ({ params }) => demoOrderRoute(params[0]) },
  { method: "GET", path: /^\/api\/demo\/availability$/, handle: ({ query }) => demoAvailabilityRoute(query) },
  { method: "POST", path: /^\/api\/demo\/bookings$/, handle: ({ body }) => demoBookingRoute(body) },
];

/** True for the paths this module answers (every other path belongs to Next). */
export function isApiPath(url: string): boolean {
  return url.startsWith("/api/v1/") || url.startsWith("/api/demo/");
}

const arrivals = createArrivalQueue();

/** Answers one API request, in arrival order. Never throws: failures become JSON error replies. */
export async function serveApiRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = nodeRequestBody(req);
  await arrivals.take();
  let reply: ApiReply;
  try {
    reply = await routeRequest(req.method ?? "GET", req.url ?? "/", body);
  } catch (error) {
    reply = toErrorReply(error);
  }
  writeReply(res, reply, body.complete());
}

async function routeRequest(method: string, url: string, body: NodeRequestBody): Promise<ApiReply> {
  const queryStart = url.indexOf("?");
  const pathname = queryStart === -1 ? url : url.slice(0, queryStart);
  const query = new URLSearchParams(queryStart === -1 ? "" : url.slice(queryStart + 1));
  const allowed: string[] = [];
  for (const route of ROUTES) {
    const match = route.path.exec(pathname);
    if (!match) continue;
    if (route.method !== method) {
      allowed.push(route.method);
      continue;
    }
    const params = match.slice(1).map(decodePathSegment);
    if (params.some((param) => param === null)) return errorReply(400, "invalid_path", `The path ${pathname} is not valid URL encoding`);
    return route.handle({ params: params as string[], query, body });
  }
  if (allowed.length) return { ...errorReply(405, "method_not_allowed", `${method} is not allowed on ${pathname}; use ${allowed.join(" or ")}`), headers: { allow: allowed.join(", ") } };
  return errorReply(404, "not_found", `There is no API at ${method} ${pathname}`);
}

function decodePathSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

interface NodeRequestBody extends RequestBody {
  /** False when a body was sent but not read to its end (refused as too large, or never needed). */
  complete(): boolean;
}

function nodeRequestBody(req: IncomingMessage): NodeRequestBody {
  const declared = req.headers["content-length"];
  const hasBody = declared === undefined ? req.headers["transfer-encoding"] !== undefined : declared !== "0";
  let ended = false;
  return {
    declaredBytes: declared === undefined ? null : Number(declared),
    complete: () => ended || !hasBody,
    readText(maxBytes) {
      return new Promise((resolve, reject) => {
        const chunks: Buffer[] = [];
        let total = 0;
        const onData = (chunk: Buffer) => {
          total += chunk.length;
          if (total > maxBytes) {
            cleanUp();
            resolve(null);
            return;
          }
          chunks.push(chunk);
        };
        const onEnd = () => {
          ended = true;
          cleanUp();
          resolve(Buffer.concat(chunks, total).toString("utf8"));
        };
        const onError = (error: Error) => {
          cleanUp();
          reject(error);
        };
        const cleanUp = () => {
          req.off("data", onData);
          req.off("end", onEnd);
          req.off("error", onError);
        };
        req.on("data", onData);
        req.on("end", onEnd);
        req.on("error", onError);
      });
    },
  };
}

function writeReply(res: ServerResponse, reply: ApiReply, bodyWasRead: boolean): void {
  if (res.headersSent || res.destroyed) return;
  const payload = JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
    "content-length": Buffer.byteLength(payload),
    // A body left unread (e.g. refused as too large): close the connection rather than drain it.
    ...(bodyWasRead ? {} : { connection: "close" }),
    ...reply.headers,
  });
  res.end(payload);
}
