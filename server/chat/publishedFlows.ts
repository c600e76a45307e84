// Parsed published flow documents, cached by FlowVersion id (versions are
// immutable, so an entry never goes stale). Loading a version also trains its
// intent nodes, so customers' messages don't pay for training.
import { getNodeDefinition } from "../../flows/nodes";
import { loadFlowDocument, type FlowDocument } from "../../flows/schema/flowDocument";
import { evaluateExpression } from "../../flows/expressions/evaluateExpression";
import { renderTemplate } from "../../flows/templates/renderTemplate";
import { getSessionStore } from "./sessionStore";
import { getRuntimePorts } from "../runtime/ports";
import { LruCache } from "../runtime/lruCache";
import { NotFoundError } from "../errors";

export interface PublishedFlow {
  flowVersionId: string;
  flowId: string;
  version: number;
  document: FlowDocument;
}

// On globalThis so every route bundle Next loads shares one cache.
const holder = globalThis as typeof globalThis & { switchboardPublishedFlows?: LruCache<string, PublishedFlow> };
const cache = (holder.switchboardPublishedFlows ??= new LruCache<string, PublishedFlow>(500));

/** The parsed document of a published version (cached). */
export function getPublishedFlow(flowVersionId: string): PublishedFlow {
  const cached = cache.get(flowVersionId);
  if (cached) return cached;
  const stored = getSessionStore().findVersion(flowVersionId);
  if (!stored) throw new NotFoundError(`Flow version ${flowVersionId} does not exist`);
  return rememberPublishedFlow(stored.id, stored.flowId, stored.version, loadFlowDocument(JSON.parse(stored.document)));
}

/** Caches a version's parsed document and trains its intent nodes (publishing calls this with the document it checked). */
export function rememberPublishedFlow(flowVersionId: string, flowId: string, version: number, document: FlowDocument): PublishedFlow {
  const published = { flowVersionId, flowId, version, document };
  void warmIntentModels(published.document, flowVersionId);
  cache.set(flowVersionId, published);
  return published;
}

/** Forgets every cached document (tests). */
export function clearPublishedFlowCache(): void {
  cache.clear();
}

/**
 * Trains the classifier of every intent node under the key the engine will use
 * (`${modelKeyPrefix}:${nodeId}`), by running the node once on a throwaway
 * message with the real NLU port and no HTTP. Works whatever the node's data
 * shape, since the node itself builds the training request.
 */
export async function warmIntentModels(document: FlowDocument, modelKeyPrefix: string): Promise<void> {
  const ports = { ...getRuntimePorts(), http: { request: () => Promise.reject(new Error("No HTTP while warming up")) } };
  for (const node of document.nodes) {
    if (node.type !== "intent") continue;
    const definition = getNodeDefinition(node.type);
    if (!definition) continue;
    try {
      await definition.execute(node.data, {
        nodeId: node.id,
        variables: {},
        input: "warm-up",
        nodeState: undefined,
        ports,
        modelKey: `${modelKeyPrefix}:${node.id}`,
        render: (template) => renderTemplate(template, {}),
        evaluate: (expression) => evaluateExpression(expression, {}),
        trace: () => {},
      });
    } catch (error) {
      console.warn(`Could not pre-train intent node "${node.id}":`, error instanceof Error ? error.message : error);
    }
  }
}
