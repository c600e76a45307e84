import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../testing/testDatabase";
import { draftDocument, echoFlow, flowDocument, oneShotFlow } from "../testing/flowFixtures";
import { DraftConflictError, NotFoundError, ValidationError, ConflictError } from "../errors";
import {
  createFlow,
  deleteFlow,
  duplicateFlow,
  exportFlow,
  getFlow,
  importFlow,
  listFlows,
  publishFlow,
  renameFlow,
  saveDraft,
} from "./flowService";
import { listTemplates } from "./templates";
import { parseFlowDocument } from "../../flows/schema/flowDocument";

useTestDatabase();

describe("flowService", () => {
  it("creates a blank flow whose document is valid and publishable", async () => {
    const { id, slug } = await createFlow({ name: "Returns desk" });
    expect(slug).toBe("returns-desk");
    const flow = await getFlow(id);
    expect(flow).toMatchObject({ name: "Returns desk", slug: "returns-desk", revision: 1, publishedVersion: null, versions: [] });
    expect(parseFlowDocument(draftDocument(flow)).ok).toBe(true);
    const list = await listFlows();
    expect(list.find((item) => item.id === id)).toMatchObject({ draftRevision: 1, publishedVersion: null, hasUnpublishedChanges: true });
    const published = await publishFlow(id);
    expect(published.version).toBe(1);
  });

  it("gives each flow a unique slug and refuses a taken explicit slug", async () => {
    const first = await createFlow({ name: "Same name" });
    const second = await createFlow({ name: "Same name" });
    expect(first.slug).toBe("same-name");
    expect(second.slug).toBe("same-name-2");
    await expect(createFlow({ name: "Other", slug: "same-name" })).rejects.toBeInstanceOf(ConflictError);
    await expect(createFlow({ name: "Bad", slug: "Not A Slug" })).rejects.toBeInstanceOf(ValidationError);
    await expect(createFlow({ name: "   " })).rejects.toBeInstanceOf(ValidationError);
  });

  it("saves drafts raw, even invalid ones, and detects stale revisions", async () => {
    const { id } = await createFlow({ name: "Drafty" });
    const invalid = { version: 1, name: "Drafty", nodes: [{ id: "x", type: "no-such-type" }], staffNote: "keep me" };
    const saved = await saveDraft({ flowId: id, document: invalid, baseRevision: 1 });
    expect(saved.revision).toBe(2);
    expect(draftDocument(await getFlow(id))).toEqual(invalid);

    // A second tab still on revision 1 must not overwrite revision 2.
    const conflict = await saveDraft({ flowId: id, document: echoFlow(), baseRevision: 1 }).catch((error: unknown) => error);
    expect(conflict).toBeInstanceOf(DraftConflictError);
    expect(conflict).toMatchObject({ currentRevision: 2, currentDocument: invalid });
    expect(draftDocument(await getFlow(id))).toEqual(invalid);

    await expect(saveDraft({ flowId: "missing", document: {}, baseRevision: 1 })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("refuses to publish an invalid draft and lists every problem with its path", async () => {
    const { id } = await createFlow({ name: "Broken" });
    const broken = flowDocument(
      "Broken",
      [
        { id: "start", type: "start" },
        { id: "m", type: "message", data: { text: "" } },
        { id: "api", type: "apiCall", data: { url: "" } },
      ],
      [["start", "next", "m"], ["m", "next", "api"]],
    );
    await saveDraft({ flowId: id, document: broken, baseRevision: 1 });
    const error = await publishFlow(id).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    const paths = (error as ValidationError).problems.map((problem) => problem.path);
    expect(paths).toContain("nodes[1].data.text");
    expect(paths).toContain("nodes[2].data.url");
    expect((await getFlow(id)).publishedVersion).toBeNull();
  });

  it("publishes immutable versions and tracks unpublished changes", async () => {
    const { id } = await createFlow({ name: "Versions" });
    await saveDraft({ flowId: id, document: echoFlow("Versions"), baseRevision: 1 });
    expect((await publishFlow(id)).version).toBe(1);
    // Publishing an unchanged draft again is a no-op.
    expect((await publishFlow(id)).version).toBe(1);
    expect((await listFlows()).find((flow) => flow.id === id)).toMatchObject({ publishedVersion: 1, hasUnpublishedChanges: false });

    await saveDraft({ flowId: id, document: oneShotFlow("Versions"), baseRevision: 2 });
    expect((await listFlows()).find((flow) => flow.id === id)).toMatchObject({ hasUnpublishedChanges: true });
    expect((await publishFlow(id)).version).toBe(2);
    const flow = await getFlow(id);
    expect(flow.publishedVersion).toBe(2);
    expect(flow.versions.map((version) => version.version)).toEqual([2, 1]);
    expect(flow.versions[0].publishedAt).toBeInstanceOf(Date);
  });

  it("imports with every problem reported by path, and round-trips through export", async () => {
    const bad = flowDocument("Bad import", [{ id: "start", type: "start" }, { id: "ask", type: "collect", data: { question: "?", variable: "1bad", entity: { type: "regex", pattern: "" } } }], [
      ["start", "next", "ask"],
    ]);
    const error = await importFlow(bad).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    const problems = (error as ValidationError).problems;
    expect(problems.map((problem) => problem.path)).toEqual(expect.arrayContaining(["nodes[1].data.variable", "nodes[1].data.entity.pattern"]));

    const document = echoFlow("Round trip");
    const imported = await importFlow(document, { slug: "round-trip", publish: true });
    expect(imported).toMatchObject({ slug: "round-trip", created: true, version: 1 });
    expect(await exportFlow("round-trip")).toEqual(document);
    expect(await exportFlow(imported.id)).toEqual(document);
    const publishedExport = await exportFlow("round-trip", { published: true });
    expect(parseFlowDocument(publishedExport).ok).toBe(true);

    // Re-importing to the same slug with overwrite replaces the draft.
    const again = await importFlow(oneShotFlow("Round trip"), { slug: "round-trip", overwrite: true });
    expect(again).toMatchObject({ id: imported.id, created: false });
    expect(await exportFlow("round-trip")).toEqual(oneShotFlow("Round trip"));
    await expect(importFlow(document, { slug: "round-trip" })).rejects.toBeInstanceOf(ConflictError);
    await expect(exportFlow("nope")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("renames, duplicates and deletes", async () => {
    const { id } = await createFlow({ name: "Original" });
    await renameFlow({ id, name: "Renamed" });
    expect((await getFlow(id)).name).toBe("Renamed");
    const copy = await duplicateFlow(id);
    const copied = await getFlow(copy.id);
    expect(copied).toMatchObject({ name: "Copy of Renamed", revision: 1, publishedVersion: null });
    expect(draftDocument(copied)).toEqual(draftDocument(await getFlow(id)));
    await deleteFlow(id);
    await expect(getFlow(id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteFlow(id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("lists the blank template first", () => {
    expect(listTemplates()[0]).toMatchObject({ id: "blank" });
  });
});
