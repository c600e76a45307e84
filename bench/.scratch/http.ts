import { createServer } from "node:http";
import { createHttpPort } from "../../server/runtime/httpPort";
const server = createServer((q, r) => { r.writeHead(200, {"content-type":"application/json"}).end('{"a":1}'); });
await new Promise<void>((res) => server.listen(0, "127.0.0.1", res));
const port = (server.address() as any).port;
const http = createHttpPort({ selfOrigin: () => `http://127.0.0.1:${port}` });
const lat: number[] = [];
for (let i = 0; i < 2000; i++) { const t = performance.now(); await http.request({ method: "GET", url: "/x", headers: {}, timeoutMs: 5000 }); lat.push(performance.now() - t); }
lat.sort((a, b) => a - b);
console.log("port p50", lat[1000].toFixed(3), "p99", lat[1980].toFixed(3));
const lat2: number[] = [];
for (let i = 0; i < 2000; i++) { const t = performance.now(); const r = await fetch(`http://127.0.0.1:${port}/x`); await r.text(); lat2.push(performance.now() - t); }
lat2.sort((a, b) => a - b);
console.log("fetch p50", lat2[1000].toFixed(3), "p99", lat2[1980].toFixed(3));
server.close(); server.closeAllConnections();
