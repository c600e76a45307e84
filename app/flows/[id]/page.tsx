import type { Metadata } from "next";
import { EditorShell, type InitialFlow } from "@/app/editor/EditorShell";
import { createCaller, createContext } from "@/server/api/root";

export const metadata: Metadata = { title: "Flow editor" };

export default async function FlowEditorPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // Fetched here so the editor does not wait for hydration before asking for the flow.
  // On any error the client fetches it again and shows the error properly.
  let initialFlow: InitialFlow | null = null;
  try {
    initialFlow = await createCaller(createContext()).flows.get({ id });
  } catch {
    initialFlow = null;
  }
  return <EditorShell key={id} flowId={id} initialFlow={initialFlow} />;
}
