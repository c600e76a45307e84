"use client";
// "Send test request" for an API-call node: shows the request rendered with
// the test variables, sends it through the server (chat.sendTestRequest), and
// shows the real response as a JSON tree. Clicking a field adds a response
// mapping { variable, path } to the node.
import { useMutation } from "@tanstack/react-query";
import { ChevronRight, Plus, Send } from "lucide-react";
import { useMemo, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/app/_components/Button";
import { errorMessage } from "@/app/_components/trpcErrors";
import { useTRPC } from "@/app/_trpc/trpc";
import type { Variables } from "@/flows/engine/types";
import { useEditorStore } from "../store/editorStore";
import { mappingPath, readApiCall, renderTestRequest, requestVariables, suggestVariableName } from "./apiRequestPreview";
import { useTestChatStore } from "./testChatStore";

interface TestResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
  durationMs: number;
}

export function ApiTestRequest({ nodeId }: { nodeId: string }) {
  const trpc = useTRPC();
  const sendRequest = useMutation(trpc.chat.sendTestRequest.mutationOptions());
  const node = useEditorStore((state) => state.nodes.find((candidate) => candidate.id === nodeId));
  const flowVariables = useEditorStore((state) => state.meta.variables);
  const sessionVariables = useTestChatStore((state) => state.session?.variables);
  const [overrides, setOverrides] = useState<Record<string, string>>({});
  const [response, setResponse] = useState<TestResponse | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [picked, setPicked] = useState<(string | number)[] | null>(null);
  const [variableName, setVariableName] = useState("");

  const call = useMemo(() => readApiCall(node?.data ?? {}), [node?.data]);
  const referenced = useMemo(() => requestVariables(call), [call]);
  const baseVariables = useMemo(() => {
    const values: Variables = {};
    for (const variable of flowVariables) if (variable.defaultValue !== undefined) values[variable.name] = variable.defaultValue;
    return { ...values, ...(sessionVariables ?? {}) };
  }, [flowVariables, sessionVariables]);
  const variables = useMemo(() => ({ ...baseVariables, ...overrides }), [baseVariables, overrides]);
  const rendered = useMemo(() => renderTestRequest(call, variables), [call, variables]);

  if (!node) return null;

  async function send() {
    if (!rendered.ok) return;
    setFailure(null);
    setPicked(null);
    try {
      const result = await sendRequest.mutateAsync({ ...rendered.request, method: rendered.request.method as "GET" });
      if (!result.ok) {
        setResponse(null);
        setFailure(result.error);
        return;
      }
      setResponse(result);
    } catch (error) {
      const message = errorMessage(error);
      setResponse(null);
      setFailure(message);
      toast.error("Test request failed", { description: message });
    }
  }

  function pick(path: (string | number)[]) {
    setPicked(path);
    setVariableName(suggestVariableName(path, call.responseMappings.map((mapping) => mapping.variable)));
  }

  function addMapping() {
    if (!picked) return;
    const variable = variableName.trim();
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(variable)) {
      toast.error("Variable names use letters, digits and _ only, starting with a letter or _");
      return;
    }
    const path = mappingPath(picked);
    const current = readApiCall(useEditorStore.getState().nodes.find((candidate) => candidate.id === nodeId)?.data ?? {});
    const mappings = [...current.responseMappings.filter((mapping) => mapping.variable !== variable), { variable, path }];
    useEditorStore.getState().updateNodeData(nodeId, { responseMappings: mappings });
    toast.success(`Saving ${path} into {{${variable}}}`);
    setPicked(null);
  }

  const mappedPaths = new Set(call.responseMappings.map((mapping) => mapping.path));

  return (
    <div className="flex flex-col gap-2 text-xs" data-testid="api-test-request">
      {referenced.length > 0 && (
        <fieldset className="flex flex-col gap-1">
          <legend className="mb-1 font-medium text-slate-600">Test values</legend>
          {referenced.map((name) => (
            <label key={name} className="grid grid-cols-[8rem_minmax(0,1fr)] items-center gap-2">
              <span className="truncate font-mono text-slate-600" title={name}>
                {name}
              </span>
              <input
                className="h-7 rounded border border-slate-300 px-2 font-mono focus:border-accent-500 focus:outline-none"
                value={overrides[name] ?? displayValue(baseVariables[name])}
                onChange={(event) => setOverrides({ ...overrides, [name]: event.target.value })}
                aria-label={`Test value for ${name}`}
              />
            </label>
          ))}
        </fieldset>
      )}

      <div className="rounded border border-slate-200 bg-slate-50 p-2 font-mono text-[11px] break-all" data-testid="api-test-request-preview">
        {rendered.ok ? (
          <>
            <div>
              <span className="font-semibold text-accent-700">{rendered.request.method}</span> {rendered.request.url || <em className="text-slate-400">(no URL)</em>}
            </div>
            {Object.entries(rendered.request.headers).map(([name, value]) => (
              <div key={name} className="text-slate-500">
                {name}: {value}
              </div>
            ))}
            {rendered.request.body !== undefined && <pre className="mt-1 whitespace-pre-wrap text-slate-700">{rendered.request.body}</pre>}
          </>
        ) : (
          <span className="text-red-700">{rendered.error}</span>
        )}
      </div>

      <Button variant="secondary" size="sm" onClick={send} disabled={!rendered.ok || !call.url.trim() || sendRequest.isPending} className="self-start">
        <Send className="size-3.5" aria-hidden /> {sendRequest.isPending ? "Sending…" : "Send test request"}
      </Button>

      {failure && (
        <p className="rounded border border-red-200 bg-red-50 p-2 text-red-800" role="alert">
          {failure}
        </p>
      )}

      {response && (
        <div className="flex flex-col gap-1" data-testid="api-test-response">
          <div className="flex items-center gap-2">
            <span className={`rounded px-1.5 py-0.5 font-mono font-semibold ${response.status >= 200 && response.status < 300 ? "bg-green-100 text-green-800" : "bg-red-100 text-red-800"}`}>
              {response.status}
            </span>
            <span className="text-slate-500">{response.durationMs} ms</span>
            <span className="ml-auto text-slate-400">Click a field to save it into a variable</span>
          </div>
          <div className="max-h-72 overflow-auto rounded border border-slate-200 bg-white p-1.5 font-mono text-[11px]">
            <JsonTree value={response.body} path={[]} depth={0} onPick={pick} picked={picked} mappedPaths={mappedPaths} />
          </div>
          {picked && (
            <div className="flex items-center gap-1.5 rounded border border-accent-200 bg-accent-50 p-1.5" data-testid="api-test-mapping">
              <span className="truncate font-mono" title={mappingPath(picked)}>
                {mappingPath(picked)}
              </span>
              <span className="text-slate-500">→</span>
              <input
                className="h-6 w-28 rounded border border-slate-300 px-1.5 font-mono focus:border-accent-500 focus:outline-none"
                value={variableName}
                onChange={(event) => setVariableName(event.target.value)}
                onKeyDown={(event) => event.key === "Enter" && addMapping()}
                aria-label="Variable name"
              />
              <Button variant="primary" size="sm" onClick={addMapping} className="ml-auto">
                <Plus className="size-3.5" aria-hidden /> Add mapping
              </Button>
            </div>
          )}
        </div>
      )}
    </div>
  );
}

