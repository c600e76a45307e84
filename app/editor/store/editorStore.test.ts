import { beforeEach, describe, expect, it } from "vitest";
import { parseFlowDocument } from "@/flows/schema/flowDocument";
import { useEditorStore } from "./editorStore";

const sampleDocument = {
  version: 1,
  name: "Order status 訂單查詢",
  description: "Sample",
  languages: ["yue", "en"],
  settings: { nluThreshold: 0.6 },
  variables: [{ name: "orderId", description: "" }],
  nodes: [
    { id: "start", type: "start", position: { x: 0, y: 0 }, data: {} },
    { id: "hello", type: "message", position: { x: 300, y: 0 }, data: { text: "你好！", quickReplies: ["A", "B"] } },
    { id: "bye", type: "end", position: { x: 600, y: 0 }, data: { outcome: "resolved", message: "" } },
  ],
  edges: [
    { id: "e1", source: "start", sourceHandle: "next", target: "hello" },
    { id: "e2", source: "hello", sourceHandle: "next", target: "bye" },
  ],
};

const store = () => useEditorStore.getState();

describe("editorStore", () => {
  beforeEach(() => {
    store().loadDocument("flow_1", structuredClone(sampleDocument), 3);
  });

  it("loads a document and converts it back unchanged", () => {
    expect(store().flowId).toBe("flow_1");
    expect(store().revision).toBe(3);
    expect(store().saveState).toBe("saved");
    expect(store().nodes).toHaveLength(3);
    expect(store().edges.map((e) => e.id)).toEqual(["e1", "e2"]);
    expect(store().toDocument()).toEqual(sampleDocument);
    expect(parseFlowDocument(store().toDocument()).ok).toBe(true);
  });

  it("adds a node with the definition defaults and selects it", () => {
    const id = store().addNode("message", { x: 10, y: 20 });
    const node = store().nodes.find((n) => n.id === id)!;
    expect(node.type).toBe("message");
    expect(node.data).toEqual({ text: "Hello! 你好！", quickReplies: [] });
    expect(store().selectedNodeId).toBe(id);
    expect(store().saveState).toBe("dirty");
    expect(() => store().addNode("nope", { x: 0, y: 0 })).toThrow();
  });

  it("connects outputs to inputs, one edge per output", () => {
    const id = store().addNode("end", { x: 0, y: 0 });
    store().onConnect({ source: "hello", sourceHandle: "next", target: id, targetHandle: null });
    const fromHello = store().edges.filter((e) => e.source === "hello");
    expect(fromHello).toHaveLength(1);
    expect(fromHello[0].target).toBe(id);
    // Nothing connects into the start node.
    store().onConnect({ source: "hello", sourceHandle: "next", target: "start", targetHandle: null });
    expect(store().edges.filter((e) => e.source === "hello")[0].target).toBe(id);
  });

  it("undoes and redoes, coalescing typing bursts", () => {
    store().updateNodeData("hello", { text: "H" });
    store().updateNodeData("hello", { text: "Hi" });
    store().updateNodeData("hello", { text: "Hi!" });
    expect(store().nodes.find((n) => n.id === "hello")!.data.text).toBe("Hi!");
    store().undo();
    expect(store().nodes.find((n) => n.id === "hello")!.data.text).toBe("你好！");
    store().redo();
    expect(store().nodes.find((n) => n.id === "hello")!.data.text).toBe("Hi!");
    const id = store().addNode("end", { x: 0, y: 0 });
    store().undo();
    expect(store().nodes.some((n) => n.id === id)).toBe(false);
    expect(store().canRedo).toBe(true);
    store().redo();
    expect(store().nodes.some((n) => n.id === id)).toBe(true);
  });

  it("coalesces a drag into one undo step", () => {
    for (let x = 1; x <= 20; x += 1) {
      store().onNodesChange([{ type: "position", id: "hello", position: { x: 300 + x, y: 0 }, dragging: true }]);
    }
    expect(store().nodes.find((n) => n.id === "hello")!.position.x).toBe(320);
    store().undo();
    expect(store().nodes.find((n) => n.id === "hello")!.position.x).toBe(300);
  });

  it("commits a drag once, when it stops (no per-frame changeId, autosave or problems work)", () => {
    const before = store().changeId;
    for (let x = 1; x <= 20; x += 1) {
      store().onNodesChange([{ type: "position", id: "hello", position: { x: 300 + x, y: 0 }, dragging: true }]);
    }
    expect(store().nodes.find((n) => n.id === "hello")!.position.x).toBe(320);
    expect(store().changeId).toBe(before);
    expect(store().saveState).toBe("saved");
    store().onNodesChange([{ type: "position", id: "hello", position: { x: 320, y: 0 }, dragging: false }]);
    expect(store().changeId).toBe(before + 1);
    expect(store().saveState).toBe("dirty");
    expect(store().canUndo).toBe(true);
    store().undo();
    expect(store().nodes.find((n) => n.id === "hello")!.position.x).toBe(300);
    expect(store().canUndo).toBe(false);
  });

  it("removing a node removes its edges", () => {
    store().onNodesChange([{ type: "remove", id: "hello" }]);
    expect(store().edges).toHaveLength(0);
    store().undo();
    expect(store().edges).toHaveLength(2);
  });

  it("copies and pastes the selection with new ids and offset positions", () => {
    store().onNodesChange([
      { type: "select", id: "hello", selected: true },
      { type: "select", id: "bye", selected: true },
    ]);
    expect(store().selectedNodeId).toBeNull();
    expect(store().copySelection()).toBe(2);
    store().paste();
    const nodes = store().nodes;
    expect(nodes).toHaveLength(5);
    const pasted = nodes.slice(3);
    expect(pasted.every((n) => !["hello", "bye"].includes(n.id))).toBe(true);
    expect(pasted[0].position).toEqual({ x: 340, y: 40 });
    expect(pasted[0].data).toEqual(nodes[1].data);
    expect(pasted[0].data).not.toBe(nodes[1].data);
    const pastedEdge = store().edges.at(-1)!;
    expect(pastedEdge.source).toBe(pasted[0].id);
    expect(pastedEdge.target).toBe(pasted[1].id);
    expect(parseFlowDocument(store().toDocument()).ok).toBe(true);
  });

  it("replaceDocument is undoable", () => {
    const next = structuredClone(sampleDocument);
    next.nodes = next.nodes.slice(0, 1);
    next.edges = [];
    store().replaceDocument(next);
    expect(store().nodes).toHaveLength(1);
    store().undo();
    expect(store().toDocument()).toEqual(sampleDocument);
  });

  it("selectNode and highlight", () => {
    store().selectNode("bye");
    expect(store().selectedNodeId).toBe("bye");
    expect(store().nodes.find((n) => n.id === "bye")!.selected).toBe(true);
    store().setHighlight({ activeNodeId: "hello", visitedNodeIds: ["start", "hello"], visitedEdgeIds: ["e1"] });
    expect(store().highlight.activeNodeId).toBe("hello");
    store().clearHighlight();
    expect(store().highlight.visitedNodeIds).toEqual([]);
  });

  it("autoLayout positions every node left to right", async () => {
    store().addNode("end", { x: 0, y: 0 });
    await store().autoLayout();
    const byId = new Map(store().nodes.map((n) => [n.id, n.position]));
    expect(store().nodes.every((n) => Number.isFinite(n.position.x) && Number.isFinite(n.position.y))).toBe(true);
    expect(byId.get("start")!.x).toBeLessThan(byId.get("hello")!.x);
    expect(byId.get("hello")!.x).toBeLessThan(byId.get("bye")!.x);
  });

  it("markSaved keeps the state dirty when edits happened during the save", () => {
    store().updateNodeData("hello", { text: "A" });
    const inFlight = store().changeId;
    store().updateNodeData("hello", { text: "AB" });
    store().markSaved(4, inFlight);
    expect(store().revision).toBe(4);
    expect(store().saveState).toBe("dirty");
    store().markSaved(5, store().changeId);
    expect(store().saveState).toBe("saved");
  });
});
