// Monaco from the local monaco-editor package, never a CDN: the editor must
// work on a machine with no internet. Import this module only from client code
// that is itself loaded with next/dynamic({ ssr: false }) (it touches `self`).
//
// Workers are bundled by Next (Turbopack and webpack both understand
// `new Worker(new URL(..., import.meta.url))`). Without getWorker, Monaco logs
// "Failed to load worker script" and JSON validation silently stops.
import { loader } from "@monaco-editor/react";
import * as monaco from "monaco-editor";

export type Monaco = typeof monaco;

let configured = false;

/** Configures workers and @monaco-editor/react's loader once; returns the local Monaco. */
export function setupMonaco(): Monaco {
  if (configured) return monaco;
  configured = true;
  self.MonacoEnvironment = {
    // Relative `new URL("./….ts", import.meta.url)` inside `new Worker(…)` is the form Turbopack
    // (dev and build) bundles as a worker entry; a bare package path is emitted as a raw asset instead.
    getWorker(_workerId: string, label: string) {
      if (label === "json") return new Worker(new URL("./workers/json.worker.ts", import.meta.url), { type: "module" });
      return new Worker(new URL("./workers/editor.worker.ts", import.meta.url), { type: "module" });
    },
  };
  loader.config({ monaco });
  registerVariableCompletion(monaco);
  return monaco;
}

// ---------------------------------------------------------------------------
// `{{variable}}` completion, shared by every MonacoField. Each editor model
// registers the variable names it offers, keyed by the model's URI.

const variablesByModel = new Map<string, () => readonly string[]>();

/** Offers `variables()` as completions after `{{` in this model until the returned function is called. */
export function provideVariables(model: monaco.editor.ITextModel, variables: () => readonly string[]): () => void {
  const key = model.uri.toString();
  variablesByModel.set(key, variables);
  return () => {
    if (variablesByModel.get(key) === variables) variablesByModel.delete(key);
  };
}

function registerVariableCompletion(instance: Monaco): void {
  const provider: monaco.languages.CompletionItemProvider = {
    triggerCharacters: ["{", "."],
    provideCompletionItems(model, position) {
      const names = variablesByModel.get(model.uri.toString())?.() ?? [];
      if (!names.length) return { suggestions: [] };
      const before = model.getValueInRange({ startLineNumber: position.lineNumber, startColumn: 1, endLineNumber: position.lineNumber, endColumn: position.column });
      const match = /\{\{\s*([A-Za-z0-9_.]*)$/.exec(before);
      if (!match) return { suggestions: [] };
      const typed = match[1];
      const after = model.getLineContent(position.lineNumber).slice(position.column - 1);
      const closed = /^\s*[A-Za-z0-9_.]*\s*\}\}/.test(after);
      const range = {
        startLineNumber: position.lineNumber,
        endLineNumber: position.lineNumber,
        startColumn: position.column - typed.length,
        endColumn: position.column,
      };
      return {
        suggestions: names.map((name, index) => ({
          label: name,
          kind: instance.languages.CompletionItemKind.Variable,
          detail: "flow variable",
          insertText: closed ? name : `${name}}}`,
          filterText: name,
          sortText: String(index).padStart(4, "0"),
          range,
        })),
      };
    },
  };
  instance.languages.registerCompletionItemProvider("json", provider);
  instance.languages.registerCompletionItemProvider("plaintext", provider);
}
