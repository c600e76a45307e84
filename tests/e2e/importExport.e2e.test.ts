// (c) Import a flow from a JSON file, then export it again: the document survives the round trip.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectBrowser, downloadText, openPage } from "./browser";
import { canvasNode, nodeIds, openTab, waitForEditor } from "./editor";

let browser: Browser;
let directory: string;
beforeAll(async () => {
  browser = await connectBrowser();
  directory = await mkdtemp(path.join(tmpdir(), "switchboard-import-"));
});
afterAll(async () => {
  await browser?.close();
  await rm(directory, { recursive: true, force: true });
});

const document = {
  version: 1,
  name: "E2E imported 導入流程",
  description: "Imported by the e2e suite",
  languages: ["en", "zh-HK"],
  settings: {},
  variables: [{ name: "customerName", description: "", defaultValue: "Amy" }],
  nodes: [
    { id: "start", type: "start", position: { x: 0, y: 0 }, data: {} },
    { id: "greet", type: "message", position: { x: 320, y: 0 }, data: { text: "Hi {{customerName}}! 你好！", quickReplies: ["Track order", "Opening hours"] } },
    { id: "done", type: "end", position: { x: 640, y: 0 }, data: { outcome: "resolved", message: "Bye 拜拜" } },
  ],
  edges: [
    { id: "e1", source: "start", sourceHandle: "next", target: "greet" },
    { id: "e2", source: "greet", sourceHandle: "next", target: "done" },
  ],
};

describe("import and export", () => {
  it("imports a JSON file into a new flow and exports the same document", async () => {
    const file = path.join(directory, "imported-flow.json");
    await writeFile(file, JSON.stringify(document, null, 2));
    const { page, context } = await openPage(browser);
    try {
      await page.getByRole("heading", { name: "Flows" }).waitFor();
      await page.getByLabel("Import a flow JSON file").setInputFiles(file);
      await page.waitForURL(/\/flows\/[^/]+$/);
      await waitForEditor(page);
      expect((await nodeIds(page)).sort()).toEqual(["done", "greet", "start"]);
      await expect.poll(() => canvasNode(page, "greet").textContent()).toContain("Hi {{customerName}}! 你好！");

      // The imported flow runs: variables' defaults and quick replies come through.
      await openTab(page, "Test");
      const pane = page.getByTestId("test-chat-pane");
      await pane.getByTestId("test-chat-start").click();
      await expect.poll(() => pane.getByTestId("chat-bubble-bot").allTextContents()).toEqual(["Hi Amy! 你好！", "Bye 拜拜"]);
      await expect.poll(() => pane.getByTestId("test-chat-status").textContent()).toBe("Ended · resolved");

      await page.goto("/");
      const row = page.getByTestId("flow-row").filter({ hasText: document.name });
      await row.waitFor();
      const [download] = await Promise.all([page.waitForEvent("download"), row.getByRole("button", { name: `Export ${document.name} as JSON` }).click()]);
      const exported = JSON.parse(await downloadText(download)) as typeof document;
      expect(exported.name).toBe(document.name);
      expect(exported.variables).toEqual(document.variables);
      expect(exported.nodes.map(({ id, type, data }) => ({ id, type, data }))).toEqual(document.nodes.map(({ id, type, data }) => ({ id, type, data })));
      expect(exported.edges).toEqual(document.edges);
    } finally {
      await context.close();
    }
  });

  it("refuses a file with problems and says what is wrong", async () => {
    const file = path.join(directory, "broken-flow.json");
    await writeFile(file, JSON.stringify({ ...document, nodes: [...document.nodes, { id: "x", type: "teleport", data: {} }] }));
    const { page, context } = await openPage(browser);
    try {
      await page.getByRole("heading", { name: "Flows" }).waitFor();
      await page.getByLabel("Import a flow JSON file").setInputFiles(file);
      const problems = page.getByTestId("import-problems");
      await problems.waitFor();
      expect(await problems.textContent()).toContain("teleport");
      expect(page.url()).not.toMatch(/\/flows\//);
    } finally {
      await context.close();
    }
  });
});
