import "server-only";
// The editor's flow, read on the server so the page arrives with it (no client
// round trip after hydration). Deliberately light: the Prisma client only, not
// server/api/root or server/flows/flowService, whose imports reach the NLU
// worker that Turbopack dev cannot bundle into a page. Mirrors getFlow()
// (server/flows/flowService.ts); any failure returns null and the editor falls
// back to fetching flows.get on the client, which also reports NOT_FOUND.
import { getPrisma } from "@/server/db/prisma";
import type { InitialFlow } from "@/app/editor/EditorShell";

export async function loadInitialFlow(id: string): Promise<InitialFlow | null> {
  try {
    const flow = await getPrisma().flow.findUnique({
      where: { id },
      include: {
        draft: true,
        publishedVersion: { select: { version: true } },
        versions: { select: { version: true, publishedAt: true }, orderBy: { version: "desc" } },
      },
    });
    if (!flow) return null;
    return {
      id: flow.id,
      slug: flow.slug,
      name: flow.name,
      document: flow.draft ? JSON.parse(flow.draft.document) : null,
      revision: flow.draft?.revision ?? 0,
      publishedVersion: flow.publishedVersion?.version ?? null,
      updatedAt: flow.updatedAt,
      versions: flow.versions,
    };
  } catch {
    return null;
  }
}
