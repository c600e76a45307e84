// The Switchboard server: one HTTP listener. The JSON APIs (/api/v1, /api/demo)
// are answered by server/http/apiServer.ts; everything else (the designer's
// pages, tRPC, assets) by Next. Bundled to generated/server.mjs by
// `npm run build:server`; `npm start` and `npm run dev` run it.
//
//   node generated/server.mjs [--dev]    (PORT, HOST, DATABASE_URL from the environment)
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import next from "next";
import { preloadEnglishSenses } from "../flows/nlu/wordnetSenses";
import { startBackgroundWalCheckpoints } from "./db/walCheckpoints";
import { isApiPath, serveApiRequest } from "./http/apiServer";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";

// Benchmark-only (SWITCHBOARD_BENCH=1): a fixed body from this listener, the
// ceiling of the API path as /bench/ping is the ceiling of Next's route handlers.
const BENCH_PING = process.env.SWITCHBOARD_BENCH === "1" ? JSON.stringify({ status: "ok" }) : null;

async function main(): Promise<void> {
  // API-call nodes resolve paths like /api/demo/... against this server.
  process.env.SWITCHBOARD_SELF_ORIGIN ??= `http://127.0.0.1:${port}`;
  const app = next({ dev, dir: process.cwd(), hostname: host, port });
  const handleWithNext = app.getRequestHandler();
  await app.prepare();
  startBackgroundWalCheckpoints();
  preloadEnglishSenses();

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? "/";
    if (isApiPath(url)) {
      void serveApiRequest(req, res);
    } else if (BENCH_PING && url === "/bench/api-ping") {
      res.writeHead(200, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", "content-length": Buffer.byteLength(BENCH_PING) });
      res.end(BENCH_PING);
    } else {
      handleWithNext(req, res).catch((error: unknown) => {
        console.error("Unexpected error serving", url, error);
        if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
        res.end("Something went wrong on our side. Please try again.");
      });
    }
  });
  server.keepAliveTimeout = 65_000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, resolve);
  });
  console.log(`Switchboard ${dev ? "(development) " : ""}listening on http://${host === "0.0.0.0" ? "localhost" : host}:${port}`);

  const shutDown = (signal: NodeJS.Signals) => {
    console.log(`${signal}: closing`);
    server.close();
    server.closeAllConnections();
    void app.close().finally(() => process.exit(0));
  };
  process.once("SIGINT", shutDown);
  process.once("SIGTERM", shutDown);
}

main().catch((error: unknown) => {
  console.error("Switchboard could not start:", error);
  process.exit(1);
});
