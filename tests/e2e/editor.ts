// UI helpers over the flow editor for e2e tests. Selectors follow the app's
// accessible names and data-testids (EditorShell, FlowCanvas, NodePalette,
// FlowNodeShell, Inspector, TestChatPane, ProblemsPanel, FlowJsonView).
import { expect } from "vitest";
import type { Locator, Page } from "playwright-core";

/** Creates a flow from the Blank template on the home page and waits for the editor. Returns the flow id. */
export async function createBlankFlow(page: Page, name: string): Promise<string> {
  await page.goto("/");
  await page.getByRole("button", { name: /New flow|Create your first flow/ }).first().click();
  await page.locator("#new-flow-name").fill(name);
  await page.getByRole("radio", { name: /Blank/ }).check();
  await page.getByRole("button", { name: "Create flow" }).click();
  await page.waitForURL(/\/flows\/[^/]+$/);
  await waitForEditor(page);
  return flowIdOf(page);
}

export function flowIdOf(page: Page): string {
  const match = /\/flows\/([^/?#]+)/.exec(page.url());
  if (!match) throw new Error(`Not an editor URL: ${page.url()}`);
  return decodeURIComponent(match[1]);
}

/** Waits until the editor has loaded the flow and the canvas shows its nodes. */
export async function waitForEditor(page: Page): Promise<void> {
  await page.getByTestId("flow-canvas").waitFor();
  await page.locator(".react-flow__node").first().waitFor();
}

export function canvasNodes(page: Page): Locator {
  return page.locator(".react-flow__node");
}

export function canvasNode(page: Page, id: string): Locator {
  return page.locator(`.react-flow__node[data-id="${id}"]`);
}

/** Drags a node type from the palette onto the canvas at fractions of the canvas size; returns the new node's id. */
export async function dragFromPalette(page: Page, type: string, at: { x: number; y: number }): Promise<string> {
  const before = new Set(await nodeIds(page));
  const canvas = page.getByTestId("flow-canvas");
  const box = await canvas.boundingBox();
  if (!box) throw new Error("canvas not visible");
  await page.locator(`[data-palette-type="${type}"]`).dragTo(canvas, { targetPosition: { x: box.width * at.x, y: box.height * at.y } });
  await expect.poll(async () => (await nodeIds(page)).length).toBe(before.size + 1);
  const added = (await nodeIds(page)).find((id) => !before.has(id));
  if (!added) throw new Error("no node added");
  return added;
}

export async function nodeIds(page: Page): Promise<string[]> {
  return page.locator(".react-flow__node").evaluateAll((elements) => elements.map((element) => element.getAttribute("data-id") ?? ""));
}

/** Connects an output of one node (by its label, e.g. "Next") to another node's input, by dragging the handle. */
export async function connect(page: Page, sourceId: string, outputLabel: string, targetId: string): Promise<void> {
  const edgesBefore = await page.locator(".react-flow__edge").count();
  const source = canvasNode(page, sourceId).locator(`.react-flow__handle.source[aria-label="Output ${outputLabel}"]`);
  const target = canvasNode(page, targetId).locator(".react-flow__handle.target");
  const from = await center(source);
  const to = await center(target);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 8 });
  await page.mouse.move(to.x, to.y, { steps: 8 });
  await page.mouse.up();
  await expect.poll(() => page.locator(".react-flow__edge").count()).toBe(edgesBefore + 1);
}

async function center(locator: Locator): Promise<{ x: number; y: number }> {
  await locator.waitFor();
  const box = await locator.boundingBox();
  if (!box) throw new Error("element not visible");
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Clicks a node on its title so it becomes selected (and the inspector shows it). */
export async function selectNode(page: Page, id: string): Promise<void> {
  await canvasNode(page, id).locator(".sb-node").click({ position: { x: 60, y: 14 } });
  await expect.poll(() => canvasNode(page, id).getAttribute("class")).toContain("selected");
}

export async function openTab(page: Page, name: "Inspector" | "Test" | "Problems" | "JSON"): Promise<void> {
  await page.getByRole("tab", { name: new RegExp(`^${name}`) }).click();
}

export async function zoomToFit(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Zoom to fit" }).click();
  // fitView animates for 300 ms; wait until the viewport transform stops changing.
  let previous = "";
  await expect
    .poll(async () => {
      const current = (await page.locator(".react-flow__viewport").getAttribute("style")) ?? "";
      const settled = current === previous;
      previous = current;
      return settled;
    })
    .toBe(true);
}

/** Waits until autosave has stored every edit. */
export async function waitForSaved(page: Page): Promise<void> {
  await expect.poll(() => page.getByTestId("save-state").getAttribute("data-state"), { timeout: 15_000 }).toBe("saved");
}
