import { mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { useTestDatabase } from "../testing/testDatabase";
import { echoFlow, refundHandoffFlow } from "../testing/flowFixtures";
import { seedExampleFlows } from "./seedExamples";
import { seedDemoData } from "../demo/demoSeed";
import { listFlows } from "./flowService";
import { getPrisma } from "../db/prisma";
import { getRuntimePorts } from "../runtime/ports";
import { listTemplates } from "./templates";
import { createFlow, getFlow } from "./flowService";
import { draftDocument } from "../testing/flowFixtures";

useTestDatabase();
const examples = mkdtempSync(path.join(tmpdir(), "switchboard-examples-"));
process.env.SWITCHBOARD_EXAMPLES_DIR = examples;
afterAll(() => {
  delete process.env.SWITCHBOARD_EXAMPLES_DIR;
  rmSync(examples, { recursive: true, force: true });
});

describe("seeding", () => {
  it("works with no examples", async () => {
    expect(await seedExampleFlows()).toEqual([]);
  });

  it("imports and publishes each example once, and again only when it changes", async () => {
    writeFileSync(path.join(examples, "echo.json"), JSON.stringify(echoFlow("Echo example")));
    writeFileSync(path.join(examples, "refunds.json"), JSON.stringify(refundHandoffFlow()));
    writeFileSync(path.join(examples, "broken.json"), JSON.stringify({ version: 1, name: "Broken", nodes: [{ id: "x", type: "nope" }] }));
    const first = await seedExampleFlows();
    expect(first).toEqual([
      { slug: "broken", action: "failed", problems: expect.arrayContaining([expect.stringContaining("nodes[0].type")]) },
      { slug: "echo", action: "created", version: 1 },
      { slug: "refunds", action: "created", version: 1 },
    ]);
    // Publishing pre-trains the intent node, off the request path (a worker thread).
    await vi.waitFor(() => expect(getRuntimePorts().nlu.size).toBeGreaterThan(0), { timeout: 20_000 });
    expect((await seedExampleFlows()).filter((result) => result.action !== "failed")).toEqual([
      { slug: "echo", action: "unchanged", version: 1 },
      { slug: "refunds", action: "unchanged", version: 1 },
    ]);
    writeFileSync(path.join(examples, "echo.json"), JSON.stringify(echoFlow("Echo example v2")));
    expect((await seedExampleFlows()).find((result) => result.slug === "echo")).toEqual({ slug: "echo", action: "updated", version: 2 });
    expect((await listFlows()).map((flow) => flow.slug).sort()).toEqual(["echo", "refunds"]);
  });

  it("offers valid examples as templates", async () => {
    expect(listTemplates().map((template) => template.id)).toEqual(["blank", "echo", "refunds"]);
    const { id } = await createFlow({ name: "From template", template: "refunds" });
    expect(draftDocument(await getFlow(id))).toMatchObject({ name: "From template", nodes: expect.arrayContaining([expect.objectContaining({ type: "intent" })]) });
  });

  it("seeds demo orders and restaurant times idempotently", async () => {
    await seedDemoData();
    await seedDemoData();
    expect(await getPrisma().demoOrder.count()).toBe(20);
    expect(await getPrisma().demoBookingSlot.count()).toBe(9);
  });
});
