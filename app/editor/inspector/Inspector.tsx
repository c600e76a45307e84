"use client";

import { Check, Copy, Settings2, Trash2 } from "lucide-react";
import { useCallback, useDeferredValue, useMemo, useState } from "react";
import { z } from "zod";
import { useShallow } from "zustand/react/shallow";
import { getNodeDefinition } from "@/flows/nodes";
import { flowSettingsSchema, flowVariableSchema } from "@/flows/schema/flowDocument";
import { IconButton } from "@/app/_components/Button";
import { NodeIcon } from "@/app/_components/NodeIcon";
import { selectVariableNames, useEditorStore, type FlowMeta, type FlowNodeData } from "../store/editorStore";
import { issuesByPath, jsonSchemaOf, setIn } from "./jsonSchema";
import { inspectorExtras } from "./inspectorExtras";
import { SchemaForm } from "./SchemaForm";

/** Right-panel "Inspector" tab: the selected node's generated form, or the flow settings. */
export function Inspector() {
  // Deferred: a click on the canvas shows the selection first; the node's form renders in the background after.
  const selectedNodeId = useDeferredValue(useEditorStore((s) => s.selectedNodeId));
  return selectedNodeId ? <NodeInspector key={selectedNodeId} nodeId={selectedNodeId} /> : <FlowSettingsForm />;
}

function useVariableNames(dependency: unknown): string[] {
  const variables = useEditorStore((s) => s.meta.variables);
  // Not live on every keystroke: recomputed when the selection or declared variables change.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => selectVariableNames(useEditorStore.getState()), [dependency, variables]);
}

function NodeInspector({ nodeId }: { nodeId: string }) {
  // Only the node's type and data: a drag changes the node object every frame, which must not re-render the form.
  const node = useEditorStore(
    useShallow((s): { id: string; type: string | undefined; data: FlowNodeData } | { id: null; type: undefined; data: undefined } => {
      const found = s.nodes.find((n) => n.id === nodeId);
      return found ? { id: found.id, type: found.type, data: found.data } : { id: null, type: undefined, data: undefined };
    }),
  );
  const variables = useVariableNames(nodeId);
  const definition = node.id ? getNodeDefinition(node.type ?? "") : undefined;
  const [copied, setCopied] = useState(false);

  const errors = useMemo(() => {
    if (!node.id || !definition) return new Map<string, string[]>();
    const parsed = definition.dataSchema.safeParse(node.data);
    if (!parsed.success) return issuesByPath(parsed.error.issues);
    let extra: { path?: (string | number)[]; message: string }[] = [];
    try {
      extra = definition.validate?.(parsed.data) ?? [];
    } catch {
      extra = [];
    }
    return issuesByPath(extra.map((p) => ({ path: p.path ?? [], message: p.message })));
  }, [node.id, node.data, definition]);

  const onChange = useCallback(
    (path: (string | number)[], value: unknown, discrete?: boolean) => {
      const current = useEditorStore.getState().nodes.find((n) => n.id === nodeId);
      if (!current) return;
      const data = setIn(current.data, path, value) as Record<string, unknown>;
      useEditorStore.getState().setNodeData(nodeId, data, discrete ? null : `data:${nodeId}:${path.join(".")}`);
    },
    [nodeId],
  );

  if (!node.id) return null;
  if (!definition) {
    return (
      <div className="p-4 text-sm text-slate-600">
        Node <code className="font-mono">{nodeId}</code> has an unknown type “{node.type}”. Fix it in the JSON tab or delete it.
      </div>
    );
  }
  const rootErrors = errors.get("") ?? [];
  const Extra = inspectorExtras[node.type ?? ""];

  return (
    <div className="flex h-full flex-col" data-testid="node-inspector">
      <div className="border-b border-slate-200 px-4 py-3">
        <div className="flex items-center gap-2">
          <span className="flex h-7 w-7 shrink-0 items-center justify-center rounded-md text-white" style={{ backgroundColor: definition.color }}>
            <NodeIcon name={definition.icon} className="h-4 w-4" />
          </span>
          <div className="min-w-0 flex-1">
            <h3 className="truncate text-sm font-semibold text-slate-900">{definition.label}</h3>
            <p className="truncate text-[11px] text-slate-500">{definition.description}</p>
          </div>
          <IconButton aria-label="Delete node" size="sm" className="hover:!bg-red-50 hover:!text-red-600" onClick={() => useEditorStore.getState().deleteNodes([nodeId])}>
            <Trash2 className="h-4 w-4" />
          </IconButton>
        </div>
        <dl className="mt-2 grid grid-cols-[auto_1fr] items-center gap-x-3 gap-y-0.5 text-[11px] text-slate-500">
          <dt>Node id</dt>
          <dd className="flex min-w-0 items-center gap-1">
            <code className="truncate font-mono text-slate-700" data-testid="inspector-node-id">{nodeId}</code>
            <IconButton
              aria-label="Copy node id"
              size="sm"
              className="!h-5 !w-5"
              onClick={() => {
                void navigator.clipboard?.writeText(nodeId).then(() => {
                  setCopied(true);
                  setTimeout(() => setCopied(false), 1200);
                });
              }}
            >
              {copied ? <Check className="h-3 w-3" /> : <Copy className="h-3 w-3" />}
            </IconButton>
          </dd>
          <dt>Type</dt>
          <dd className="font-mono text-slate-700">{node.type}</dd>
        </dl>
      </div>
      <div className="flex-1 overflow-y-auto px-4 py-4">
        {rootErrors.length ? <p className="mb-3 text-xs text-red-600">{rootErrors.join(" · ")}</p> : null}
        <SchemaForm schema={jsonSchemaOf(definition.dataSchema)} value={node.data} onChange={onChange} errors={errors} variables={variables} />
        {Extra ? (
          <div className="mt-6 border-t border-slate-200 pt-4">
            <Extra nodeId={node.id} />
          </div>
        ) : null}
      </div>
    </div>
  );
}

