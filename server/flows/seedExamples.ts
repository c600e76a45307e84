// Imports every example flow (flows/examples/<slug>.json) and publishes it,
// unless a version with exactly that content is already published.
// Idempotent; does nothing when there are no examples.
import { getPrisma } from "../db/prisma";
import { ValidationError } from "../errors";
import { hashText, importFlow, serializeDocument } from "./flowService";
import { exampleFiles, readExample } from "./templates";

export interface SeedResult {
  slug: string;
  action: "created" | "updated" | "unchanged" | "failed";
  version?: number;
  problems?: string[];
}

export async function seedExampleFlows(): Promise<SeedResult[]> {
  const results: SeedResult[] = [];
  for (const { slug, file } of exampleFiles()) {
    try {
      const document = readExample(file);
      const hash = hashText(serializeDocument(document));
      const existing = await getPrisma().flow.findUnique({
        where: { slug },
        select: { id: true, versions: { where: { sourceHash: hash }, select: { version: true }, take: 1 } },
      });
      if (existing && existing.versions.length) {
        results.push({ slug, action: "unchanged", version: existing.versions[0].version });
        continue;
      }
      const imported = await importFlow(document, { slug, publish: true, overwrite: true });
      results.push({ slug, action: imported.created ? "created" : "updated", version: imported.version ?? undefined });
    } catch (error) {
      const problems = error instanceof ValidationError ? error.problems.map((p) => `${p.path || "(document)"}: ${p.message}`) : undefined;
      results.push({ slug, action: "failed", problems: problems ?? [error instanceof Error ? error.message : String(error)] });
    }
  }
  return results;
}
