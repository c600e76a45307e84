import { z } from "zod";
import { nodeDefinitions } from "../nodes";
import { FLOW_DOCUMENT_VERSION, flowEdgeSchema, flowSettingsSchema, flowVariableSchema } from "./flowDocument";

/**
 * JSON Schema of the flow document, generated from the same zod schemas the
 * runtime parses with. Editors (the Monaco JSON view) validate against it.
 * Node data becomes one `if type == X then data matches X` rule per node type.
 */
export function flowJsonSchema(): Record<string, unknown> {
  const nodeVariants = nodeDefinitions.map((definition) => ({
    if: { properties: { type: { const: definition.type } }, required: ["type"] },
    then: { properties: { data: toJson(definition.dataSchema) } },
  }));
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title: "Switchboard flow document",
    type: "object",
    required: ["version", "name", "nodes"],
    properties: {
      version: { const: FLOW_DOCUMENT_VERSION },
      name: { type: "string", minLength: 1 },
      description: { type: "string" },
      languages: { type: "array", items: { type: "string" } },
      settings: toJson(flowSettingsSchema),
      variables: { type: "array", items: toJson(flowVariableSchema) },
      nodes: {
        type: "array",
        items: {
          type: "object",
          required: ["id", "type"],
          properties: {
            id: { type: "string", minLength: 1 },
            type: { enum: nodeDefinitions.map((definition) => definition.type) },
            position: { type: "object", properties: { x: { type: "number" }, y: { type: "number" } } },
            data: { type: "object" },
          },
          allOf: nodeVariants,
        },
      },
      edges: { type: "array", items: toJson(flowEdgeSchema) },
    },
  };
}

function toJson(schema: z.ZodType): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  delete json.$schema;
  return json;
}
