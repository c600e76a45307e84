// 5. Editor: open-to-interactive time and drag frame times for flows of 300,
// 1,000 and 2,000 nodes in the real editor page (/flows/{id}, the flow created
// through the app: tRPC flows.import), beside the bare React Flow page with the
// same nodes (/bench/canvas?n=N, the ceiling). Headless Debian Chromium through
// playwright-core, 1280x800, a fresh browser context (cold cache) per run.
//
// Definitions (also in BENCHMARKS.md):
// - rendered: the first animation frame (checked every frame from navigation
//   start) in which the canvas has React Flow nodes in the DOM, none of them
//   still hidden for measuring, and the viewport transform set (fitView done).
// - interactive: right after "rendered", the bench clicks the node nearest the
//   canvas centre; interactive is the moment (performance.now(), i.e. ms since
//   navigation start) that node gets React Flow's "selected" class. Both times
//   include loading the page, its scripts and (editor) the flow over tRPC.
// - drag frame times: 1 s after interactive, the bench presses that node and
//   moves the mouse by (4, 2) px per animation frame for 60 frames, then
//   releases; the deltas between consecutive requestAnimationFrame callbacks
//   during the drag are the frame times (p95 and max reported), and the node
//   must have moved.
import { existsSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";
import { editorFlow } from "../flows/synthetic";
import { atMost, type BenchOptions, type Row, type SectionResult } from "../lib/report";
import { sleep, startServer, trpcMutation, type StartedServer } from "../lib/server";
import { median, percentile, max } from "../lib/stats";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
const SIZES = [300, 1000, 2000];
const DRAG_FRAMES = 60;

interface Measurement {
  renderedMs: number;
  interactiveMs: number;
  renderedNodes: number;
  frameP95: number;
  frameMax: number;
  frameMean: number;
  frames: number;
  longFrames: number;
  moved: boolean;
}

const INIT_SCRIPT = `
(() => {
  const bench = (window.__bench = { renderedAt: 0, renderedNodes: 0, selectedAt: 0, frames: null });
  const check = () => {
    if (!bench.renderedAt) {
      const nodes = document.querySelectorAll('.react-flow__node');
      const viewport = document.querySelector('.react-flow__viewport');
      const transform = viewport ? viewport.style.transform : '';
      if (nodes.length > 0 && transform && transform !== 'translate(0px, 0px) scale(1)') {
        let hidden = false;
        for (const node of nodes) { if (node.style.visibility === 'hidden') { hidden = true; break; } }
        if (!hidden) { bench.renderedAt = performance.now(); bench.renderedNodes = nodes.length; }
      }
    }
    if (!bench.renderedAt) requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
  new MutationObserver((records) => {
    if (bench.selectedAt) return;
    for (const record of records) {
      const el = record.target;
      if (el instanceof Element && el.classList.contains('react-flow__node') && el.classList.contains('selected')) { bench.selectedAt = performance.now(); return; }
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['class'] });
})();
`;

export async function runEditorBench(options: BenchOptions): Promise<SectionResult> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}; install it with: apt-get update && apt-get install -y chromium`);
  }
  const server = await startServer();
  let browser: Browser | null = null;
  try {
    const editorIds = new Map<number, string>();
    for (const size of SIZES) {
      const { id } = await trpcMutation<{ id: string }>(server.baseUrl, "flows.import", { document: editorFlow(size) });
      editorIds.set(size, id);
    }
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
    const results: Record<string, { size: number; page: string; runs: Measurement[]; error?: string }> = {};
    for (const size of SIZES) {
      for (const kind of ["bare", "editor"] as const) {
        const url = kind === "bare" ? `${server.baseUrl}/bench/canvas?n=${size}` : `${server.baseUrl}/flows/${editorIds.get(size)}`;
        const key = `${kind}-${size}`;
        results[key] = { size, page: kind, runs: [] };
        try {
          await measureOnce(browser, url, size, true); // warm the server and its caches
          for (let run = 0; run < options.runs; run += 1) results[key].runs.push(await measureOnce(browser, url, size, false));
          const last = results[key].runs.at(-1)!;
          console.log(`  ${key}: interactive ${last.interactiveMs.toFixed(0)} ms, drag p95 ${last.frameP95.toFixed(1)} ms (${last.renderedNodes} nodes rendered)`);
        } catch (error) {
          results[key].error = error instanceof Error ? error.message : String(error);
          console.log(`  ${key}: failed: ${results[key].error}`);
        }
      }
    }
    const rows: Row[] = [];
    for (const size of SIZES) {
      for (const kind of ["editor", "bare"] as const) {
        const entry = results[`${kind}-${size}`];
        const label = `${kind === "editor" ? "editor /flows/{id}" : "bare canvas"} ${size.toLocaleString("en-US")} nodes`;
        if (entry.error || entry.runs.length === 0) {
          rows.push({ metric: `${label}: open-to-interactive`, value: null, unit: "", note: `failed: ${entry.error ?? "no runs"}`.slice(0, 200) });
          continue;
        }
        const interactive = median(entry.runs.map((run) => run.interactiveMs));
        const p95 = median(entry.runs.map((run) => run.frameP95));
        const interactiveTarget = kind === "editor" && size === 1000 ? { target: "<= 1,500 ms", met: atMost(interactive, 1500) } : {};
        // Targets are one (16.7 ms) and two (33.3 ms) 60 Hz frame intervals; requestAnimationFrame deltas of on-time
        // frames read 16.6-16.8 ms, so a target counts as met when p95 is within 5% of it.
        const frameLimit = kind === "editor" ? (size === 2000 ? 33 : size === 1000 ? 16.7 : null) : null;
        rows.push({
          metric: `${label}: open-to-interactive`,
          value: interactive,
          unit: "ms",
          ...interactiveTarget,
          note: `rendered at ${median(entry.runs.map((run) => run.renderedMs)).toFixed(0)} ms, ${median(entry.runs.map((run) => run.renderedNodes))} nodes in the DOM`,
        });
        rows.push({
          metric: `${label}: drag frame p95`,
          value: p95,
          unit: "ms",
          ...(frameLimit ? { target: `<= ${frameLimit} ms`, met: atMost(p95, frameLimit * 1.05) } : {}),
          note: `max ${median(entry.runs.map((run) => run.frameMax)).toFixed(1)} ms, mean ${median(entry.runs.map((run) => run.frameMean)).toFixed(1)} ms, long frames ${median(entry.runs.map((run) => run.longFrames))}${entry.runs.every((run) => run.moved) ? "" : "; NODE DID NOT MOVE"}`,
        });
      }
    }
    return { section: "5. Editor (headless Chromium, 1280x800)", rows, details: { results, editorIds: Object.fromEntries(editorIds) } };
  } finally {
    await browser?.close().catch(() => undefined);
    await server.stop();
  }
}

async function measureOnce(browser: Browser, url: string, size: number, warm: boolean): Promise<Measurement> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") pageErrors.push(message.text());
    });
    await page.addInitScript(INIT_SCRIPT);
    await page.goto(url, { waitUntil: "commit", timeout: 60_000 });
    try {
      await page.waitForFunction("window.__bench && window.__bench.renderedAt > 0", undefined, { timeout: 60_000, polling: "raf" });
    } catch (error) {
      const state = await page
        .evaluate<string>(`JSON.stringify({ title: document.title, nodes: document.querySelectorAll('.react-flow__node').length, body: document.body ? document.body.innerText.slice(0, 200) : '' })`)
        .catch(() => "unknown");
      throw new Error(`${error instanceof Error ? error.message.split("\n")[0] : error}; page: ${state}; errors: ${pageErrors.slice(0, 3).join(" | ")}`);
    }
    const target = await nodeNearCentre(page);
    await page.mouse.click(target.x, target.y);
    await page.waitForFunction("window.__bench.selectedAt > 0", undefined, { timeout: 30_000, polling: "raf" });
    const marks = await page.evaluate<{ renderedAt: number; selectedAt: number; renderedNodes: number }>(
      "({ renderedAt: window.__bench.renderedAt, selectedAt: window.__bench.selectedAt, renderedNodes: window.__bench.renderedNodes })",
    );
    if (warm) return { renderedMs: marks.renderedAt, interactiveMs: marks.selectedAt, renderedNodes: marks.renderedNodes, frameP95: 0, frameMax: 0, frameMean: 0, frames: 0, longFrames: 0, moved: true };
    await sleep(1000);
    const drag = await dragFrames(page, target.id);
    void size;
    return { renderedMs: marks.renderedAt, interactiveMs: marks.selectedAt, renderedNodes: marks.renderedNodes, ...drag };
  } finally {
    await context.close();
  }
}

// Page-side code is passed as strings: tsx compiles functions with esbuild's
// keepNames, and the injected __name() helper does not exist in the page.
async function nodeNearCentre(page: Page): Promise<{ x: number; y: number; id: string }> {
  return page.evaluate<{ x: number; y: number; id: string }>(`(() => {
    const pane = document.querySelector(".react-flow").getBoundingClientRect();
    const cx = pane.left + pane.width / 2;
    const cy = pane.top + pane.height / 2;
    let best = null;
    for (const node of document.querySelectorAll(".react-flow__node")) {
      const rect = node.getBoundingClientRect();
      if (rect.width < 2 || rect.height < 2) continue;
      const x = rect.left + rect.width / 2;
      const y = rect.top + Math.min(rect.height / 2, 6);
      const d = (x - cx) ** 2 + (y - cy) ** 2;
      if (!best || d < best.d) best = { x, y, id: node.dataset.id || "", d };
    }
    if (!best) throw new Error("no node to click");
    return { x: best.x, y: best.y, id: best.id };
  })()`);
}

const START_FRAME_RECORDER = `(() => {
  const state = { frames: [], longFrames: 0, running: true };
  window.__drag = state;
  const tick = (time) => { state.frames.push(time); if (state.running) requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  try {
    new PerformanceObserver((list) => { state.longFrames += list.getEntries().length; }).observe({ type: "long-animation-frame", buffered: false });
  } catch (error) {}
})()`;
const STOP_FRAME_RECORDER = `(() => { const state = window.__drag; state.running = false; return { frames: state.frames, longFrames: state.longFrames }; })()`;
const NEXT_FRAME = `new Promise((resolve) => requestAnimationFrame(() => resolve(null)))`;

async function dragFrames(page: Page, nodeId: string): Promise<Omit<Measurement, "renderedMs" | "interactiveMs" | "renderedNodes">> {
  const before = await nodeTransform(page, nodeId);
  const start = await page.evaluate<{ x: number; y: number }>(`(() => {
    const rect = document.querySelector('.react-flow__node[data-id=${JSON.stringify(nodeId)}]').getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + Math.min(rect.height / 2, 6) };
  })()`);
  await page.evaluate(START_FRAME_RECORDER);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  for (let frame = 1; frame <= DRAG_FRAMES; frame += 1) {
    await page.mouse.move(start.x + frame * 4, start.y + frame * 2);
    await page.evaluate(NEXT_FRAME);
  }
  await page.mouse.up();
  const recorded = await page.evaluate<{ frames: number[]; longFrames: number }>(STOP_FRAME_RECORDER);
  const after = await nodeTransform(page, nodeId);
  const deltas: number[] = [];
  for (let i = 1; i < recorded.frames.length; i += 1) deltas.push(recorded.frames[i] - recorded.frames[i - 1]);
  return {
    frameP95: percentile(deltas, 95),
    frameMax: max(deltas),
    frameMean: deltas.reduce((sum, value) => sum + value, 0) / Math.max(1, deltas.length),
    frames: deltas.length,
    longFrames: recorded.longFrames,
    moved: before !== after,
  };
}

function nodeTransform(page: Page, nodeId: string): Promise<string> {
  return page.evaluate<string>(`(document.querySelector('.react-flow__node[data-id=${JSON.stringify(nodeId)}]') || { style: {} }).style.transform || ""`);
}

export { startServer, type StartedServer };
