// The shipped example flows (flows/examples/*.json) seed, publish and start.
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../testing/testDatabase";
import { seedExampleFlows } from "./seedExamples";
import { exampleFiles } from "./templates";
import { startSession } from "../chat/chatService";

useTestDatabase();

describe("example flows", () => {
  it.skipIf(exampleFiles().length === 0)("import, publish and start a conversation", async () => {
    const results = await seedExampleFlows();
    expect(results.filter((result) => result.action === "failed")).toEqual([]);
    for (const { slug } of results) {
      const started = await startSession({ slug });
      expect(started.messages.length).toBeGreaterThan(0);
    }
  });
});
