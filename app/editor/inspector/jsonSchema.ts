// Helpers over the JSON Schema that z.toJSONSchema produces for node data
// schemas (with `.meta({ title, description, widget })` carried through).
import { z } from "zod";
import { newId } from "../store/newId";

export type Widget = "template" | "lines" | "expression" | "json" | "variable" | "code";

export interface JsonSchema {
  type?: string | string[];
  title?: string;
  description?: string;
  widget?: Widget;
  default?: unknown;
  const?: unknown;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  format?: string;
  [key: string]: unknown;
}

const cache = new WeakMap<z.ZodType, JsonSchema>();

/** JSON Schema (input side) of a zod schema, cached per schema object. */
export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  let json = cache.get(schema);
  if (!json) {
    try {
      json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
    } catch {
      json = {};
    }
    cache.set(schema, json);
  }
  return json;
}

/** Strips `null` from nullable unions; returns the schema itself otherwise. */
export function unwrapNullable(schema: JsonSchema): { schema: JsonSchema; nullable: boolean } {
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants && variants.length === 2) {
    const nonNull = variants.filter((v) => v.type !== "null");
    if (nonNull.length === 1) return { schema: { ...nonNull[0], title: schema.title ?? nonNull[0].title, description: schema.description ?? nonNull[0].description, widget: schema.widget ?? nonNull[0].widget }, nullable: true };
  }
  return { schema, nullable: false };
}

/** For a oneOf/anyOf of objects sharing one `const` property: that property's name. */
export function discriminatorOf(schema: JsonSchema): string | null {
  const variants = schema.oneOf ?? schema.anyOf;
  if (!variants || variants.length < 2) return null;
  const first = variants[0].properties;
  if (!first) return null;
  for (const key of Object.keys(first)) {
    if (variants.every((v) => v.properties?.[key] && v.properties[key].const !== undefined)) return key;
  }
  return null;
}

export function typeOf(schema: JsonSchema): string | undefined {
  if (Array.isArray(schema.type)) return schema.type.find((t) => t !== "null");
  if (schema.type) return schema.type;
  if (schema.const !== undefined) return typeof schema.const;
  if (schema.enum) return "enum";
  return undefined;
}

/** A sensible value for a new field or list item. */
export function defaultValueFor(schema: JsonSchema): unknown {
  if (schema.default !== undefined) return structuredClone(schema.default);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  const variants = schema.oneOf ?? schema.anyOf;
  if (variants?.length) return defaultValueFor(unwrapNullable(schema).nullable ? unwrapNullable(schema).schema : variants[0]);
  switch (typeOf(schema)) {
    case "string":
      return "";
    case "number":
    case "integer":
      return schema.minimum ?? 0;
    case "boolean":
      return false;
    case "array":
      return [];
    case "object": {
      const out: Record<string, unknown> = {};
      for (const [key, property] of Object.entries(schema.properties ?? {})) {
        const required = schema.required?.includes(key);
        if (required || property.default !== undefined) out[key] = defaultValueFor(property);
      }
      return out;
    }
    default:
      return null;
  }
}

/** A new list item; an `id` property gets a fresh id unique among `siblings` (outputs attach to it). */
export function newListItem(itemSchema: JsonSchema, listKey: string, siblings: unknown[]): unknown {
  const item = defaultValueFor(itemSchema);
  if (item && typeof item === "object" && !Array.isArray(item) && itemSchema.properties?.id) {
    const taken = new Set(siblings.map((s) => (s && typeof s === "object" ? (s as { id?: unknown }).id : undefined)));
    const prefix = singular(listKey).replace(/[^A-Za-z0-9_]/g, "") || "item";
    let n = siblings.length + 1;
    while (taken.has(`${prefix}_${n}`)) n += 1;
    (item as Record<string, unknown>).id = n < 1000 ? `${prefix}_${n}` : newId(prefix);
  }
  return item;
}

export function singular(word: string): string {
  if (/ies$/.test(word)) return word.replace(/ies$/, "y");
  if (/(ch|sh|x|ss)es$/.test(word)) return word.replace(/es$/, "");
  if (/s$/.test(word) && !/ss$/.test(word)) return word.replace(/s$/, "");
  return word;
}

/** "maxRetries" -> "Max retries". */
export function humanize(key: string): string {
  const spaced = key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/[_-]+/g, " ").trim().toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** Immutable set at a path of keys/indexes. */
export function setIn(target: unknown, path: readonly (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (Array.isArray(target)) {
    const copy = target.slice();
    copy[head as number] = setIn(copy[head as number], rest, value);
    return copy;
  }
  const record = target && typeof target === "object" ? (target as Record<string, unknown>) : {};
  const next = { ...record };
  if (value === undefined && rest.length === 0) delete next[head as string];
  else next[head as string] = setIn(record[head as string], rest, value);
  return next;
}

/** zod issues -> messages by dotted path ("intents.0.name"). */
export function issuesByPath(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const issue of issues) {
    const key = issue.path.map(String).join(".");
    const list = map.get(key) ?? [];
    if (!list.includes(issue.message)) list.push(issue.message);
    map.set(key, list);
  }
  return map;
}
