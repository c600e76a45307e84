// Golden conversations: every *.json fixture in this folder is run through the
// real engine (runTurn) with fake ports, turn by turn. See flows/testing/runConversation.ts
// for the fixture format.
import { basename } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { conversationFixtureFiles, readConversationFixture, runConversation } from "../../flows/testing/runConversation";

const files = conversationFixtureFiles(fileURLToPath(new URL(".", import.meta.url)));

describe("golden conversations", () => {
  it("has fixtures to run", () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files.map((file) => [basename(file), file]))("%s", async (_name, file) => {
    const { failures } = await runConversation(readConversationFixture(file));
    expect(failures).toEqual([]);
  });
});
