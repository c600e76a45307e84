import { z } from "zod";
import { describe, expect, it } from "vitest";
import { getNodeDefinition, nodeDefinitions, nodeTypes } from "./index";

/** Contract checks every registered node type must pass; a new type gets them for free. */
describe.each(nodeDefinitions.map((definition) => [definition.type, definition] as const))("node type %s", (type, definition) => {
  it("is registered once and found by type", () => {
    expect(nodeTypes.filter((candidate) => candidate === type)).toHaveLength(1);
    expect(getNodeDefinition(type)).toBe(definition);
  });

  it("has defaults that parse, unchanged, against its data schema", () => {
    const defaults = definition.defaults();
    expect(definition.dataSchema.parse(defaults)).toEqual(defaults);
  });

  it("has defaults with no validation errors", () => {
    const errors = (definition.validate?.(definition.defaults()) ?? []).filter((problem) => problem.severity === "error");
    expect(errors).toEqual([]);
  });

  it("has unique output ids on its defaults", () => {
    const ids = definition.outputs(definition.defaults()).map((output) => output.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("gives every data field a title for the generated inspector", () => {
    const json = z.toJSONSchema(definition.dataSchema, { io: "input", unrepresentable: "any" }) as { properties?: Record<string, { title?: string }> };
    for (const [field, schema] of Object.entries(json.properties ?? {})) {
      expect(schema.title, `${type}.${field}`).toEqual(expect.any(String));
    }
  });

  it("summarises its defaults in at least one line", () => {
    expect(definition.summary(definition.defaults()).length).toBeGreaterThan(0);
  });

  it("only uses known inspector widgets", () => {
    const widgets = new Set<string>();
    collectWidgets(z.toJSONSchema(definition.dataSchema, { io: "input", unrepresentable: "any" }), widgets);
    for (const widget of widgets) expect(["template", "lines", "expression", "json", "variable", "code"]).toContain(widget);
  });
});

function collectWidgets(node: unknown, widgets: Set<string>): void {
  if (Array.isArray(node)) node.forEach((item) => collectWidgets(item, widgets));
  else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key === "widget" && typeof value === "string") widgets.add(value);
      else collectWidgets(value, widgets);
    }
  }
}
