import { JSONPath } from "jsonpath-plus";
import { z } from "zod";
import { HttpTimeoutError, type HttpRequest, type HttpResponse, type Variables } from "../../engine/types";
import { readPath, renderTemplate } from "../../templates/renderTemplate";
import { defineNode, type NodeResult, type Problem } from "../defineNode";
import { variableNameSchema } from "../fields";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
/** Methods that may be repeated safely, so retries are allowed. */
const IDEMPOTENT: readonly string[] = ["GET", "PUT", "DELETE"];
/** Response bodies longer than this are cut in the trace. */
const TRACE_BODY_LIMIT = 2048;
const REDACTED = "•••";
/** A {{secrets.NAME}} reference in a request template (resolved on the server only). */
export const SECRET_REFERENCE = /\{\{\s*secrets\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
const PLACEHOLDER = /\{\{\s*([^{}]+?)\s*\}\}/g;
const WHOLE_PLACEHOLDER = /^\{\{\s*([^{}]+?)\s*\}\}$/;

const dataSchema = z.object({
  method: z.enum(METHODS).default("GET").meta({ title: "Method", description: "HTTP method." }),
  url: z
    .string()
    .trim()
    .min(1, "URL is empty")
    .meta({
      title: "URL",
      description:
        "https://… or a path on this app such as /api/demo/orders/{{orderNumber}}. Values are URL-encoded; use {{secrets.NAME}} for keys.",
      widget: "template",
    }),
  headers: z
    .array(
      z.object({
        name: z.string().trim().min(1, "Header name is empty").meta({ title: "Name", description: "e.g. Authorization" }),
        value: z.string().default("").meta({ title: "Value", description: "e.g. Bearer {{secrets.SHOP_TOKEN}}", widget: "template" }),
      }),
    )
    .default([])
    .meta({ title: "Headers", description: "Request headers. Secret values never appear in traces." }),
  body: z
    .string()
    .default("")
    .meta({
      title: "JSON body",
      description: 'JSON sent with POST, PUT, PATCH or DELETE. Strings may contain {{variable}}; a string that is exactly "{{variable}}" sends the value with its type.',
      widget: "json",
    }),
  timeoutMs: z
    .number()
    .int()
    .min(100)
    .max(60_000)
    .default(10_000)
    .meta({ title: "Timeout (ms)", description: "Give up and take the Timeout output after this long (at most 60000)." }),
  retries: z
    .object({
      count: z
        .number()
        .int()
        .min(0)
        .max(5)
        .default(0)
        .meta({ title: "Retries", description: "Extra attempts after a network error, timeout or 5xx. Only for GET, PUT and DELETE." }),
    })
    .prefault({})
    .meta({ title: "Retries" }),
  responseMappings: z
    .array(
      z.object({
        variable: variableNameSchema.meta({ title: "Variable", description: "Receives the value.", widget: "variable" }),
        path: z
          .string()
          .trim()
          .min(1, "Path is empty")
          .meta({ title: "Path in response", description: "e.g. order.status, items[0].name or $.order.items[0].name" }),
      }),
    )
    .default([])
    .meta({ title: "Save from response", description: "Copy values from a successful JSON response into variables." }),
  statusVariable: z
    .union([z.literal(""), variableNameSchema])
    .default("")
    .meta({ title: "Save status code to", description: "Optional variable for the HTTP status (empty when the request failed).", widget: "variable" }),
});

type ApiCallData = z.output<typeof dataSchema>;

export const apiCallNode = defineNode({
  type: "apiCall",
  label: "API call",
  description: "Call an HTTP API and save values from its JSON response.",
  icon: "Globe",
  color: "#4f46e5",
  hasInput: true,
  dataSchema,
  defaults: (): ApiCallData => ({
    method: "GET",
    url: "/api/demo/orders/{{orderNumber}}",
    headers: [],
    body: "",
    timeoutMs: 10_000,
    retries: { count: 0 },
    responseMappings: [{ variable: "orderStatus", path: "status" }],
    statusVariable: "",
  }),
  outputs: () => [
    { id: "success", label: "Success" },
    { id: "error", label: "Error", kind: "error" as const },
    { id: "timeout", label: "Timeout", kind: "error" as const },
  ],
  summary: (data) => [
    `${data.method} ${shorten(data.url, 48)}`,
    ...(data.responseMappings.length ? [`→ ${data.responseMappings.map((mapping) => mapping.variable).join(", ")}`] : []),
  ],
  execute: async (data, ctx) => {
    // Secrets are resolved here only, in a view of the variables that is never stored.
    const secrets: Record<string, string> = {};
    for (const name of secretNames(data)) {
      const value = ctx.ports.secret(name);
      if (value === undefined) return failed(data, "error", `Unknown secret "${name}"`);
      secrets[name] = value;
    }
    const redact = redactor(Object.values(secrets));
    const view: Variables = { ...ctx.variables, secrets };

    const url = renderUrl(data.url, view);
    if (!/^https?:\/\/[^/]/i.test(url) && !/^\/(?!\/)/.test(url)) {
      ctx.trace({ request: { method: data.method, url: redact(url) } });
      return failed(data, "error", `Invalid URL "${shorten(redact(url), 80)}"`);
    }
    const headers: Record<string, string> = {};
    for (const header of data.headers) headers[header.name] = renderTemplate(header.value, view).replace(/[\r\n]+/g, " ");
    let body: string | undefined;
    if (data.method !== "GET" && data.body.trim() !== "") {
      body = renderJsonBody(data.body, view);
      if (!Object.keys(headers).some((name) => name.toLowerCase() === "content-type")) headers["Content-Type"] = "application/json";
    }
    const request: HttpRequest = { method: data.method, url, headers, timeoutMs: data.timeoutMs, ...(body !== undefined ? { body } : {}) };
    ctx.trace({
      request: {
        method: request.method,
        url: redact(url),
        headers: Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, redact(value)])),
        ...(body !== undefined ? { body: redact(body) } : {}),
      },
    });

    const maxAttempts = 1 + (IDEMPOTENT.includes(data.method) ? data.retries.count : 0);
    const attempts: Record<string, unknown>[] = [];
    let response: HttpResponse | undefined;
    let failure: unknown;
    for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
      const startedAt = ctx.ports.clock.now();
      try {
        response = await ctx.ports.http.request(request);
        failure = undefined;
        attempts.push({ status: response.status, durationMs: response.durationMs });
        if (response.status < 500) break;
      } catch (error) {
        response = undefined;
        failure = error;
        attempts.push({ error: redact(errorMessage(error)), durationMs: ctx.ports.clock.now() - startedAt });
      }
    }
    if (attempts.length > 1) ctx.trace({ attempts });

    if (!response) {
      if (isTimeout(failure)) {
        ctx.trace({ timeout: true });
        return failed(data, "timeout", `Timed out after ${data.timeoutMs} ms`);
      }
      ctx.trace({ networkError: redact(errorMessage(failure)) });
      return failed(data, "error", shorten(`Network error: ${redact(errorMessage(failure))}`, 200));
    }
    ctx.trace({ response: { status: response.status, body: traceBody(response.body, redact), durationMs: response.durationMs } });
    const status = data.statusVariable ? { [data.statusVariable]: response.status } : {};
    if (response.status < 200 || response.status >= 300) {
      return { action: "next", output: "error", setVariables: { ...status, apiError: `HTTP ${response.status}` } };
    }
    const mapped: Variables = {};
    const missing: string[] = [];
    for (const mapping of data.responseMappings) {
      const value = readResponsePath(response.body, mapping.path);
      if (value === undefined) missing.push(mapping.path);
      mapped[mapping.variable] = value === undefined ? null : value;
    }
    if (missing.length) ctx.trace({ missingPaths: missing });
    return { action: "next", output: "success", setVariables: { ...mapped, ...status, apiError: null } };
  },
  validate: (data) => validateApiCall(data),
  readsTemplates: (data) => [data.url, ...data.headers.map((header) => header.value), data.body],
  writesVariables: (data) => [
    ...new Set([...data.responseMappings.map((mapping) => mapping.variable), ...(data.statusVariable ? [data.statusVariable] : []), "apiError"]),
  ],
});

