import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defaultValueFor, discriminatorOf, humanize, issuesByPath, jsonSchemaOf, newListItem, setIn, singular } from "./jsonSchema";

const schema = z.object({
  intents: z
    .array(z.object({ id: z.string(), name: z.string().min(1, "Name is empty"), phrases: z.array(z.string()).default([]).meta({ widget: "lines" }) }))
    .meta({ title: "Intents" }),
  rule: z.discriminatedUnion("type", [z.object({ type: z.literal("text") }), z.object({ type: z.literal("regex"), pattern: z.string() })]),
  threshold: z.number().min(0).max(1).default(0.5),
});

describe("inspector JSON Schema helpers", () => {
  it("carries zod meta into the JSON Schema", () => {
    const json = jsonSchemaOf(schema);
    expect(json.properties!.intents.title).toBe("Intents");
    expect(json.properties!.intents.items!.properties!.phrases.widget).toBe("lines");
    expect(jsonSchemaOf(schema)).toBe(json);
  });

  it("finds the discriminator of a discriminated union", () => {
    expect(discriminatorOf(jsonSchemaOf(schema).properties!.rule)).toBe("type");
    expect(discriminatorOf(jsonSchemaOf(schema).properties!.threshold)).toBeNull();
  });

  it("new list items get a fresh unique id", () => {
    const items = jsonSchemaOf(schema).properties!.intents;
    const first = newListItem(items.items!, "intents", [{ id: "intent_1" }, { id: "intent_3" }]) as Record<string, unknown>;
    expect(first).toEqual({ id: "intent_4", name: "", phrases: [] });
    const second = newListItem(items.items!, "intents", [{ id: "intent_1" }, { id: "intent_2" }, { id: "intent_3" }]) as Record<string, unknown>;
    expect(second.id).toBe("intent_4");
  });

  it("builds defaults", () => {
    expect(defaultValueFor(jsonSchemaOf(schema))).toEqual({ intents: [], rule: { type: "text" }, threshold: 0.5 });
  });

  it("sets values immutably by path", () => {
    const data = { intents: [{ id: "a", name: "x" }] };
    const next = setIn(data, ["intents", 0, "name"], "y") as typeof data;
    expect(next.intents[0].name).toBe("y");
    expect(data.intents[0].name).toBe("x");
    expect(setIn({ a: 1, b: 2 }, ["a"], undefined)).toEqual({ b: 2 });
  });

  it("maps zod issues to dotted paths", () => {
    const result = schema.safeParse({ intents: [{ id: "a", name: "" }], rule: { type: "text" } });
    expect(result.success).toBe(false);
    const map = issuesByPath(result.error!.issues);
    expect(map.get("intents.0.name")).toEqual(["Name is empty"]);
  });

  it("humanizes keys and singularizes list names", () => {
    expect(humanize("maxRetries")).toBe("Max retries");
    expect(singular("branches")).toBe("branch");
    expect(singular("entities")).toBe("entity");
    expect(singular("headers")).toBe("header");
  });
});
