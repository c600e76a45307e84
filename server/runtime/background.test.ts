// The worker thread that trains classifiers and checks flow documents, with
// the real bundle (generated/background-worker.mjs, built by npm install).
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkFlowDocument } from "../flows/flowProblems";
import { echoFlow } from "../testing/flowFixtures";
import { checkFlowDocumentInBackground, trainInWorker } from "./background";

describe("background worker", () => {
  it("is built", () => {
    expect(existsSync(join(process.cwd(), "generated", "background-worker.mjs")), "run `npm run build:worker`").toBe(true);
  });

  it("checks a flow document exactly as the main thread would", async () => {
    const valid = echoFlow();
    expect(await checkFlowDocumentInBackground(valid)).toEqual(checkFlowDocument(valid));

    const broken = { ...echoFlow(), nodes: [{ id: "a", type: "message", position: { x: 0, y: 0 }, data: { text: 42 } }] };
    const checked = await checkFlowDocumentInBackground(broken);
    expect(checked.ok).toBe(false);
    expect(checked).toEqual(checkFlowDocument(broken));
  });

  it("trains a classifier that recognises its intents", async () => {
    const classifier = await trainInWorker(
      [
        { name: "order_status", phrases: ["where is my order", "track my parcel", "我張單去咗邊"] },
        { name: "opening_hours", phrases: ["when do you open", "what are your opening hours", "幾點開門"] },
      ],
      { threshold: 0.3 },
    );
    expect(classifier.classify("where's my parcel?").intent).toBe("order_status");
    expect(classifier.classify("幾點開門呀").intent).toBe("opening_hours");
  });

  it("rejects input it cannot hand to the worker instead of hanging", async () => {
    await expect(checkFlowDocumentInBackground({ ...echoFlow(), onLoad: () => "not data" })).rejects.toThrow(/could not be cloned/);
  });
});
