// Visual smoke test: drives the editor's Test, Problems and JSON tabs on the
// Order status example and saves screenshots to screenshots/ (git-ignored) for
// people to look at. Asserts that each tab rendered its content.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectBrowser, monacoText, openPage } from "./browser";
import { dragFromPalette, openTab, waitForEditor } from "./editor";

const directory = path.resolve(import.meta.dirname, "../../screenshots");

let browser: Browser;
beforeAll(async () => {
  browser = await connectBrowser();
  await mkdir(directory, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

describe("editor side panel screenshots", () => {
  it("captures the Test, Problems and JSON tabs", async () => {
    const { page, context } = await openPage(browser);
    try {
      await page.getByRole("button", { name: /New flow|Create your first flow/ }).first().click();
      await page.locator("#new-flow-name").fill("Order status 訂單查詢 (screenshots)");
      await page.getByRole("radio", { name: /Order status/ }).check();
      await page.getByRole("button", { name: "Create flow" }).click();
      await page.waitForURL(/\/flows\/[^/]+$/);
      await waitForEditor(page);

      // Test tab: a full conversation with an API call, details of the last turn open.
      await openTab(page, "Test");
      const pane = page.getByTestId("test-chat-pane");
      await pane.getByTestId("test-chat-start").click();
      await pane.getByTestId("quick-reply").first().click();
      await expect.poll(() => pane.getByTestId("chat-bubble-user").count()).toBe(1);
      await expect.poll(() => pane.getByTestId("test-chat-input").isEnabled()).toBe(true);
      await pane.getByTestId("test-chat-input").fill("A1234567");
      await pane.getByTestId("test-chat-input").press("Enter");
      await expect.poll(() => pane.getByTestId("test-chat-status").getAttribute("data-status")).not.toBe("active");
      await pane.getByTestId("turn-details").last().locator(":scope > summary").click();
      await page.screenshot({ path: path.join(directory, "test-tab.png") });
      await pane.getByTestId("turn-details").nth(1).locator(":scope > summary").click();
      await pane.getByTestId("test-chat-transcript").evaluate((element) => element.scrollTo({ top: 0 }));
      await page.screenshot({ path: path.join(directory, "test-tab-intents.png") });

      // Problems tab: add an unconnected node so there is something to show.
      await dragFromPalette(page, "intent", { x: 0.85, y: 0.15 });
      await openTab(page, "Problems");
      await page.getByTestId("problem-item").first().waitFor();
      await page.screenshot({ path: path.join(directory, "problems-tab.png") });

      await openTab(page, "JSON");
      await page.getByTestId("flow-json-view").locator(".monaco-editor").waitFor();
      await expect.poll(() => monacoText(page.getByTestId("flow-json-view"))).toContain('"version": 1');
      await page.screenshot({ path: path.join(directory, "json-tab.png") });

      // An edit that is not valid JSON is listed and not applied.
      await page.getByTestId("flow-json-view").locator(".view-lines").click();
      await page.keyboard.press("Control+Home");
      await page.keyboard.type("x");
      await page.getByTestId("flow-json-problems").waitFor();
      await page.screenshot({ path: path.join(directory, "json-tab-invalid.png") });
      await page.keyboard.press("Backspace");
      await expect.poll(() => page.getByTestId("flow-json-status").getAttribute("data-status")).toBe("applied");
    } finally {
      await context.close();
    }
  });
});
