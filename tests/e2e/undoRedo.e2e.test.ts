// (b) Undo and redo: toolbar buttons and keyboard shortcuts, for structure and data edits.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectBrowser, openPage } from "./browser";
import { canvasNode, createBlankFlow, dragFromPalette, nodeIds, openTab, selectNode, zoomToFit } from "./editor";

let browser: Browser;
beforeAll(async () => {
  browser = await connectBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("undo and redo", () => {
  it("undoes and redoes adding a node and editing its text, by button and keyboard", async () => {
    const { page, context } = await openPage(browser);
    try {
      await createBlankFlow(page, "E2E undo");
      const undo = page.getByRole("button", { name: /^Undo/ });
      const redo = page.getByRole("button", { name: /^Redo/ });
      expect(await undo.isDisabled()).toBe(true);

      const endId = await dragFromPalette(page, "end", { x: 0.75, y: 0.5 });
      expect(await nodeIds(page)).toContain(endId);
      await undo.click();
      await expect.poll(() => nodeIds(page)).not.toContain(endId);
      expect(await redo.isEnabled()).toBe(true);
      await redo.click();
      await expect.poll(() => nodeIds(page)).toContain(endId);

      // A data edit through the inspector, undone with Ctrl+Z once focus leaves the text field.
      await zoomToFit(page);
      await selectNode(page, "welcome");
      await openTab(page, "Inspector");
      const text = page.getByTestId("node-inspector").getByLabel("Message", { exact: true });
      await text.fill("Changed greeting");
      await expect.poll(() => canvasNode(page, "welcome").textContent()).toContain("Changed greeting");
      await page.locator(".react-flow__pane").click({ position: { x: 20, y: 20 } });
      await page.keyboard.press("Control+z");
      await expect.poll(() => canvasNode(page, "welcome").textContent()).toContain("Hello! How can I help you today?");
      await page.keyboard.press("Control+Shift+z");
      await expect.poll(() => canvasNode(page, "welcome").textContent()).toContain("Changed greeting");

      // Undo all the way back to the loaded flow.
      await page.keyboard.press("Control+z");
      await page.keyboard.press("Control+z");
      await expect.poll(() => nodeIds(page).then((ids) => ids.sort())).toEqual(["start", "welcome"]);
      await expect.poll(() => undo.isDisabled()).toBe(true);
    } finally {
      await context.close();
    }
  });
});
