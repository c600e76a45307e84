// Prints bench/results/latest.json as the Markdown tables used in BENCHMARKS.md:
//   npx tsx bench/markdown.ts
import { readFileSync } from "node:fs";
import path from "node:path";
import { formatValue, type SectionResult } from "./lib/report";

const file = path.resolve(import.meta.dirname, "results/latest.json");
const latest = JSON.parse(readFileSync(file, "utf8")) as {
  updatedAt: string;
  machine: Record<string, unknown>;
  warnings: string[];
  sections: Record<string, (SectionResult & { measuredAt?: string; loadavgAtStart?: number[] }) | { section: string; error: string; measuredAt?: string }>;
};
const order = ["engine", "chat", "persistence", "nlu", "nluRetrain", "editor", "memory", "profile"];
console.log(`Machine: ${latest.machine.cpuModel}, ${latest.machine.nproc} cores, ${latest.machine.memoryGb} GB RAM, Node ${latest.machine.node}.\n`);
for (const key of order) {
  const section = latest.sections[key];
  if (!section) continue;
  const when = section.measuredAt ? section.measuredAt.replace("T", " ").slice(0, 16) : "";
  const load = "loadavgAtStart" in section && section.loadavgAtStart ? `, load average at start ${section.loadavgAtStart.join(" / ")}` : "";
  console.log(`### ${section.section}\n\n_Measured ${when} UTC${load}._\n`);
  if ("error" in section) {
    console.log(`Not measured: ${section.error.split("\n")[0]}\n`);
    continue;
  }
  console.log("| Metric | Measured | Target | Met | Notes |\n|---|---:|---|---|---|");
  for (const row of section.rows) {
    const met = row.met === true ? "yes" : row.met === false ? "**no**" : "";
    console.log(`| ${row.metric} | ${formatValue(row.value)} ${row.unit} | ${row.target ?? ""} | ${met} | ${(row.note ?? "").replace(/\|/g, "/")} |`);
  }
  console.log("");
}
if (latest.warnings?.length) console.log(`Warnings during the run:\n${latest.warnings.map((w) => `- ${w}`).join("\n")}\n`);