function JsonTree({
  value,
  path,
  depth,
  label,
  onPick,
  picked,
  mappedPaths,
}: {
  value: unknown;
  path: (string | number)[];
  depth: number;
  label?: string;
  onPick(path: (string | number)[]): void;
  picked: (string | number)[] | null;
  mappedPaths: Set<string>;
}) {
  const [open, setOpen] = useState(depth < 2);
  const isPicked = picked !== null && picked.length === path.length && picked.every((segment, index) => segment === path[index]);
  const mapped = path.length > 0 && mappedPaths.has(mappingPath(path));
  const container = value !== null && typeof value === "object";
  const entries: [string | number, unknown][] = container ? (Array.isArray(value) ? value.map((item, index) => [index, item]) : Object.entries(value as Record<string, unknown>)) : [];

  const key =
    label !== undefined ? (
      <button
        type="button"
        onClick={() => onPick(path)}
        className={`rounded px-0.5 text-left hover:bg-accent-100 ${isPicked ? "bg-accent-200" : ""} ${mapped ? "text-green-700 underline decoration-dotted" : "text-accent-700"}`}
        title={mapped ? `${mappingPath(path)} (already saved)` : `Save ${mappingPath(path)} into a variable`}
        data-testid="json-tree-key"
      >
        {label}
      </button>
    ) : null;

  if (!container) {
    return (
      <div className="flex gap-1" style={{ paddingLeft: depth ? 12 : 0 }}>
        {key}
        {key && <span className="text-slate-400">:</span>}
        <span className={typeof value === "string" ? "break-all text-green-800" : "text-blue-800"}>{JSON.stringify(value)}</span>
      </div>
    );
  }
  return (
    <div style={{ paddingLeft: depth ? 12 : 0 }}>
      <div className="flex items-center gap-0.5">
        <button type="button" onClick={() => setOpen(!open)} aria-label={open ? "Collapse" : "Expand"} className="text-slate-400 hover:text-slate-700">
          <ChevronRight className={`size-3 transition-transform ${open ? "rotate-90" : ""}`} />
        </button>
        {key}
        {key && <span className="text-slate-400">:</span>}
        <span className="text-slate-400">{Array.isArray(value) ? `[${entries.length}]` : `{${entries.length}}`}</span>
      </div>
      {open &&
        entries.map(([entryKey, item]) => (
          <JsonTree
            key={String(entryKey)}
            value={item}
            path={[...path, entryKey]}
            depth={depth + 1}
            label={String(entryKey)}
            onPick={onPick}
            picked={picked}
            mappedPaths={mappedPaths}
          />
        ))}
    </div>
  );
}

function displayValue(value: unknown): string {
  if (value === undefined || value === null) return "";
  return typeof value === "string" ? value : JSON.stringify(value);
}
