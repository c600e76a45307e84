"use client";
import dynamic from "next/dynamic";

const loadMonacoEditor = () => import("./MonacoEditor").then((module) => module.MonacoEditor);

/** Starts loading Monaco before an editor is shown (e.g. when the pointer heads for one). */
export function preloadMonacoEditor(): void {
  void loadMonacoEditor();
}

/** Monaco loaded on the client only, from the local package (see monacoSetup.ts). */
export const LazyMonacoEditor = dynamic(loadMonacoEditor, {
  ssr: false,
  loading: () => <MonacoLoading />,
});

export function MonacoLoading() {
  return (
    <div className="flex h-full min-h-16 items-center justify-center text-xs text-slate-400" data-testid="monaco-loading">
      Loading editor…
    </div>
  );
}
