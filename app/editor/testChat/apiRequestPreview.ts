// Pure helpers for the "Send test request" panel: render an API-call node's
// request with test variables (secrets left as {{secrets.NAME}} for the server
// to resolve), and turn a clicked response field into a mapping path.
import type { Variables } from "@/flows/engine/types";
import { readPath, renderTemplate, templateVariables } from "@/flows/templates/renderTemplate";

export interface ApiCallLike {
  method: string;
  url: string;
  headers: { name: string; value: string }[];
  body: string;
  responseMappings: { variable: string; path: string }[];
}

export interface TestRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

const PLACEHOLDER = /\{\{\s*([^{}]+?)\s*\}\}/g;
const WHOLE_PLACEHOLDER = /^\{\{\s*([^{}]+?)\s*\}\}$/;

/** Reads an API-call node's data leniently (the inspector may hold half-filled data). */
export function readApiCall(data: Record<string, unknown>): ApiCallLike {
  return {
    method: typeof data.method === "string" ? data.method : "GET",
    url: typeof data.url === "string" ? data.url : "",
    headers: Array.isArray(data.headers)
      ? data.headers.flatMap((header) =>
          header && typeof header === "object" && typeof (header as { name?: unknown }).name === "string"
            ? [{ name: (header as { name: string }).name, value: String((header as { value?: unknown }).value ?? "") }]
            : [],
        )
      : [],
    body: typeof data.body === "string" ? data.body : "",
    responseMappings: Array.isArray(data.responseMappings)
      ? data.responseMappings.filter(
          (mapping): mapping is { variable: string; path: string } =>
            !!mapping && typeof mapping === "object" && typeof (mapping as { variable?: unknown }).variable === "string" && typeof (mapping as { path?: unknown }).path === "string",
        )
      : [],
  };
}

/** Variables (other than secrets) the request's templates refer to. */
export function requestVariables(call: ApiCallLike): string[] {
  const names = new Set<string>();
  for (const template of [call.url, ...call.headers.map((header) => header.value), call.body]) {
    for (const name of templateVariables(template)) if (name !== "secrets") names.add(name);
  }
  return [...names];
}

/**
 * The request as the node would send it with these variables, like the engine
 * does: URL values encoded (except a leading base-URL placeholder), JSON body
 * strings rendered, `"{{x}}"` sending x with its type. `{{secrets.*}}` stay.
 */
export function renderTestRequest(call: ApiCallLike, variables: Variables): { ok: true; request: TestRequest } | { ok: false; error: string } {
  const render = (template: string, encode: boolean) =>
    template.replace(PLACEHOLDER, (placeholder: string, path: string, offset: number) => {
      if (isSecret(path)) return placeholder;
      const value = renderTemplate(placeholder, variables);
      return encode && offset !== 0 ? encodeURIComponent(value) : value;
    });
  const headers: Record<string, string> = {};
  for (const header of call.headers) if (header.name.trim()) headers[header.name.trim()] = render(header.value, false).replace(/[\r\n]+/g, " ");
  let body: string | undefined;
  if (call.method !== "GET" && call.body.trim() !== "") {
    let parsed: unknown;
    try {
      parsed = JSON.parse(call.body);
    } catch (error) {
      return { ok: false, error: `The body is not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
    }
    body = JSON.stringify(renderJsonValue(parsed, variables, render));
    if (!Object.keys(headers).some((name) => name.toLowerCase() === "content-type")) headers["Content-Type"] = "application/json";
  }
  return { ok: true, request: { method: call.method, url: render(call.url.trim(), true), headers, ...(body !== undefined ? { body } : {}) } };
}

function renderJsonValue(value: unknown, variables: Variables, render: (template: string, encode: boolean) => string): unknown {
  if (typeof value === "string") {
    const whole = WHOLE_PLACEHOLDER.exec(value);
    if (whole && !isSecret(whole[1])) return readPath(variables, whole[1]) ?? null;
    return render(value, false);
  }
  if (Array.isArray(value)) return value.map((item) => renderJsonValue(item, variables, render));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, renderJsonValue(item, variables, render)]));
  }
  return value;
}

function isSecret(path: string): boolean {
  return /^\s*secrets\./.test(path);
}

/** A response field's path in the node's mapping syntax: `order.items[0].name`, or JSONPath `$["a b"]` when keys need quoting. */
export function mappingPath(segments: (string | number)[]): string {
  if (segments.length === 0) return "$";
  const simple = segments.every((segment) => typeof segment === "number" || /^[A-Za-z_$][A-Za-z0-9_$-]*$/.test(segment)) && typeof segments[0] === "string";
  if (simple) {
    return segments.map((segment, index) => (typeof segment === "number" ? `[${segment}]` : `${index === 0 ? "" : "."}${segment}`)).join("");
  }
  return `$${segments.map((segment) => (typeof segment === "number" ? `[${segment}]` : `[${JSON.stringify(segment)}]`)).join("")}`;
}

/** A variable name for a response field: the last key in camelCase, made unique. */
export function suggestVariableName(segments: (string | number)[], taken: Iterable<string>): string {
  const key = [...segments].reverse().find((segment): segment is string => typeof segment === "string") ?? "value";
  const words = key.split(/[^A-Za-z0-9]+/).filter(Boolean);
  let base = words.map((word, index) => (index === 0 ? word.charAt(0).toLowerCase() + word.slice(1) : word.charAt(0).toUpperCase() + word.slice(1))).join("");
  if (!/^[A-Za-z_]/.test(base)) base = `field${base ? `_${base}` : ""}`;
  base = base.replace(/[^A-Za-z0-9_]/g, "") || "value";
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let index = 2; ; index += 1) if (!used.has(`${base}${index}`)) return `${base}${index}`;
}
