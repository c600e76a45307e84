import { TRPCError } from "@trpc/server";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../testing/testDatabase";
import { echoFlow, flowDocument } from "../testing/flowFixtures";
import { DraftConflictError } from "../errors";
import { createCaller, createContext } from "./root";
import { GET, POST } from "../../app/api/trpc/[trpc]/route";

useTestDatabase();
const caller = createCaller(createContext());

async function trpcPost(path: string, input: unknown): Promise<{ status: number; body: any }> {
  const response = await POST(
    new Request(`http://localhost/api/trpc/${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(superjson.serialize(input)) }),
  );
  return { status: response.status, body: await response.json() };
}

describe("tRPC routers", () => {
  it("creates, saves, publishes, lists and exports flows", async () => {
    const { id } = await caller.flows.create({ name: "Via tRPC" });
    const flow = await caller.flows.get({ id });
    expect(flow).toMatchObject({ id, slug: "via-trpc", revision: 1, publishedVersion: null, versions: [] });
    const saved = await caller.flows.saveDraft({ id, document: echoFlow("Via tRPC"), baseRevision: 1 });
    expect(saved.revision).toBe(2);
    expect(saved.updatedAt).toBeInstanceOf(Date);
    expect((await caller.flows.publish({ id })).version).toBe(1);
    expect((await caller.flows.list()).find((item) => item.id === id)).toMatchObject({ publishedVersion: 1, hasUnpublishedChanges: false });
    expect(await caller.flows.export({ id })).toEqual(echoFlow("Via tRPC"));
    expect((await caller.flows.templates())[0].id).toBe("blank");
    expect(await caller.flows.jsonSchema()).toMatchObject({ title: "Switchboard flow document" });
    const copy = await caller.flows.duplicate({ id });
    await caller.flows.rename({ id: copy.id, name: "Renamed copy" });
    expect((await caller.flows.get({ id: copy.id })).name).toBe("Renamed copy");
    await caller.flows.delete({ id: copy.id });
    const imported = await caller.flows.import({ document: echoFlow("Imported"), name: "Imported here" });
    expect(imported.slug).toBe("imported-here");
    expect((await caller.flows.get({ id: imported.id })).name).toBe("Imported here");
  });

  it("maps domain errors to tRPC codes", async () => {
    const { id } = await caller.flows.create({ name: "Errors" });
    await caller.flows.saveDraft({ id, document: echoFlow(), baseRevision: 1 });
    const conflict = await caller.flows.saveDraft({ id, document: {}, baseRevision: 1 }).catch((error: unknown) => error);
    expect(conflict).toBeInstanceOf(TRPCError);
    expect(conflict).toMatchObject({ code: "CONFLICT" });
    expect((conflict as TRPCError).cause).toBeInstanceOf(DraftConflictError);
    await expect(caller.flows.get({ id: "missing" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(caller.flows.import({ document: { nodes: "nope" } })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("formats errors over HTTP: conflict data, document problems, flattened zod errors", async () => {
    const { id } = await caller.flows.create({ name: "Over HTTP" });
    await caller.flows.saveDraft({ id, document: echoFlow(), baseRevision: 1 });

    const conflict = await trpcPost("flows.saveDraft", { id, document: { stale: true }, baseRevision: 1 });
    expect(conflict.status).toBe(409);
    const conflictError = superjson.deserialize<any>(conflict.body.error);
    expect(conflictError.data).toMatchObject({ code: "CONFLICT", conflict: { currentRevision: 2, currentDocument: echoFlow() } });

    await caller.flows.saveDraft({ id, document: flowDocument("Bad", [{ id: "start", type: "start" }, { id: "m", type: "message", data: { text: "" } }], [["start", "next", "m"]]), baseRevision: 2 });
    const publish = await trpcPost("flows.publish", { id });
    expect(publish.status).toBe(400);
    const publishError = superjson.deserialize<any>(publish.body.error);
    expect(publishError.data.problems).toEqual(expect.arrayContaining([expect.objectContaining({ path: "nodes[1].data.text" })]));

    const invalidInput = await trpcPost("flows.create", { name: 42 });
    expect(invalidInput.status).toBe(400);
    expect(superjson.deserialize<any>(invalidInput.body.error).data.zodError.fieldErrors.name).toBeDefined();

    const list = await GET(new Request("http://localhost/api/trpc/flows.list"));
    expect(list.status).toBe(200);
  });

  it("runs test turns and test requests", async () => {
    const { id } = await caller.flows.create({ name: "Chat" });
    const first = await caller.chat.testTurn({ flowId: id, document: echoFlow(), state: null, input: { type: "start" } });
    const second = await caller.chat.testTurn({ flowId: id, document: echoFlow(), state: first.state, input: { type: "text", text: "yo" } });
    expect(second.messages[0].text).toBe("You said yo");
    expect(await caller.chat.sendTestRequest({ method: "GET", url: "gopher://x" })).toMatchObject({ ok: false });
  });
});
