"use client";

import { useReactFlow } from "@xyflow/react";
import { Search } from "lucide-react";
import { useMemo, useState, type DragEvent } from "react";
import { nodeDefinitions, getNodeDefinition } from "@/flows/nodes";
import { NodeIcon } from "@/app/_components/NodeIcon";
import { useEditorStore } from "../store/editorStore";

export const PALETTE_MIME = "application/x-switchboard-node";

/** Every registry node type: drag onto the canvas, or click / Enter to add. */
export function NodePalette() {
  const [query, setQuery] = useState("");
  const { screenToFlowPosition } = useReactFlow();
  const definitions = useMemo(() => {
    const q = query.trim().toLowerCase();
    return nodeDefinitions.filter(
      (d) => !q || d.label.toLowerCase().includes(q) || d.description.toLowerCase().includes(q) || d.type.toLowerCase().includes(q),
    );
  }, [query]);

  function onDragStart(event: DragEvent, type: string) {
    event.dataTransfer.setData(PALETTE_MIME, type);
    event.dataTransfer.effectAllowed = "copy";
  }

  function add(type: string) {
    const store = useEditorStore.getState();
    const selected = store.nodes.find((n) => n.id === store.selectedNodeId);
    if (selected) {
      // Place it to the right of the selected node and connect the first free output.
      const position = { x: selected.position.x + 320, y: selected.position.y };
      const definition = getNodeDefinition(selected.type ?? "");
      let freeOutput: string | undefined;
      try {
        const used = new Set(store.edges.filter((e) => e.source === selected.id).map((e) => e.sourceHandle));
        freeOutput = definition?.outputs(selected.data).find((o) => !used.has(o.id))?.id;
      } catch {
        freeOutput = undefined;
      }
      const id = store.addNode(type, position);
      if (freeOutput && getNodeDefinition(type)?.hasInput) {
        store.onConnect({ source: selected.id, sourceHandle: freeOutput, target: id, targetHandle: null });
      }
      store.revealNode(id);
      return;
    }
    const pane = document.querySelector('[data-testid="flow-canvas"]')?.getBoundingClientRect();
    const center = pane ? { x: pane.left + pane.width / 2 - 120, y: pane.top + pane.height / 2 - 40 } : { x: 400, y: 300 };
    const jitter = (store.nodes.length % 5) * 24;
    const position = screenToFlowPosition({ x: center.x + jitter, y: center.y + jitter });
    store.addNode(type, { x: Math.round(position.x / 16) * 16, y: Math.round(position.y / 16) * 16 });
  }

  return (
    <nav aria-label="Node palette" className="flex h-full flex-col">
      <div className="border-b border-slate-200 p-2">
        <label className="relative block">
          <span className="sr-only">Search nodes</span>
          <Search className="pointer-events-none absolute top-1/2 left-2 h-3.5 w-3.5 -translate-y-1/2 text-slate-400" aria-hidden />
          <input
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder="Search nodes"
            className="h-8 w-full rounded-md border border-slate-200 bg-slate-50 pr-2 pl-7 text-xs focus:border-accent-500 focus:bg-white focus:outline-none"
          />
        </label>
      </div>
      <ul className="flex-1 space-y-1 overflow-y-auto p-2">
        {definitions.map((definition) => (
          <li key={definition.type}>
            <button
              type="button"
              draggable
              onDragStart={(e) => onDragStart(e, definition.type)}
              onClick={() => add(definition.type)}
              title={`${definition.description}\nDrag onto the canvas, or click to add.`}
              data-palette-type={definition.type}
              className="group flex w-full cursor-grab items-center gap-2 rounded-md border border-transparent px-2 py-1.5 text-left hover:border-slate-200 hover:bg-white hover:shadow-sm active:cursor-grabbing"
            >
              <span
                className="flex h-7 w-7 shrink-0 items-center justify-center rounded-md text-white"
                style={{ backgroundColor: definition.color }}
              >
                <NodeIcon name={definition.icon} className="h-4 w-4" />
              </span>
              <span className="min-w-0">
                <span className="block truncate text-[13px] font-medium text-slate-800">{definition.label}</span>
                <span className="block truncate text-[11px] text-slate-500">{definition.description}</span>
              </span>
            </button>
          </li>
        ))}
        {definitions.length === 0 ? <li className="px-2 py-4 text-center text-xs text-slate-400">No node matches “{query}”.</li> : null}
      </ul>
    </nav>
  );
}
