import { readdirSync } from "node:fs";
import { summarizeCpuProfile } from "../lib/cpuProfile";
const dir = process.argv[2];
for (const f of readdirSync(dir)) { const s = summarizeCpuProfile(`${dir}/${f}`, 30); console.log(f, s.durationMs, "busy", s.busyPercent, "gc", s.gcPercent); console.table(s.topSelf); console.table(s.byArea); }
