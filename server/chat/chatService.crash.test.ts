// If the engine throws mid-turn (or the process dies there), the customer's
// message must already be stored, and the session must stay as it was.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { useTestDatabase } from "../testing/testDatabase";
import { echoFlow } from "../testing/flowFixtures";
import { importFlow } from "../flows/flowService";
import { getSessionStore } from "./sessionStore";
import { getSession, postMessage, startSession } from "./chatService";

vi.mock("../../flows/engine/runTurn", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../flows/engine/runTurn")>();
  return {
    ...actual,
    runTurn: vi.fn((...args: Parameters<typeof actual.runTurn>) => {
      const input = args[2];
      if (input.type === "text" && input.text === "crash") throw new Error("engine exploded");
      return actual.runTurn(...args);
    }),
  };
});

useTestDatabase();

beforeAll(async () => {
  await importFlow(echoFlow(), { slug: "echo", publish: true });
});

describe("a turn that fails inside the engine", () => {
  it("keeps the customer's message and leaves the session usable", async () => {
    const { sessionId } = await startSession({ slug: "echo" });
    const revisionBefore = getSessionStore().findSession(sessionId)!.revision;
    await expect(postMessage({ sessionId, text: "crash" })).rejects.toThrow("engine exploded");
    const transcript = await getSession(sessionId);
    expect(transcript.messages.at(-1)).toMatchObject({ role: "customer", text: "crash" });
    expect(getSessionStore().findSession(sessionId)!.revision).toBe(revisionBefore);
    // The next message works and lands after the stored one.
    const reply = await postMessage({ sessionId, text: "hello again" });
    expect(reply.messages[0].text).toBe("You said hello again");
    expect((await getSession(sessionId)).messages.slice(-4).map((message) => message.text)).toEqual(["crash", "hello again", "You said hello again", "Say something"]);
  });
});
