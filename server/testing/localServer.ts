// A real HTTP server on 127.0.0.1 (random port) for tests: it serves the JSON
// APIs (/api/v1, /api/demo) with the same handler as the app's server, plus
// test endpoints for the API-call path (/slow, /big, /echo).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { isApiPath, serveApiRequest } from "../http/apiServer";

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
    if (url.pathname === "/echo") {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      res.setHeader("content-type", "application/json");
      res.setHeader("x-echo", "yes");
      res.end(JSON.stringify({ method: req.method, headers: req.headers, body: Buffer.concat(chunks).toString("utf8") }));
      return;
    }
    if (isApiPath(url.pathname)) return serveApiRequest(req, res);
    res.statusCode = 404;
    res.end("No such route");
  }

  return {
    origin,
    requests,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
