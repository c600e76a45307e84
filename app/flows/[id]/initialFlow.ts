import "server-only";
// The editor's flow, read on the server so the page arrives with it (no client
// round trip after hydration). Any failure returns null and the editor falls
// back to fetching flows.get on the client, which also reports NOT_FOUND.
import type { InitialFlow } from "@/app/editor/EditorShell";
import { getFlow } from "@/server/flows/flowService";

export async function loadInitialFlow(id: string): Promise<InitialFlow | null> {
  try {
    return await getFlow(id);
  } catch {
    return null;
  }
}
