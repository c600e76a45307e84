import type { Metadata } from "next";
import { EditorShell } from "@/app/editor/EditorShell";
import { loadInitialFlow } from "./initialFlow";

export const metadata: Metadata = { title: "Flow editor" };

// The flow is read on the server and handed to EditorShell, saving the client
// round trip after hydration. When that read fails, EditorShell fetches flows.get itself.
export default async function FlowEditorPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const initialFlow = await loadInitialFlow(id);
  return <EditorShell key={id} flowId={id} initialFlow={initialFlow} />;
}