function failed(data: ApiCallData, output: "error" | "timeout", reason: string): NodeResult {
  return { action: "next", output, setVariables: { ...(data.statusVariable ? { [data.statusVariable]: null } : {}), apiError: reason } };
}

function validateApiCall(data: ApiCallData): Omit<Problem, "nodeId">[] {
  const problems: Omit<Problem, "nodeId">[] = [];
  if (!/^(https?:\/\/[^/]|\/(?!\/)|\{\{)/i.test(data.url)) {
    problems.push({
      severity: "error",
      code: "invalid_url",
      message: "The URL must start with http://, https:// or / (a path on this app)",
      path: ["url"],
    });
  }
  if (data.body.trim() !== "") {
    try {
      JSON.parse(data.body);
    } catch (error) {
      problems.push({
        severity: "error",
        code: "invalid_json",
        message: `The body is not valid JSON (${errorMessage(error)}). Put templates inside strings: "{{variable}}"`,
        path: ["body"],
      });
    }
    if (data.method === "GET") problems.push({ severity: "warning", code: "get_body", message: "GET requests are sent without a body", path: ["body"] });
  }
  if (data.retries.count > 0 && !IDEMPOTENT.includes(data.method)) {
    problems.push({
      severity: "error",
      code: "retry_not_idempotent",
      message: `${data.method} requests may not be safe to repeat; retries are only allowed for GET, PUT and DELETE`,
      path: ["retries", "count"],
    });
  }
  return problems;
}

/** Secret names referenced as {{secrets.NAME}} anywhere in the request. */
function secretNames(data: ApiCallData): string[] {
  const templates = [data.url, ...data.headers.map((header) => header.value), data.body];
  return [...new Set(templates.flatMap((template) => [...template.matchAll(SECRET_REFERENCE)].map((match) => match[1])))];
}

/**
 * Renders the URL template. Values are URL-encoded so customer input cannot
 * change the path or query, except a placeholder at the very start, which is
 * taken as a base URL (e.g. {{apiBase}}/orders).
 */
function renderUrl(template: string, view: Variables): string {
  return template
    .trim()
    .replace(PLACEHOLDER, (placeholder: string, _path: string, offset: number) => {
      const value = renderTemplate(placeholder, view);
      return offset === 0 ? value : encodeURIComponent(value);
    });
}

/** Parses the body as JSON, then renders templates inside its string values. */
function renderJsonBody(body: string, view: Variables): string {
  return JSON.stringify(renderJsonValue(JSON.parse(body) as unknown, view));
}

function renderJsonValue(value: unknown, view: Variables): unknown {
  if (typeof value === "string") {
    const whole = WHOLE_PLACEHOLDER.exec(value);
    if (whole) return readPath(view, whole[1]) ?? null;
    return renderTemplate(value, view);
  }
  if (Array.isArray(value)) return value.map((item) => renderJsonValue(item, view));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, renderJsonValue(item, view)]));
  }
  return value;
}

