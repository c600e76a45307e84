// Summarises a V8 .cpuprofile (from `node --cpu-prof`): the functions with the
// most self time and the share per source folder or package. Frames in Next's
// bundled chunks (.next/server/chunks/*.js) are mapped back to their original
// files through the chunks' source maps, so app code shows as server/chat/...,
// flows/nlu/... and packages as node_modules/<name>. Optionally only the samples
// in a time window (e.g. the load, not the server's start-up) are counted.
import { existsSync, readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import path from "node:path";
import { ROOT } from "./server";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
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
  /** Length of the window counted (ms). */
  durationMs: number;
  /** Share of samples not idle. */
  busyPercent: number;
  gcPercent: number;
  topSelf: ProfileItem[];
  /** Self time per source folder (app code) or package. */
  byArea: { area: string; selfPercent: number }[];
}

export interface ProfileWindow {
  /** Count samples from this many ms before the profile's end... */
  startMsBeforeEnd: number;
  /** ...to this many ms before its end. */
  endMsBeforeEnd: number;
}

export function summarizeCpuProfile(file: string, top = 25, window?: ProfileWindow): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const from = window ? profile.endTime - window.startMsBeforeEnd * 1000 : Number.NEGATIVE_INFINITY;
  const to = window ? profile.endTime - window.endMsBeforeEnd * 1000 : Number.POSITIVE_INFINITY;
  const selfUs = new Map<number, number>();
  let time = profile.startTime;
  for (let i = 0; i < samples.length; i += 1) {
    time += deltas[i] ?? 0;
    if (time < from || time > to) continue;
    const dt = Math.max(0, deltas[i + 1] ?? 0);
    selfUs.set(samples[i], (selfUs.get(samples[i]) ?? 0) + dt);
  }
  const total = [...selfUs.values()].reduce((sum, value) => sum + value, 0) || 1;
  const resolver = new FrameResolver();
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
    const { file: source, line } = resolver.resolve(node.callFrame);
    const location = source ? `${source}:${line}` : "";
    const key = `${name} ${location}`;
    const item = byFunction.get(key) ?? { function: name, location, selfPercent: 0, selfMs: 0 };
    item.selfMs += us / 1000;
    byFunction.set(key, item);
    const area = areaOf(source, name);
    byArea.set(area, (byArea.get(area) ?? 0) + us);
  }
  const busy = total - idle || 1;
  return {
    file: path.relative(ROOT, file),
    durationMs: round(window ? window.startMsBeforeEnd - window.endMsBeforeEnd : (profile.endTime - profile.startTime) / 1000),
    busyPercent: round(((total - idle) * 100) / total),
    gcPercent: round((gc * 100) / busy),
    topSelf: [...byFunction.values()]
      .map((item) => ({ ...item, selfPercent: round((item.selfMs * 1000 * 100) / busy), selfMs: round(item.selfMs) }))
      .sort((a, b) => b.selfMs - a.selfMs)
      .slice(0, top),
    byArea: [...byArea.entries()]
      .map(([area, us]) => ({ area, selfPercent: round((us * 100) / busy) }))
      .sort((a, b) => b.selfPercent - a.selfPercent)
      .slice(0, 20),
  };
}

/** Maps a call frame to a repo-relative source file (through source maps for bundled chunks). */
class FrameResolver {
  private readonly maps = new Map<string, SourceMap | null>();

  resolve(frame: ProfileNode["callFrame"]): { file: string; line: number } {
    const url = frame.url.replace(/^file:\/\//, "");
    if (!url) return { file: "", line: 0 };
    if (url.startsWith("node:")) return { file: url, line: frame.lineNumber + 1 };
    const map = this.mapFor(url);
    if (map) {
      const entry = map.findEntry(frame.lineNumber, frame.columnNumber) as { originalSource?: string; originalLine?: number };
      if (entry.originalSource) {
        const original = path.resolve(path.dirname(url), entry.originalSource);
        return { file: tidy(original), line: (entry.originalLine ?? 0) + 1 };
      }
    }
    return { file: tidy(url), line: frame.lineNumber + 1 };
  }

  private mapFor(url: string): SourceMap | null {
    if (!url.includes("/.next/")) return null;
    if (!this.maps.has(url)) {
      let map: SourceMap | null = null;
      try {
        if (existsSync(`${url}.map`)) map = new SourceMap(JSON.parse(readFileSync(`${url}.map`, "utf8")));
      } catch {
        map = null;
      }
      this.maps.set(url, map);
    }
    return this.maps.get(url) ?? null;
  }
}

function tidy(file: string): string {
  const nm = file.lastIndexOf("node_modules/");
  if (nm >= 0) return file.slice(nm);
  const snapshot = file.indexOf("bench/.app-snapshot/");
  if (snapshot >= 0) return file.slice(snapshot + "bench/.app-snapshot/".length);
  return path.relative(ROOT, file);
}

function areaOf(source: string, name: string): string {
  if (!source) return name.startsWith("(") ? name : "(native / V8 builtins)";
  if (source.startsWith("node:")) return `node: ${source.slice(5).split("/").slice(0, 2).join("/")}`;
  if (source.startsWith("node_modules/")) {
    const parts = source.slice("node_modules/".length).split("/");
    const pkg = parts[0].startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0];
    if (pkg === "next") return `next (${parts.slice(1, 3).join("/").replace(/\.js$/, "")})`;
    return pkg;
  }
  return source.split("/").slice(0, 2).join("/");
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
