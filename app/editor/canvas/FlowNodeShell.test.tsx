// @vitest-environment jsdom
import { cleanup, render } from "@testing-library/react";
import { ReactFlow, ReactFlowProvider } from "@xyflow/react";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { nodeDefinitions } from "@/flows/nodes";
import type { EditorNode } from "../store/editorStore";
import { nodeTypes } from "./nodeTypes";

beforeAll(() => {
  // jsdom has no ResizeObserver; React Flow only needs it to exist here.
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
});
afterEach(cleanup);

describe("FlowNodeShell", () => {
  it("has a canvas component for every registry type", () => {
    for (const definition of nodeDefinitions) expect(nodeTypes).toHaveProperty(definition.type);
  });

  it("renders every registered node type from its definition: label, one handle per output, input handle", () => {
    const nodes: EditorNode[] = nodeDefinitions.map((definition, index) => ({
      id: `n${index}`,
      type: definition.type,
      position: { x: 0, y: index * 200 },
      data: definition.defaults() as Record<string, unknown>,
    }));
    const { container } = render(
      <div style={{ width: 800, height: 600 }}>
        <ReactFlowProvider>
          <ReactFlow nodes={nodes} edges={[]} nodeTypes={nodeTypes} />
        </ReactFlowProvider>
      </div>,
    );
    nodeDefinitions.forEach((definition, index) => {
      const element = container.querySelector(`.react-flow__node[data-id="n${index}"]`);
      expect(element, definition.type).toBeTruthy();
      expect(element!.textContent).toContain(definition.label);
      const outputs = definition.outputs(nodes[index].data as never);
      const sources = [...element!.querySelectorAll(".react-flow__handle.source")].map((h) => h.getAttribute("data-handleid"));
      expect(sources, definition.type).toEqual(outputs.map((o) => o.id));
      expect(element!.querySelectorAll(".react-flow__handle.target").length, definition.type).toBe(definition.hasInput ? 1 : 0);
    });
  });

  it("renders unknown types as an error node", () => {
    const { container } = render(
      <div style={{ width: 800, height: 600 }}>
        <ReactFlowProvider>
          <ReactFlow nodes={[{ id: "x", type: "bogus", position: { x: 0, y: 0 }, data: {} }]} edges={[]} nodeTypes={nodeTypes} />
        </ReactFlowProvider>
      </div>,
    );
    expect(container.querySelector('.react-flow__node[data-id="x"]')!.textContent).toContain("Unknown node type");
  });
});
