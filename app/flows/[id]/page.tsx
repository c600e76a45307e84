import type { Metadata } from "next";
import { EditorShell } from "@/app/editor/EditorShell";

export const metadata: Metadata = { title: "Flow editor" };

export default async function FlowEditorPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <EditorShell key={id} flowId={id} />;
}
