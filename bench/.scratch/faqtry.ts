import { readFileSync } from "node:fs";
import { loadFlowDocument } from "/work/main/flows/schema/flowDocument";
import { runTurn } from "/work/main/flows/engine/runTurn";
import { createNluPort } from "/work/main/server/runtime/nluPort";
const flow = loadFlowDocument(JSON.parse(readFileSync("bench/flows/faq.json","utf8")));
const msgs: string[] = JSON.parse(readFileSync("bench/flows/faq.messages.json","utf8")).messages;
const ports = { http: { request: async () => { throw new Error("no"); } }, nlu: createNluPort(), clock: { now: () => Date.now() }, random: Math.random, secret: () => undefined };
let r = await runTurn(flow, null, { type: "start" }, ports, { modelKeyPrefix: "v1" });
console.log(r.status, r.messages.map(m=>m.text));
for (const m of msgs) { r = await runTurn(flow, r.state, { type: "text", text: m }, ports, { modelKeyPrefix: "v1" }); console.log(r.status, JSON.stringify(m), "->", r.trace.find(t=>t.nodeType==="intent")?.output, r.messages.map(x=>x.text.slice(0,30))); if (r.status!=="active") break; }
