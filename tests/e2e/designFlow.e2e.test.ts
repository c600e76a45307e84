// (a) A designer builds a flow from blank by drag and drop, trains an intent,
// and reaches the expected reply in the test chat; the canvas follows along.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectBrowser, downloadText, openPage } from "./browser";
import { canvasNode, connect, createBlankFlow, dragFromPalette, nodeIds, openTab, selectNode, zoomToFit } from "./editor";

let browser: Browser;
beforeAll(async () => {
  browser = await connectBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("designing a flow from blank", () => {
  it("drags nodes in, connects them, trains an intent and chats to the expected reply", async () => {
    const { page, context } = await openPage(browser);
    try {
      await createBlankFlow(page, "E2E parcel help 包裹查詢");
      expect((await nodeIds(page)).sort()).toEqual(["start", "welcome"]);

      const intentId = await dragFromPalette(page, "intent", { x: 0.72, y: 0.22 });
      const replyId = await dragFromPalette(page, "message", { x: 0.72, y: 0.78 });
      await zoomToFit(page);
      await connect(page, "welcome", "Next", intentId);
      await connect(page, intentId, "order_status", replyId);

      // Train the intent: rename it and give it phrases (the edge stays: outputs attach by intent id).
      await selectNode(page, intentId);
      await openTab(page, "Inspector");
      const inspector = page.getByTestId("node-inspector");
      await inspector.getByLabel("Intent name").first().fill("parcel_status");
      await inspector.getByLabel("Training phrases").first().fill("where is my parcel\ntrack my delivery\n我嘅包裹喺邊\n查送貨進度");
      await expect.poll(() => canvasNode(page, intentId).locator('[data-output]').first().textContent()).toBe("parcel_status");

      await selectNode(page, replyId);
      await inspector.getByLabel("Message", { exact: true }).fill("Your parcel is on its way 你嘅包裹已經寄出");
      await expect.poll(() => canvasNode(page, replyId).textContent()).toContain("Your parcel is on its way");

      // Chat with the draft.
      await openTab(page, "Test");
      const pane = page.getByTestId("test-chat-pane");
      await pane.getByTestId("test-chat-start").click();
      await expect.poll(() => pane.getByTestId("chat-bubble-bot").allTextContents()).toEqual([
        "Hello! How can I help you today? 你好！有咩可以幫到你？",
        "How can I help you today? 請問有咩可以幫到你？",
      ]);
      await expect.poll(() => pane.getByTestId("test-chat-status").getAttribute("data-status")).toBe("active");
      // The intent node waits for the customer: it is the active node on the canvas.
      await expect.poll(() => canvasNode(page, intentId).locator(".sb-node").getAttribute("data-active")).toBe("true");

      const input = pane.getByTestId("test-chat-input");
      await input.fill("Where is my parcel?");
      await input.press("Enter");
      await expect.poll(() => pane.getByTestId("chat-bubble-user").allTextContents()).toEqual(["Where is my parcel?"]);
      await expect.poll(async () => (await pane.getByTestId("chat-bubble-bot").allTextContents()).at(-1)).toBe("Your parcel is on its way 你嘅包裹已經寄出");
      await expect.poll(() => pane.getByTestId("test-chat-status").getAttribute("data-status")).toBe("ended");

      // The conversation's path is highlighted: every node visited, the reply active, the walked edges marked.
      for (const id of ["start", "welcome", intentId]) {
        await expect.poll(() => canvasNode(page, id).locator(".sb-node").getAttribute("data-visited")).toBe("true");
      }
      await expect.poll(() => canvasNode(page, replyId).locator(".sb-node").getAttribute("data-active")).toBe("true");
      await expect.poll(() => page.locator(".react-flow__edge.sb-visited").count()).toBe(3);

      // The turn's details show the intent decision and the trace.
      const lastTurn = pane.getByTestId("test-chat-turn").last();
      await lastTurn.getByTestId("turn-details").locator(":scope > summary").click();
      await expect.poll(() => lastTurn.getByTestId("intent-candidate").first().textContent()).toContain("parcel_status");
      await expect.poll(() => lastTurn.getByTestId("trace-entry").count()).toBe(2);
      await expect.poll(() => lastTurn.getByTestId("variable-change").allTextContents()).toContainEqual(expect.stringContaining("lastIntent"));

      // Save the conversation as a regression fixture.
      const [download] = await Promise.all([page.waitForEvent("download"), pane.getByRole("button", { name: "Save as regression fixture" }).click()]);
      const fixture = JSON.parse(await downloadText(download)) as { flow: { nodes: unknown[] }; turns: { user: string | null; bot: string[]; status: string }[] };
      expect(fixture.flow.nodes).toHaveLength(4);
      expect(fixture.turns).toEqual([
        { user: null, bot: ["Hello! How can I help you today? 你好！有咩可以幫到你？", "How can I help you today? 請問有咩可以幫到你？"], status: "active" },
        { user: "Where is my parcel?", bot: ["Your parcel is on its way 你嘅包裹已經寄出"], status: "ended", outcome: null },
      ]);

      // Restart clears the conversation and starts again.
      await pane.getByRole("button", { name: "Restart" }).click();
      await expect.poll(() => pane.getByTestId("chat-bubble-user").count()).toBe(0);
      await expect.poll(() => pane.getByTestId("test-chat-status").getAttribute("data-status")).toBe("active");
    } finally {
      await context.close();
    }
  });

  it("lists problems live and reveals the node when one is clicked", async () => {
    const { page, context } = await openPage(browser);
    try {
      await createBlankFlow(page, "E2E problems");
      await openTab(page, "Problems");
      const panel = page.getByTestId("problems-panel");
      // Blank flow: only the welcome message's unconnected output.
      await expect.poll(() => panel.getByTestId("problem-item").evaluateAll((items) => items.map((item) => item.getAttribute("data-code")))).toEqual([
        "output.unconnected",
      ]);

      const intentId = await dragFromPalette(page, "intent", { x: 0.75, y: 0.5 });
      // An unconnected intent: unreachable and its outputs unconnected, live as the flow changes.
      await expect.poll(() => panel.getAttribute("data-warnings")).not.toBe("1");
      const unreachable = panel.locator(`[data-testid="problem-item"][data-code="node.unreachable"][data-node-id="${intentId}"]`);
      await unreachable.waitFor();
      expect(await panel.locator('[data-code="output.fallback_unconnected"]').count()).toBe(1);

      // Clear the intent's phrases: an error appears first in the list.
      await selectNode(page, intentId);
      await openTab(page, "Inspector");
      await page.getByTestId("node-inspector").getByLabel("Training phrases").first().fill("");
      await openTab(page, "Problems");
      await expect.poll(() => panel.getByTestId("problem-item").first().getAttribute("data-code")).toBe("intent.no_phrases");
      await expect.poll(() => panel.getAttribute("data-errors")).toBe("1");
      await expect.poll(() => page.getByRole("tab", { name: /^Problems/ }).textContent()).toMatch(/Problems\d+/);

      // Clicking a problem selects its node.
      await page.getByRole("button", { name: "Zoom to fit" }).click();
      await canvasNode(page, "welcome").locator(".sb-node").click({ position: { x: 60, y: 14 } });
      await unreachable.getByRole("button").click();
      await expect.poll(() => canvasNode(page, intentId).getAttribute("class")).toContain("selected");
    } finally {
      await context.close();
    }
  });
});