/** What the flow-settings form edits: the document's meta (everything but nodes and edges). */
const flowMetaFormSchema = z.object({
  name: z.string().min(1, "Flow name is empty").max(200).meta({ title: "Flow name" }),
  description: z.string().default("").meta({ title: "Description", description: "For your team: what this flow handles.", widget: "template" }),
  languages: z
    .array(z.string())
    .default(["en"])
    .meta({ title: "Languages", description: "Language codes this flow speaks, one per line (e.g. yue, zh-Hant, en).", widget: "lines" }),
  settings: flowSettingsSchema.meta({ title: "Settings" }),
  variables: z
    .array(flowVariableSchema)
    .default([])
    .meta({ title: "Variables", description: "Declared variables, available as {{name}} in messages and in expressions." }),
});

function FlowSettingsForm() {
  const rawMeta = useEditorStore((s) => s.meta);
  const variables = useVariableNames(null);
  // Show the runtime defaults for settings the document leaves out (the draft may omit them).
  const meta = useMemo(() => {
    const settings = flowSettingsSchema.safeParse(rawMeta.settings);
    return settings.success ? { ...rawMeta, settings: settings.data } : rawMeta;
  }, [rawMeta]);
  const errors = useMemo(() => {
    const parsed = flowMetaFormSchema.safeParse(meta);
    return parsed.success ? new Map<string, string[]>() : issuesByPath(parsed.error.issues);
  }, [meta]);
  const onChange = useCallback((path: (string | number)[], value: unknown) => {
    const current = useEditorStore.getState().meta;
    const next = setIn(current, path, value) as FlowMeta;
    const key = path[0] as keyof FlowMeta;
    useEditorStore.getState().updateMeta({ [key]: next[key] } as Partial<FlowMeta>);
  }, []);
  return (
    <div className="flex h-full flex-col" data-testid="flow-settings">
      <div className="flex items-center gap-2 border-b border-slate-200 px-4 py-3">
        <span className="flex h-7 w-7 items-center justify-center rounded-md bg-slate-700 text-white">
          <Settings2 className="h-4 w-4" aria-hidden />
        </span>
        <div>
          <h3 className="text-sm font-semibold text-slate-900">Flow settings</h3>
          <p className="text-[11px] text-slate-500">Select a node on the canvas to edit it.</p>
        </div>
      </div>
      <div className="flex-1 overflow-y-auto px-4 py-4">
        <SchemaForm schema={jsonSchemaOf(flowMetaFormSchema)} value={meta} onChange={onChange} errors={errors} variables={variables} />
      </div>
    </div>
  );
}
