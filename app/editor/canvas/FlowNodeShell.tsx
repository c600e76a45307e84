"use client";

import { Handle, Position, type NodeProps } from "@xyflow/react";
import { memo, useMemo } from "react";
import { getNodeDefinition, type NodeOutput } from "@/flows/nodes";
import { NodeIcon } from "@/app/_components/NodeIcon";
import { highlightSets, useEditorStore, type EditorNode } from "../store/editorStore";

/**
 * The one canvas component for every node type: everything it shows comes
 * from the node's registry definition (icon, colour, label, summary, outputs).
 */
export const FlowNodeShell = memo(function FlowNodeShell({ id, type, data, selected }: NodeProps<EditorNode>) {
  const definition = getNodeDefinition(type);
  const isActive = useEditorStore((s) => s.highlight.activeNodeId === id);
  const isVisited = useEditorStore((s) => highlightSets(s.highlight).nodes.has(id));

  const { outputs, summary } = useMemo(() => {
    if (!definition) return { outputs: [] as NodeOutput[], summary: [] as string[] };
    const outputs = safe(() => definition.outputs(data), [] as NodeOutput[]);
    let summary = safe(() => definition.summary(data), [] as string[]);
    // Outputs are listed as labelled rows already: drop summary lines that only repeat them.
    if (outputs.length > 1) {
      const labels = new Set(outputs.map((o) => o.label));
      summary = summary.filter((line) => !labels.has(line));
    }
    return { outputs, summary };
  }, [definition, data]);

  if (!definition) return <UnknownNode id={id} />;

  const single = outputs.length === 1 && (outputs[0].kind ?? "default") === "default";
  const ring = isActive
    ? "ring-4 ring-amber-400 border-amber-500"
    : selected
      ? "ring-2 ring-accent-500 border-accent-500"
      : isVisited
        ? "border-amber-400 bg-amber-50/40"
        : "border-slate-200 hover:border-slate-300";

  return (
    <div
      className={`sb-node relative w-60 rounded-lg border shadow-sm transition-shadow ${isVisited && !isActive && !selected ? "" : "bg-white"} ${ring}`}
      data-node-type={type}
      data-active={isActive || undefined}
      data-visited={isVisited || undefined}
    >
      {definition.hasInput ? (
        <Handle type="target" position={Position.Left} className="sb-handle !top-5" aria-label={`Input of ${definition.label}`} />
      ) : null}
      <div className="flex items-center gap-2 rounded-t-lg px-3 pt-2.5 pb-1.5">
        <span
          className="flex h-6 w-6 shrink-0 items-center justify-center rounded-md text-white"
          style={{ backgroundColor: definition.color }}
        >
          <NodeIcon name={definition.icon} className="h-3.5 w-3.5" strokeWidth={2.25} />
        </span>
        <span className="truncate text-[13px] font-semibold text-slate-800">{definition.label}</span>
      </div>
      {summary.length ? (
        <div className="space-y-0.5 px-3 pb-2 text-xs leading-snug text-slate-600">
          {summary.slice(0, 4).map((line, index) => (
            <p key={index} className="line-clamp-2 break-words">
              {line || "\u00a0"}
            </p>
          ))}
        </div>
      ) : (
        <div className="pb-1" />
      )}
      {single ? (
        <Handle
          type="source"
          id={outputs[0].id}
          position={Position.Right}
          className="sb-handle !top-5"
          aria-label={`Output ${outputs[0].label}`}
        />
      ) : outputs.length ? (
        <ul className="border-t border-slate-100 py-1">
          {outputs.map((output) => (
            <OutputRow key={output.id} output={output} />
          ))}
        </ul>
      ) : null}
    </div>
  );
});

/** A node whose type is not in the registry (e.g. a typo in the JSON view). */
function UnknownNode({ id }: { id: string }) {
  // React Flow renders unknown types with the `default` entry and passes type "default": read the real one.
  const type = useEditorStore((s) => s.nodes.find((n) => n.id === id)?.type);
  return (
    <div className="sb-node w-60 rounded-lg border-2 border-dashed border-red-400 bg-red-50 px-3 py-2 text-xs text-red-700">
      <Handle type="target" position={Position.Left} className="sb-handle" />
      <div className="font-semibold">Unknown node type “{type}”</div>
      <div>Fix it in the JSON tab or delete it.</div>
    </div>
  );
}

function OutputRow({ output }: { output: NodeOutput }) {
  const kind = output.kind ?? "default";
  const style =
    kind === "fallback" ? "text-amber-700 italic" : kind === "error" ? "text-red-600 italic" : "text-slate-700";
  const handleStyle =
    kind === "fallback" ? "!border-amber-500 !border-dashed" : kind === "error" ? "!border-red-500 !border-dashed" : "";
  return (
    <li className={`relative flex h-6 items-center justify-end pr-4 pl-3 text-xs ${style}`} data-output={output.id}>
      <span className="truncate" title={output.label}>
        {output.label}
      </span>
      <Handle
        type="source"
        id={output.id}
        position={Position.Right}
        className={`sb-handle ${handleStyle}`}
        aria-label={`Output ${output.label}`}
      />
    </li>
  );
}

function safe<T>(fn: () => T, fallback: T): T {
  try {
    return fn() ?? fallback;
  } catch {
    return fallback;
  }
}
