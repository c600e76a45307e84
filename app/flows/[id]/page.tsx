import type { Metadata } from "next";
import { EditorShell } from "@/app/editor/EditorShell";

export const metadata: Metadata = { title: "Flow editor" };

// The flow is fetched on the client (EditorShell). Prefetching it here through
// server/api/root (createCaller) would save a round trip, but today that import
// pulls the NLU worker (server/runtime/trainInWorker.ts) into the page bundle,
// which Turbopack dev refuses ("non-chunkable module"). EditorShell already
// accepts `initialFlow` for when a light server-side getter exists.
export default async function FlowEditorPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <EditorShell key={id} flowId={id} />;
}
