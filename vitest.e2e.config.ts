import { defineConfig } from "vitest/config";

// End-to-end tests: tests/e2e/globalSetup.ts builds the app once, starts
// `next start` on a free port with a fresh SQLite database, and launches
// Debian Chromium (playwright-core); each test file connects to that browser.
export default defineConfig({
  resolve: { alias: { "@": import.meta.dirname } },
  test: {
    include: ["tests/e2e/**/*.e2e.test.ts"],
    environment: "node",
    globalSetup: ["tests/e2e/globalSetup.ts"],
    // One server, one browser, two cores: run files one after another.
    fileParallelism: false,
    testTimeout: process.env.E2E_DEV === "1" ? 600_000 : 120_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    retry: 0,
    // UI assertions poll (expect.poll) instead of sleeping.
    expect: { poll: { timeout: process.env.E2E_DEV === "1" ? 90_000 : 15_000, interval: 100 } },
  },
});
