// The worker thread that trains classifiers and checks flow documents, with
// the real bundle (generated/background-worker.mjs, rebuilt by npm install and npm run test:unit).
import { copyFileSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { checkFlowDocument } from "../flows/flowProblems";
import { echoFlow } from "../testing/flowFixtures";
import { checkFlowDocumentInBackground, checkpointWalInBackground, trainInWorker } from "./background";

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

  it("checkpoints a database's write-ahead log into its file", async () => {
    const directory = mkdtempSync(join(tmpdir(), "switchboard-wal-"));
    const filePath = join(directory, "wal.db");
    const db = new Database(filePath);
    try {
      db.pragma("journal_mode = WAL");
      db.pragma("wal_autocheckpoint = 0");
      db.exec("CREATE TABLE note (text TEXT)");
      const insert = db.prepare("INSERT INTO note (text) VALUES (?)");
      for (let i = 0; i < 50; i += 1) insert.run(`note ${i}`);
      // The database file alone (what a copy without the -wal file sees) has none of it yet.
      const countInFileAlone = () => {
        const copy = join(directory, `copy-${Math.random()}.db`);
        copyFileSync(filePath, copy);
        const reader = new Database(copy, { readonly: true });
        try {
          return (reader.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'note'").get() as { n: number }).n === 0
            ? 0
            : (reader.prepare("SELECT COUNT(*) AS n FROM note").get() as { n: number }).n;
        } finally {
          reader.close();
        }
      };
      expect(countInFileAlone()).toBe(0);
      await checkpointWalInBackground(filePath);
      expect(countInFileAlone()).toBe(50);
    } finally {
      db.close();
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it("rejects input it cannot hand to the worker instead of hanging", async () => {
    await expect(checkFlowDocumentInBackground({ ...echoFlow(), onLoad: () => "not data" })).rejects.toThrow(/could not be cloned/);
  });
});
