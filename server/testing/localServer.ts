// A real HTTP server on 127.0.0.1 (random port) for tests of the API-call path:
// it serves the demo API through the same route handlers Next serves, plus
// test endpoints (/slow, /big, /echo).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { demoAvailabilityRoute, demoBookingRoute, demoOrderRoute } from "../http/demoRoutes";

export interface LocalServer {
  origin: string;
  requests: { method: string; url: string }[];
  close(): Promise<void>;
}

export async function startLocalServer(): Promise<LocalServer> {
  const requests: LocalServer["requests"] = [];
  const server: Server = createServer((req, res) => {
    requests.push({ method: req.method ?? "GET", url: req.url ?? "/" });
    handle(req, res).catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", origin);
    if (url.pathname === "/slow") {
      await new Promise((resolve) => setTimeout(resolve, Number(url.searchParams.get("ms") ?? 2000)));
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ slow: true }));
      return;
    }
    if (url.pathname === "/big") {
      res.setHeader("content-type", "text/plain");
      res.end("x".repeat(2 * 1024 * 1024));
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    if (url.pathname === "/echo") {
      res.setHeader("content-type", "application/json");
      res.setHeader("x-echo", "yes");
      res.end(JSON.stringify({ method: req.method, headers: req.headers, body: body.toString("utf8") }));
      return;
    }
    const request = new Request(url, {
      method: req.method,
      headers: req.headers as Record<string, string>,
      ...(body.length ? { body } : {}),
    });
    const order = url.pathname.match(/^\/api\/demo\/orders\/([^/]+)$/);
    let response: Response;
    if (order) response = await demoOrderRoute(decodeURIComponent(order[1]));
    else if (url.pathname === "/api/demo/availability") response = await demoAvailabilityRoute(request);
    else if (url.pathname === "/api/demo/bookings" && req.method === "POST") response = await demoBookingRoute(request);
    else response = new Response(JSON.stringify({ error: { code: "not_found", message: "No such route" } }), { status: 404 });
    res.statusCode = response.status;
    response.headers.forEach((value, name) => res.setHeader(name, value));
    res.end(Buffer.from(await response.arrayBuffer()));
  }

  return {
    origin,
    requests,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
