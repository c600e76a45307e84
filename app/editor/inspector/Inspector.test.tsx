// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { useEditorStore } from "../store/editorStore";
import { Inspector } from "./Inspector";

const document = {
  version: 1,
  name: "Test flow",
  nodes: [
    { id: "start", type: "start", position: { x: 0, y: 0 }, data: {} },
    {
      id: "ask",
      type: "intent",
      position: { x: 300, y: 0 },
      data: { prompt: "", threshold: 0.5, intents: [{ id: "intent_1", name: "order_status", phrases: ["where is my order"], entities: [] }] },
    },
    { id: "hello", type: "message", position: { x: 600, y: 0 }, data: { text: "Hi", quickReplies: [] } },
  ],
  edges: [],
};

const store = () => useEditorStore.getState();

describe("Inspector", () => {
  beforeEach(() => store().loadDocument("f1", structuredClone(document), 1));
  afterEach(cleanup);

  it("shows flow settings when nothing is selected", () => {
    render(<Inspector />);
    expect(screen.getByText("Flow settings")).toBeTruthy();
    expect((screen.getByLabelText("Flow name") as HTMLInputElement).value).toBe("Test flow");
  });

  it("generates the node form from its schema and writes changes to the store", () => {
    act(() => store().selectNode("hello"));
    render(<Inspector />);
    expect(screen.getByTestId("inspector-node-id").textContent).toBe("hello");
    const message = screen.getByLabelText("Message") as HTMLTextAreaElement;
    fireEvent.change(message, { target: { value: "" } });
    expect(store().nodes.find((n) => n.id === "hello")!.data.text).toBe("");
    // Inline validation message from the data schema.
    expect(screen.getByRole("alert").textContent).toContain("Message text is empty");
    // "lines" widget: pasting several lines at once makes several quick replies.
    fireEvent.change(screen.getByLabelText("Quick replies"), { target: { value: "Yes\n\n是\nNo  \n" } });
    expect(store().nodes.find((n) => n.id === "hello")!.data.quickReplies).toEqual(["Yes", "是", "No"]);
  });

  it("adds list items that are outputs with a fresh id, and removes them", () => {
    act(() => store().selectNode("ask"));
    render(<Inspector />);
    fireEvent.click(screen.getByRole("button", { name: "Add intent" }));
    const intents = store().nodes.find((n) => n.id === "ask")!.data.intents as { id: string }[];
    expect(intents).toHaveLength(2);
    expect(intents[1].id).toBe("intent_2");
    fireEvent.click(screen.getByRole("button", { name: "Move intent 2 up" }));
    expect((store().nodes.find((n) => n.id === "ask")!.data.intents as { id: string }[])[0].id).toBe("intent_2");
    fireEvent.click(screen.getByRole("button", { name: "Remove intent 1" }));
    expect((store().nodes.find((n) => n.id === "ask")!.data.intents as { id: string }[]).map((i) => i.id)).toEqual(["intent_1"]);
    act(() => store().undo());
    expect((store().nodes.find((n) => n.id === "ask")!.data.intents as unknown[]).length).toBe(2);
  });
});
