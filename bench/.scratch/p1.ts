import { PrismaClient } from "../../generated/prisma/client";
import { prismaAdapter } from "../../server/db/prismaAdapter";
import Database from "better-sqlite3";
import { readFileSync, readdirSync, mkdtempSync } from "node:fs";
import { CONNECTION_PRAGMAS } from "../../server/db/databaseConfig";
const dir = mkdtempSync("/tmp/bt/p1-");
const file = `${dir}/p.db`;
const db = new Database(file); for (const p of CONNECTION_PRAGMAS) db.pragma(p);
for (const n of readdirSync("prisma/migrations").filter(e=>/^\d/.test(e))) db.exec(readFileSync(`prisma/migrations/${n}/migration.sql`,"utf8"));
db.close();
const c = new PrismaClient({ adapter: prismaAdapter(`file:${file}`) });
await c.$connect();
await c.flow.create({ data: { id: "f", slug: "s", name: "n" } });
await c.session.create({ data: { id: "s1", flowId: "f", state: "{}" } });
for (const label of ["findUnique", "tx-empty", "tx-2ops", "batch-tx"]) {
  const t = performance.now(); const N = 100;
  for (let i = 0; i < N; i++) {
    if (label === "findUnique") await c.session.findUnique({ where: { id: "s1" } });
    if (label === "tx-empty") await c.$transaction(async (tx) => { await tx.session.findUnique({ where: { id: "s1" } }); });
    if (label === "tx-2ops") await c.$transaction(async (tx) => { await tx.message.create({ data: { sessionId: "s1", seq: i + 1 + (label.length*1000), role: "bot", text: "x" } }); await tx.session.update({ where: { id: "s1" }, data: { lastMessageAt: new Date() } }); });
    if (label === "batch-tx") await c.$transaction([c.session.update({ where: { id: "s1" }, data: { lastMessageAt: new Date() } }), c.session.findUnique({ where: { id: "s1" } })]);
  }
  console.log(label, ((performance.now() - t) / N).toFixed(2), "ms/op");
}
await c.$disconnect();
