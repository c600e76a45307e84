// (d) Two pages edit the same flow. The second save hits a conflict; the
// dialog lets the designer choose, and nothing is lost without them knowing.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectBrowser, openPage } from "./browser";
import { canvasNode, createBlankFlow, openTab, selectNode, waitForEditor, waitForSaved, zoomToFit } from "./editor";

let browser: Browser;
beforeAll(async () => {
  browser = await connectBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function setWelcomeText(page: Page, text: string) {
  await selectNode(page, "welcome");
  await openTab(page, "Inspector");
  await page.getByTestId("node-inspector").getByLabel("Message", { exact: true }).fill(text);
  await expect.poll(() => canvasNode(page, "welcome").textContent()).toContain(text);
}

describe("editing conflicts", () => {
  it("asks the second page which version to keep, and both choices keep the designer informed", async () => {
    const first = await openPage(browser);
    const second = await openPage(browser);
    try {
      const flowId = await createBlankFlow(first.page, "E2E conflict");
      await second.page.goto(`/flows/${flowId}`);
      await waitForEditor(second.page);
      await zoomToFit(first.page);
      await zoomToFit(second.page);

      // The first page saves its edit.
      await setWelcomeText(first.page, "Edit from page one");
      await waitForSaved(first.page);

      // The second page, still on the old revision, edits too: its save conflicts.
      await setWelcomeText(second.page, "Edit from page two");
      const dialog = second.page.getByRole("dialog", { name: "This flow was changed somewhere else" });
      await dialog.waitFor();
      await expect.poll(() => second.page.getByTestId("save-state").getAttribute("data-state")).toBe("conflict");

      // "Load theirs": page two now shows page one's edit (its own was discarded by its choice).
      await dialog.getByRole("button", { name: "Load theirs" }).click();
      await dialog.waitFor({ state: "hidden" });
      await expect.poll(() => canvasNode(second.page, "welcome").textContent()).toContain("Edit from page one");
      await waitForSaved(second.page);

      // Page two edits again and saves cleanly on top of page one's revision.
      await zoomToFit(second.page);
      await setWelcomeText(second.page, "Edit from page two, after loading theirs");
      await waitForSaved(second.page);

      // Now page one is behind: its next edit conflicts; "Keep mine" saves it over.
      await setWelcomeText(first.page, "Page one keeps its version");
      const firstDialog = first.page.getByRole("dialog", { name: "This flow was changed somewhere else" });
      await firstDialog.waitFor();
      await firstDialog.getByRole("button", { name: "Keep mine" }).click();
      await firstDialog.waitFor({ state: "hidden" });
      await waitForSaved(first.page);

      // The server has page one's chosen version.
      const reloaded = await openPage(browser, `/flows/${flowId}`);
      try {
        await waitForEditor(reloaded.page);
        await expect.poll(() => canvasNode(reloaded.page, "welcome").textContent()).toContain("Page one keeps its version");
      } finally {
        await reloaded.context.close();
      }
    } finally {
      await first.context.close();
      await second.context.close();
    }
  });
});
