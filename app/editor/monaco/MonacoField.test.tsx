// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { MonacoField } from "./MonacoField";

const preload = vi.hoisted(() => vi.fn());
vi.mock("./LazyMonacoEditor", () => ({
  LazyMonacoEditor: ({ value }: { value: string }) => <div data-testid="monaco-stub">{value}</div>,
  preloadMonacoEditor: preload,
}));

describe("MonacoField", () => {
  afterEach(cleanup);

  it("shows its text without Monaco, and becomes Monaco when the designer reaches for it", () => {
    render(<MonacoField value={'{\n  "a": 1\n}'} onChange={() => {}} language="json" variables={[]} ariaLabel="Body" />);
    const preview = screen.getByRole("textbox", { name: "Body" });
    expect(preview.textContent).toBe('{\n  "a": 1\n}');
    expect(screen.queryByTestId("monaco-stub")).toBeNull();

    fireEvent.pointerEnter(preview);
    expect(preload).toHaveBeenCalled();
    expect(screen.queryByTestId("monaco-stub")).toBeNull();

    fireEvent.focus(preview);
    expect(screen.queryByRole("textbox", { name: "Body" })).toBeNull();
    expect(screen.getByTestId("monaco-stub").textContent).toBe('{\n  "a": 1\n}');
  });
});
