// (e) Monaco loads from the local package with working workers (no CDN, no
// "Failed to load worker script"), validates JSON against the flow schema,
// and applies valid edits to the canvas.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectBrowser, monacoText, openPage } from "./browser";
import { canvasNode, createBlankFlow, openTab } from "./editor";

let browser: Browser;

/**
 * Replaces the focused Monaco editor's text the way typing would: select all,
 * delete, insert one line (Monaco auto-indents typed newlines), then drop the
 * brackets and quotes Monaco auto-closed after the cursor.
 */
async function replaceEditorText(page: Page, text: string) {
  await page.keyboard.press("Control+a");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(text);
  await page.keyboard.press("Shift+Control+End");
  await page.keyboard.press("Delete");
}
beforeAll(async () => {
  browser = await connectBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("JSON view (Monaco)", () => {
  it("loads with no console errors, validates against the schema and edits the flow both ways", async () => {
    const { page, context, consoleErrors } = await openPage(browser);
    const requests: string[] = [];
    page.on("request", (request) => requests.push(request.url()));
    try {
      await createBlankFlow(page, "E2E monaco");
      await openTab(page, "JSON");
      const view = page.getByTestId("flow-json-view");
      const editor = view.locator(".monaco-editor");
      await editor.waitFor();
      await expect.poll(() => monacoText(view)).toContain('"version": 1');

      // The JSON worker runs: a syntax error gets a marker (validation happens in the worker).
      await view.locator(".view-lines").click();
      await page.keyboard.press("Control+End");
      await page.keyboard.type(",");
      await expect.poll(() => view.locator(".squiggly-error").count()).toBeGreaterThan(0);
      await expect.poll(() => view.getByTestId("flow-json-status").getAttribute("data-status")).toBe("invalid");
      expect(await view.getByTestId("flow-json-problems").textContent()).toContain("Invalid JSON");
      await page.keyboard.press("Backspace");
      await expect.poll(() => view.getByTestId("flow-json-status").getAttribute("data-status")).toBe("applied");

      // Schema validation: an unknown node type is marked and not applied.
      await replaceEditorText(page, JSON.stringify({ version: 1, name: "E2E monaco", nodes: [{ id: "start", type: "teleport" }] }));
      await expect.poll(() => view.getByTestId("flow-json-status").getAttribute("data-status")).toBe("invalid");
      expect(await view.getByTestId("flow-json-problems").textContent()).toContain("teleport");
      await expect.poll(() => view.locator(".squiggly-error, .squiggly-warning").count()).toBeGreaterThan(0);
      await expect.poll(() => canvasNode(page, "welcome").count()).toBe(1);

      // A valid document is applied to the canvas.
      const document = {
        version: 1,
        name: "E2E monaco",
        nodes: [
          { id: "start", type: "start", position: { x: 0, y: 0 }, data: {} },
          { id: "welcome", type: "message", position: { x: 0, y: 160 }, data: { text: "Edited in JSON 用 JSON 改", quickReplies: [] } },
        ],
        edges: [{ id: "e1", source: "start", sourceHandle: "next", target: "welcome" }],
      };
      await replaceEditorText(page, JSON.stringify(document));
      await expect.poll(() => view.getByTestId("flow-json-status").getAttribute("data-status")).toBe("applied");
      await expect.poll(() => canvasNode(page, "welcome").textContent()).toContain("Edited in JSON 用 JSON 改");

      // Canvas -> JSON: an undo on the canvas shows up in the view once the editor is not focused.
      await page.locator(".react-flow__pane").click({ position: { x: 20, y: 20 } });
      await page.keyboard.press("Control+z");
      // Monaco renders only the lines in view (wrapped lines out of order): make room for the restored document.
      await page.setViewportSize({ width: 1366, height: 2400 });
      await expect.poll(() => monacoText(view)).toContain('"text": "Hello! How can I help');

      // Everything Monaco needed came from this server, and nothing went wrong.
      const origin = new URL(page.url()).origin;
      expect(requests.filter((url) => !url.startsWith(origin) && !url.startsWith("data:") && !url.startsWith("blob:"))).toEqual([]);
      expect(consoleErrors.filter((message) => /worker/i.test(message))).toEqual([]);
      // The browser's automatic /favicon.ico request is not the editor's concern.
      expect(consoleErrors.filter((message) => !message.includes("/favicon.ico"))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
