"use client";
import dynamic from "next/dynamic";

/** Monaco loaded on the client only, from the local package (see monacoSetup.ts). */
export const LazyMonacoEditor = dynamic(() => import("./MonacoEditor").then((module) => module.MonacoEditor), {
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
