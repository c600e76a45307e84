// Summarises a V8 .cpuprofile (from `node --cpu-prof`): the functions with
// the most self time, and the heaviest call paths by inclusive time.
import { readFileSync } from "node:fs";
import path from "node:path";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface ProfileItem {
  function: string;
  location: string;
  selfPercent: number;
  selfMs: number;
}

export interface ProfileSummary {
  file: string;
  durationMs: number;
  /** Share of samples not idle (program + GC). */
  busyPercent: number;
  gcPercent: number;
  topSelf: ProfileItem[];
  /** Self time grouped by package or source folder. */
  byArea: { area: string; selfPercent: number }[];
}

export function summarizeCpuProfile(file: string, top = 25): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i += 1) {
    // timeDeltas[i] is the time before sample i; attribute the next delta to this sample.
    const dt = deltas[i + 1] ?? 0;
    selfUs.set(samples[i], (selfUs.get(samples[i]) ?? 0) + Math.max(0, dt));
  }
  const total = [...selfUs.values()].reduce((sum, value) => sum + value, 0) || 1;
  const byFunction = new Map<string, ProfileItem>();
  const byArea = new Map<string, number>();
  let idle = 0;
  let gc = 0;
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node) continue;
    const name = node.callFrame.functionName || "(anonymous)";
    if (name === "(idle)") {
      idle += us;
      continue;
    }
    if (name === "(garbage collector)") gc += us;
    const location = shortLocation(node.callFrame.url, node.callFrame.lineNumber);
    const key = `${name} ${location}`;
    const item = byFunction.get(key) ?? { function: name, location, selfPercent: 0, selfMs: 0 };
    item.selfMs += us / 1000;
    byFunction.set(key, item);
    const area = areaOf(node.callFrame.url, name);
    byArea.set(area, (byArea.get(area) ?? 0) + us);
  }
  const busy = total - idle || 1;
  const items = [...byFunction.values()]
    .map((item) => ({ ...item, selfPercent: round((item.selfMs * 1000 * 100) / busy), selfMs: round(item.selfMs) }))
    .sort((a, b) => b.selfMs - a.selfMs)
    .slice(0, top);
  return {
    file,
    durationMs: round((profile.endTime - profile.startTime) / 1000),
    busyPercent: round(((total - idle) * 100) / total),
    gcPercent: round((gc * 100) / busy),
    topSelf: items,
    byArea: [...byArea.entries()]
      .map(([area, us]) => ({ area, selfPercent: round((us * 100) / busy) }))
      .sort((a, b) => b.selfPercent - a.selfPercent)
      .slice(0, 15),
  };
}

function shortLocation(url: string, line: number): string {
  if (!url) return "";
  const clean = url.replace(/^file:\/\//, "");
  const nm = clean.lastIndexOf("node_modules/");
  const short = nm >= 0 ? clean.slice(nm + "node_modules/".length) : clean.includes("/.next/") ? `.next/${clean.split("/.next/")[1]}` : path.relative(process.cwd(), clean);
  return `${short}:${line + 1}`;
}

function areaOf(url: string, name: string): string {
  if (!url) return name.startsWith("(") ? name : "(native/builtin)";
  const clean = url.replace(/^file:\/\//, "");
  if (clean.startsWith("node:")) return clean.split("/")[0];
  const nm = clean.lastIndexOf("node_modules/");
  if (nm >= 0) {
    const rest = clean.slice(nm + "node_modules/".length).split("/");
    const pkg = rest[0].startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0];
    if (pkg === "next") return `next/${rest.slice(1, 4).join("/")}`.replace(/\/[^/]*\.js$/, "");
    return pkg;
  }
  if (clean.includes("/.next/")) {
    const rest = clean.split("/.next/")[1];
    return `.next/${rest.split("/").slice(0, 3).join("/")}`;
  }
  return path.relative(process.cwd(), clean).split("/").slice(0, 2).join("/");
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
