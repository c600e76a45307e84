"use client";
// A small Monaco editor for inspector fields (JSON bodies, code). Shows JSON
// syntax markers and completes `{{variable}}` names after `{{`.
//
// Monaco costs about half a second of main thread to load, and the inspector
// shown when a flow opens (flow settings, with variables' default values) has
// such fields: the field shows its text and becomes Monaco only when the
// designer points at it or focuses it, so opening a flow never waits for Monaco.
import type { OnMount } from "@monaco-editor/react";
import { useEffect, useId, useRef, useState } from "react";
import { LazyMonacoEditor, preloadMonacoEditor } from "./LazyMonacoEditor";

export interface MonacoFieldProps {
  value: string;
  onChange(value: string): void;
  language: "json" | "plaintext";
  /** Variable names offered after `{{`. */
  variables: string[];
  /** Pixels; defaults to 120. */
  height?: number;
  /** Accessible name of the editor's text area. */
  ariaLabel?: string;
}

interface Marker {
  message: string;
  startLineNumber: number;
}

export function MonacoField({ value, onChange, language, variables, height = 120, ariaLabel }: MonacoFieldProps) {
  const id = useId().replace(/[^A-Za-z0-9]/g, "");
  const variablesRef = useRef(variables);
  const onChangeRef = useRef(onChange);
  const cleanupRef = useRef<(() => void) | null>(null);
  const [markers, setMarkers] = useState<Marker[]>([]);
  const [active, setActive] = useState(false);
  /** The designer clicked or tabbed into the text: Monaco takes the focus once it is there. */
  const focusOnMount = useRef(false);

  useEffect(() => {
    variablesRef.current = variables;
    onChangeRef.current = onChange;
  });
  useEffect(() => () => cleanupRef.current?.(), []);

  const handleMount: OnMount = (editor) => {
    if (focusOnMount.current) {
      focusOnMount.current = false;
      editor.focus();
    }
    const model = editor.getModel();
    if (!model) return;
    // Imported lazily so this file stays safe to import on the server.
    void import("./monacoSetup").then(({ provideVariables }) => {
      cleanupRef.current = provideVariables(model, () => variablesRef.current);
    });
  };

  const activate = () => {
    focusOnMount.current = true;
    setActive(true);
  };
  const label = ariaLabel ?? (language === "json" ? "JSON editor" : "Text editor");

  return (
    <div className="flex flex-col gap-1" data-testid="monaco-field">
      <div className="overflow-hidden rounded-md border border-slate-300 bg-white focus-within:border-blue-500 focus-within:ring-1 focus-within:ring-blue-500" style={{ height }}>
        {active ? (
          <LazyMonacoEditor
            height={height}
            language={language}
            path={`inmemory://switchboard/field-${id}.${language === "json" ? "json" : "txt"}`}
            value={value}
            onChange={(next) => onChangeRef.current(next ?? "")}
            onMount={handleMount}
            onValidate={(found) => setMarkers(found.filter((marker) => marker.severity >= 8))}
            options={{
              minimap: { enabled: false },
              lineNumbers: language === "json" ? "on" : "off",
              lineNumbersMinChars: 3,
              glyphMargin: false,
              folding: language === "json",
              wordWrap: "on",
              scrollBeyondLastLine: false,
              fontSize: 13,
              tabSize: 2,
              automaticLayout: true,
              renderLineHighlight: "none",
              overviewRulerLanes: 0,
              quickSuggestions: { other: true, strings: true, comments: false },
              suggestOnTriggerCharacters: true,
              fixedOverflowWidgets: true,
              ariaLabel: label,
              scrollbar: { alwaysConsumeMouseWheel: false },
            }}
          />
        ) : (
          <div
            role="textbox"
            aria-multiline
            aria-label={label}
            tabIndex={0}
            onPointerEnter={preloadMonacoEditor}
            onPointerDown={activate}
            onFocus={activate}
            className="h-full cursor-text overflow-auto px-2 py-px font-mono text-[13px] leading-[18px] break-all whitespace-pre-wrap text-slate-800 outline-none"
            data-testid="monaco-field-preview"
          >
            {value}
          </div>
        )}
      </div>
      {markers.length > 0 && (
        <p className="text-xs text-red-600" role="alert" data-testid="monaco-field-error">
          Line {markers[0].startLineNumber}: {markers[0].message}
          {markers.length > 1 ? ` (+${markers.length - 1} more)` : ""}
        </p>
      )}
    </div>
  );
}
