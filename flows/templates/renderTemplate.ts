import type { Variables } from "../engine/types";

const PLACEHOLDER = /\{\{\s*([^{}]+?)\s*\}\}/g;

/**
 * Replaces `{{path}}` placeholders with variable values. Paths use dots and
 * indexes (`order.items.0.name`, `order.items[0].name`). A missing value renders
 * as an empty string; objects render as JSON.
 */
export function renderTemplate(template: string, variables: Variables): string {
  if (!template.includes("{{")) return template;
  return template.replace(PLACEHOLDER, (_match, path: string) => formatValue(readPath(variables, path)));
}

/** Variable names (the first path segment) that a template refers to. */
export function templateVariables(template: string): string[] {
  const names = new Set<string>();
  for (const match of template.matchAll(PLACEHOLDER)) names.add(splitPath(match[1])[0]);
  return [...names];
}

/** Reads `a.b[0].c` from an object; undefined when any step is missing. */
export function readPath(source: unknown, path: string): unknown {
  let current: unknown = source;
  for (const segment of splitPath(path)) {
    if (current === null || typeof current !== "object") return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

function splitPath(path: string): string[] {
  return path
    .trim()
    .replace(/\[(\d+)\]/g, ".$1")
    .split(".")
    .filter((segment) => segment !== "");
}

function formatValue(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}