/** Reads `a.b[0]` with readPath, or a JSONPath starting with `$` (no script filters). */
function readResponsePath(body: unknown, path: string): unknown {
  if (!path.startsWith("$")) return readPath(body, path);
  if (body === null || typeof body !== "object") return undefined;
  try {
    return JSONPath({ path, json: body as object, wrap: false, eval: false }) as unknown;
  } catch {
    return undefined;
  }
}

/** Replaces every secret value (raw, URL-encoded and JSON-escaped) with •••. */
function redactor(values: string[]): (text: string) => string {
  const forms = [...new Set(values.filter((value) => value !== "").flatMap((value) => [value, encodeURIComponent(value), JSON.stringify(value).slice(1, -1)]))]
    .sort((a, b) => b.length - a.length);
  return (text) => forms.reduce((result, form) => result.split(form).join(REDACTED), text);
}

function traceBody(body: unknown, redact: (text: string) => string): unknown {
  if (typeof body === "string") return shorten(redact(body), TRACE_BODY_LIMIT);
  const serialized = redact(JSON.stringify(body) ?? "null");
  if (serialized.length > TRACE_BODY_LIMIT) return shorten(serialized, TRACE_BODY_LIMIT);
  try {
    return JSON.parse(serialized) as unknown;
  } catch {
    return serialized;
  }
}

function isTimeout(error: unknown): boolean {
  return error instanceof HttpTimeoutError || (error instanceof Error && error.name === "HttpTimeoutError");
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function shorten(text: string, limit: number): string {
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}
