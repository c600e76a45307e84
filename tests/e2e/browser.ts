// Shared helpers for e2e test files: connect to the suite's Chromium, open
// pages that record console errors, and small UI helpers over the editor.
import { chromium, type Browser, type BrowserContext, type Download, type Locator, type Page } from "playwright-core";
import { inject } from "vitest";

export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  /** console.error messages and uncaught page errors, in order. */
  consoleErrors: string[];
}

export function baseUrl(): string {
  return inject("baseUrl");
}

export async function connectBrowser(): Promise<Browser> {
  return chromium.connect(inject("wsEndpoint"));
}

/** A fresh context (own storage) and page, recording console errors. */
export async function openPage(browser: Browser, path = "/", options: { acceptDownloads?: boolean } = {}): Promise<OpenedPage> {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    viewport: { width: 1440, height: 900 },
    acceptDownloads: options.acceptDownloads ?? true,
    locale: "en-GB",
    timezoneId: "Asia/Hong_Kong",
  });
  // `next dev` compiles pages on first visit (Monaco takes a while).
  context.setDefaultTimeout(inject("devMode") ? 300_000 : 20_000);
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const where = message.location().url;
    consoleErrors.push(where && message.text().startsWith("Failed to load resource") ? `${message.text()} (${where})` : message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(`pageerror: ${error.message}`));
  // Chrome's "Failed to load resource" console line does not say which; record the URL next to it.
  page.on("response", (response) => {
    if (response.status() >= 400) consoleErrors.push(`HTTP ${response.status()} ${response.request().method()} ${response.url()}`);
  });
  await page.goto(path);
  return { page, context, consoleErrors };
}

/** The text of a finished download (works over a remote browser connection, unlike download.path()). */
export async function downloadText(download: Download): Promise<string> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks).toString("utf8");
}

/** Visible text of a Monaco editor, with its non-breaking spaces turned back into spaces. */
export async function monacoText(container: Locator): Promise<string> {
  return ((await container.locator(".view-lines").textContent()) ?? "").replace(/\u00a0/g, " ");
}
