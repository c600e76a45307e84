"use client";
// The real Monaco editor component. Load it only through LazyMonacoEditor
// (next/dynamic, ssr: false): importing it configures workers on `self`.
import { Editor, type EditorProps } from "@monaco-editor/react";
import { setupMonaco } from "./monacoSetup";

setupMonaco();

export type MonacoEditorProps = EditorProps;

export function MonacoEditor(props: MonacoEditorProps) {
  return <Editor theme="light" {...props} />;
}
