import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { documentToFlowState, flowStateToDocument } from "./documentConversion";

describe("documentConversion", () => {
  it("round-trips every example flow exactly", () => {
    const dir = path.join(process.cwd(), "flows", "examples");
    const files = readdirSync(dir).filter((f) => f.endsWith(".json"));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const document = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as Record<string, unknown>;
      const state = documentToFlowState(document);
      const back = flowStateToDocument(state);
      // Same content (key order aside); positions are rounded integers already in the examples.
      expect(back).toEqual({ description: "", languages: ["en"], settings: {}, variables: [], ...document, edges: document.edges ?? [] });
    }
  });

  it("uses the output id as sourceHandle and keeps edge ids", () => {
    const state = documentToFlowState({
      version: 1,
      name: "x",
      nodes: [
        { id: "a", type: "start", position: { x: 1, y: 2 }, data: {} },
        { id: "b", type: "end", position: { x: 3, y: 4 }, data: { outcome: "resolved", message: "" } },
      ],
      edges: [{ id: "keep-me", source: "a", sourceHandle: "next", target: "b" }],
    });
    expect(state.edges).toEqual([{ id: "keep-me", source: "a", sourceHandle: "next", target: "b" }]);
    expect(state.nodes[0]).toEqual({ id: "a", type: "start", position: { x: 1, y: 2 }, data: {} });
  });

  it("is lenient with invalid drafts and preserves unknown keys", () => {
    const state = documentToFlowState({
      name: 42,
      custom: { keep: true },
      nodes: [{ id: "a", type: "message" }, "junk", { type: "no-id" }, { id: "a", type: "dup" }],
      edges: [{ source: "a", target: "b" }, null],
    });
    expect(state.meta.name).toBe("Untitled flow");
    expect(state.meta.custom).toEqual({ keep: true });
    expect(state.nodes).toHaveLength(1);
    expect(state.nodes[0].position).toEqual({ x: 0, y: 0 });
    expect(state.edges).toHaveLength(1);
    expect(state.edges[0].id).toBeTruthy();
    const back = flowStateToDocument(state);
    expect(back.custom).toEqual({ keep: true });
    expect(documentToFlowState(null).nodes).toEqual([]);
  });

  it("rounds positions and drops React Flow-only fields", () => {
    const back = flowStateToDocument({
      meta: documentToFlowState({}).meta,
      nodes: [{ id: "a", type: "start", position: { x: 1.6, y: 2.2 }, data: {}, selected: true, measured: { width: 10, height: 10 } }],
      edges: [{ id: "e", source: "a", target: "b", sourceHandle: "next", selected: true, animated: true }],
    });
    expect(back.nodes).toEqual([{ id: "a", type: "start", position: { x: 2, y: 2 }, data: {} }]);
    expect(back.edges).toEqual([{ id: "e", source: "a", sourceHandle: "next", target: "b" }]);
  });
});
