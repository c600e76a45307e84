"use client";

import { useEffect } from "react";
import { useEditorStore } from "../store/editorStore";

export interface ShortcutHandlers {
  save(): void;
}

/** The shortcuts listed in the help popover (SHORTCUTS). Text fields and Monaco keep their own undo/copy. */
export function useEditorShortcuts({ save }: ShortcutHandlers) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (mod && key === "s") {
        event.preventDefault();
        save();
        return;
      }
      if (isEditable(event.target)) return;
      const store = useEditorStore.getState();
      if (mod && key === "z" && !event.shiftKey) {
        event.preventDefault();
        store.undo();
      } else if ((mod && key === "z" && event.shiftKey) || (mod && key === "y")) {
        event.preventDefault();
        store.redo();
      } else if (mod && key === "c") {
        if (window.getSelection()?.toString()) return;
        if (store.copySelection() > 0) event.preventDefault();
      } else if (mod && key === "v") {
        event.preventDefault();
        store.paste();
      } else if (mod && key === "d") {
        event.preventDefault();
        if (store.copySelection() > 0) store.paste();
      } else if (mod && key === "a") {
        event.preventDefault();
        useEditorStore.setState({
          nodes: store.nodes.map((n) => (n.selected ? n : { ...n, selected: true })),
          selectedNodeId: store.nodes.length === 1 ? store.nodes[0].id : null,
        });
      } else if (key === "escape") {
        store.selectNode(null);
      } else if (event.shiftKey && key === "l" && !mod) {
        event.preventDefault();
        void store.autoLayout();
      }
    };
    // The canvas pane swallows mousedown, so a click on it would leave focus in the text
    // field or Monaco editor the user came from, and Delete or Ctrl+Z would go there.
    const onPointerDown = (event: PointerEvent) => {
      if (!(event.target instanceof Element) || !event.target.closest(".react-flow__pane, .react-flow__node")) return;
      const active = document.activeElement;
      if (active instanceof HTMLElement && isEditable(active)) active.blur();
    };
    window.addEventListener("keydown", onKeyDown);
    window.addEventListener("pointerdown", onPointerDown, true);
    return () => {
      window.removeEventListener("keydown", onKeyDown);
      window.removeEventListener("pointerdown", onPointerDown, true);
    };
  }, [save]);
}

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target.closest(".monaco-editor")) return true;
  const tag = target.tagName;
  return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT";
}

export const SHORTCUTS: { keys: string; action: string }[] = [
  { keys: "Drag / click", action: "Add a node from the palette" },
  { keys: "Drag a handle", action: "Connect an output to a node" },
  { keys: "Delete · Backspace", action: "Delete selected nodes / edges" },
  { keys: "Shift + drag", action: "Box-select nodes" },
  { keys: "Ctrl/⌘ + click", action: "Add to selection" },
  { keys: "Ctrl/⌘ + A", action: "Select all" },
  { keys: "Ctrl/⌘ + C / V", action: "Copy / paste nodes" },
  { keys: "Ctrl/⌘ + D", action: "Duplicate selection" },
  { keys: "Ctrl/⌘ + Z", action: "Undo" },
  { keys: "Ctrl/⌘ + Shift + Z · Ctrl + Y", action: "Redo" },
  { keys: "Ctrl/⌘ + S", action: "Save now" },
  { keys: "Shift + L", action: "Auto-layout" },
  { keys: "Esc", action: "Clear selection" },
  { keys: "Scroll · drag canvas", action: "Zoom · pan" },
];
