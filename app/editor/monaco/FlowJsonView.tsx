"use client";
// The whole flow document as JSON, editable both ways:
//  - edits that parse as JSON and pass parseFlowDocument are applied to the
//    canvas with replaceDocument (debounced);
//  - otherwise the problems are listed and nothing is applied;
//  - canvas changes refresh the text while the editor is not focused.
import type { OnMount } from "@monaco-editor/react";
import { CircleCheck, CircleX, RotateCcw } from "lucide-react";
import { useCallback, useEffect, useRef, useState } from "react";
import { parseFlowDocument } from "@/flows/schema/flowDocument";
import { flowJsonSchema } from "@/flows/schema/flowJsonSchema";
import { useEditorStore } from "../store/editorStore";
import { LazyMonacoEditor } from "./LazyMonacoEditor";

const MODEL_PATH = "inmemory://switchboard/flow-document.json";
const APPLY_DELAY_MS = 600;

type EditStatus = { kind: "synced" } | { kind: "pending" } | { kind: "applied" } | { kind: "invalid"; problems: string[] };

/** `active`: the tab is showing. While hidden the text is not kept up to date (caught up when shown again). */
export function FlowJsonView({ active = true }: { active?: boolean }) {
  const changeId = useEditorStore((state) => (active ? state.changeId : -1));
  const [text, setText] = useState(() => documentText());
  const [status, setStatus] = useState<EditStatus>({ kind: "synced" });
  const focusedRef = useRef(false);
  const timerRef = useRef<ReturnType<typeof setTimeout> | null>(null);
  /** changeId produced by our own replaceDocument, so we don't reformat the user's text under them. */
  const ownChangeRef = useRef<number | null>(null);
  const statusRef = useRef(status);
  statusRef.current = status;

  // Canvas -> JSON, unless the user is typing here or has unapplied edits. Only while the tab shows
  // (serialising a 1,000-node document takes milliseconds); a hidden tab catches up when shown again.
  const shownChangeRef = useRef(useEditorStore.getState().changeId);
  useEffect(() => {
    if (changeId < 0 || changeId === shownChangeRef.current) return;
    if (ownChangeRef.current === changeId) return;
    if (focusedRef.current) return;
    if (statusRef.current.kind === "invalid" || statusRef.current.kind === "pending") return;
    shownChangeRef.current = changeId;
    const current = documentText();
    setText((previous) => (previous === current ? previous : current));
    setStatus((previous) => (previous.kind === "synced" ? previous : { kind: "synced" }));
  }, [changeId]);

  useEffect(() => () => {
    if (timerRef.current) clearTimeout(timerRef.current);
  }, []);

  const apply = useCallback((value: string) => {
    const problems = checkDocumentText(value);
    if (problems.length) {
      setStatus({ kind: "invalid", problems });
      return;
    }
    useEditorStore.getState().replaceDocument(JSON.parse(value));
    ownChangeRef.current = useEditorStore.getState().changeId;
    setStatus({ kind: "applied" });
  }, []);

  const handleChange = (value: string | undefined) => {
    const next = value ?? "";
    setText(next);
    setStatus({ kind: "pending" });
    if (timerRef.current) clearTimeout(timerRef.current);
    timerRef.current = setTimeout(() => apply(next), APPLY_DELAY_MS);
  };

  const reload = () => {
    if (timerRef.current) clearTimeout(timerRef.current);
    setText(documentText());
    setStatus({ kind: "synced" });
  };

  const handleMount: OnMount = (editor, monaco) => {
    monaco.json.jsonDefaults.setDiagnosticsOptions({
      validate: true,
      allowComments: false,
      trailingCommas: "error",
      enableSchemaRequest: false,
      schemaValidation: "error",
      schemas: [{ uri: "inmemory://switchboard/flow.schema.json", fileMatch: [MODEL_PATH], schema: flowJsonSchema() }],
    });
    editor.onDidFocusEditorText(() => {
      focusedRef.current = true;
    });
    editor.onDidBlurEditorText(() => {
      focusedRef.current = false;
      // Catch up with canvas changes made while focused (only if nothing is left unapplied).
      if (statusRef.current.kind === "synced" || statusRef.current.kind === "applied") {
        const current = documentText();
        if (!sameJson(current, editor.getValue())) {
          setText(current);
          setStatus({ kind: "synced" });
        }
      }
    });
  };

  return (
    <div className="flex h-full min-h-0 flex-col" data-testid="flow-json-view">
      <div className="flex items-center gap-2 border-b border-slate-200 px-3 py-1.5 text-xs">
        <StatusLine status={status} />
        {status.kind === "invalid" && (
          <button
            type="button"
            onClick={reload}
            className="ml-auto inline-flex items-center gap-1 rounded px-2 py-0.5 text-slate-600 hover:bg-slate-100"
            title="Throw away the text edits and show the canvas's flow"
          >
            <RotateCcw className="size-3" aria-hidden /> Discard edits
          </button>
        )}
      </div>
      <div className="min-h-0 flex-1">
        <LazyMonacoEditor
          height="100%"
          language="json"
          path={MODEL_PATH}
          value={text}
          onChange={handleChange}
          onMount={handleMount}
          options={{
            minimap: { enabled: false },
            fontSize: 12,
            tabSize: 2,
            scrollBeyondLastLine: false,
            automaticLayout: true,
            wordWrap: "on",
            wrappingIndent: "indent",
            formatOnPaste: true,
            fixedOverflowWidgets: true,
            ariaLabel: "Flow document JSON",
          }}
        />
      </div>
      {status.kind === "invalid" && (
        <ul className="max-h-40 shrink-0 overflow-auto border-t border-red-200 bg-red-50 px-3 py-2 text-xs text-red-800" data-testid="flow-json-problems">
          {status.problems.map((problem, index) => (
            <li key={index} className="py-0.5">
              {problem}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function StatusLine({ status }: { status: EditStatus }) {
  switch (status.kind) {
    case "invalid":
      return (
        <span className="inline-flex items-center gap-1 font-medium text-red-700" data-testid="flow-json-status" data-status="invalid">
          <CircleX className="size-3.5" aria-hidden /> Not applied: {status.problems.length} problem{status.problems.length === 1 ? "" : "s"}
        </span>
      );
    case "pending":
      return (
        <span className="text-slate-500" data-testid="flow-json-status" data-status="pending">
          Checking…
        </span>
      );
    case "applied":
      return (
        <span className="inline-flex items-center gap-1 text-green-700" data-testid="flow-json-status" data-status="applied">
          <CircleCheck className="size-3.5" aria-hidden /> Applied to the canvas
        </span>
      );
    default:
      return (
        <span className="text-slate-500" data-testid="flow-json-status" data-status="synced">
          Valid edits apply to the canvas as you type.
        </span>
      );
  }
}

function documentText(): string {
  return JSON.stringify(useEditorStore.getState().toDocument(), null, 2);
}

function sameJson(a: string, b: string): boolean {
  try {
    return JSON.stringify(JSON.parse(a)) === JSON.stringify(JSON.parse(b));
  } catch {
    return false;
  }
}

/** Problems that stop the text from being applied: JSON syntax, then the flow document schema. */
export function checkDocumentText(text: string): string[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return [`Invalid JSON: ${error instanceof Error ? error.message : String(error)}`];
  }
  const parsed = parseFlowDocument(value);
  if (parsed.ok) return [];
  return parsed.problems.map((problem) => `${problem.path || "(document)"}: ${problem.message}`);
}
