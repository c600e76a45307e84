import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { NodeDefinition } from "../nodes/defineNode";
import { expressionVariables, flowVariableNames, parsePath, validateFlow } from "./validateFlow";

// Test-only node types beside the real registry, so these tests pin the
// validator's behaviour without depending on how other node types evolve.
vi.mock("../nodes", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../nodes")>();
  const ask: NodeDefinition = {
    type: "testAsk",
    label: "Ask",
    description: "",
    icon: "Circle",
    color: "#000",
    hasInput: true,
    dataSchema: z.object({
      question: z.string().min(1).meta({ widget: "template" }),
      phrases: z.array(z.string()).default([]),
      saveAs: z.string().default("answer"),
      url: z.string().default(""),
    }),
    defaults: () => ({ question: "?", phrases: [], saveAs: "answer", url: "" }),
    outputs: () => [
      { id: "matched", label: "Matched" },
      { id: "fallback", label: "No match", kind: "fallback" },
    ],
    summary: (data) => [data.question],
    execute: () => ({ action: "wait" }),
    validate: (data) => [
      ...(data.phrases.length === 0 ? [{ severity: "error" as const, code: "no_phrases", message: "add training phrases", path: ["phrases"] }] : []),
      ...(data.url && !/^https?:\/\//.test(data.url) ? [{ severity: "error" as const, code: "api.invalid_url", message: "URL is invalid", path: ["url"] }] : []),
    ],
    readsTemplates: (data) => [data.question],
    writesVariables: (data) => [data.saveAs],
  };
  const check: NodeDefinition = {
    type: "testCondition",
    label: "Condition",
    description: "",
    icon: "Circle",
    color: "#000",
    hasInput: true,
    dataSchema: z.object({ expression: z.string().meta({ widget: "expression" }) }),
    defaults: () => ({ expression: "true" }),
    outputs: () => [
      { id: "true", label: "True" },
      { id: "false", label: "False" },
    ],
    summary: (data) => [data.expression],
    execute: () => ({ action: "next", output: "true" }),
    readsTemplates: (data) => [data.expression],
  };
  const extra = [ask, check];
  return {
    ...actual,
    nodeDefinitions: [...actual.nodeDefinitions, ...extra],
    nodeTypes: [...actual.nodeTypes, ...extra.map((d) => d.type)],
    getNodeDefinition: (type: string) => extra.find((d) => d.type === type) ?? actual.getNodeDefinition(type),
  };
});

function flow(overrides: Partial<{ nodes: unknown[]; edges: unknown[]; variables: unknown[] }> = {}) {
  return {
    version: 1,
    name: "Test",
    nodes: [
      { id: "start", type: "start", position: { x: 0, y: 0 }, data: {} },
      { id: "hello", type: "message", position: { x: 0, y: 100 }, data: { text: "Hello {{name}}" } },
      { id: "bye", type: "end", position: { x: 0, y: 200 }, data: {} },
    ],
    edges: [
      { id: "e1", source: "start", sourceHandle: "next", target: "hello" },
      { id: "e2", source: "hello", sourceHandle: "next", target: "bye" },
    ],
    variables: [{ name: "name" }],
    ...overrides,
  };
}

const codes = (problems: { code: string }[]) => problems.map((p) => p.code);

describe("validateFlow", () => {
  it("finds nothing wrong in a connected flow", () => {
    expect(validateFlow(flow())).toEqual([]);
  });

  it("reports a document that is not an object", () => {
    expect(codes(validateFlow(null))).toEqual(["document.not_object"]);
    expect(codes(validateFlow([1]))).toEqual(["document.not_object"]);
  });

  it("requires exactly one start node", () => {
    const none = flow({ nodes: [{ id: "bye", type: "end", data: {} }], edges: [] });
    expect(validateFlow(none)).toEqual([expect.objectContaining({ severity: "error", code: "flow.no_start" })]);

    const base = flow();
    const two = flow({ nodes: [...base.nodes, { id: "start2", type: "start", data: {} }] });
    const problems = validateFlow(two);
    expect(problems[0]).toMatchObject({ severity: "error", code: "flow.multiple_starts", nodeId: "start2", path: ["nodes", 3] });
  });

  it("warns about unconnected outputs, including a fallback", () => {
    const base = flow();
    const document = flow({
      nodes: [...base.nodes, { id: "ask", type: "testAsk", data: { question: "What?", phrases: ["a"] } }],
      edges: [...base.edges.slice(0, 1), { id: "e2", source: "hello", sourceHandle: "next", target: "ask" }, { id: "e3", source: "ask", sourceHandle: "matched", target: "bye" }],
    });
    const problems = validateFlow(document);
    expect(problems).toEqual([
      expect.objectContaining({ severity: "warning", code: "output.fallback_unconnected", nodeId: "ask", path: ["nodes", 3] }),
    ]);
    expect(problems[0].message).toContain('Ask "What?"');
    expect(problems[0].message).toContain('"No match"');
  });

  it("warns about unreachable nodes, naming them by their summary", () => {
    const base = flow();
    const document = flow({ nodes: [...base.nodes, { id: "lost", type: "message", data: { text: "Nobody sees me" } }] });
    const problems = validateFlow(document);
    expect(codes(problems)).toEqual(["output.unconnected", "node.unreachable"]);
    expect(problems[1]).toMatchObject({ nodeId: "lost", path: ["nodes", 3], message: 'Message "Nobody sees me" cannot be reached from Start' });
  });

  it("passes each node's own validate() problems through with node paths", () => {
    const base = flow();
    const document = flow({
      nodes: [...base.nodes.slice(0, 2), { id: "ask", type: "testAsk", data: { question: "Q", url: "ftp:/x" } }, base.nodes[2]],
      edges: [
        base.edges[0],
        { id: "e2", source: "hello", sourceHandle: "next", target: "ask" },
        { id: "e3", source: "ask", sourceHandle: "matched", target: "bye" },
        { id: "e4", source: "ask", sourceHandle: "fallback", target: "bye" },
      ],
    });
    const problems = validateFlow(document);
    expect(problems).toEqual([
      expect.objectContaining({ severity: "error", code: "testAsk.no_phrases", nodeId: "ask", path: ["nodes", 2, "data", "phrases"] }),
      expect.objectContaining({ severity: "error", code: "api.invalid_url", nodeId: "ask", path: ["nodes", 2, "data", "url"] }),
    ]);
  });

  it("maps schema problems onto their node and keeps checking the rest", () => {
    const base = flow();
    const document = flow({
      nodes: [base.nodes[0], { id: "hello", type: "message", data: { text: "" } }, base.nodes[2], { id: "lost", type: "end", data: {} }],
    });
    const problems = validateFlow(document);
    expect(problems[0]).toMatchObject({ severity: "error", code: "schema.invalid", nodeId: "hello", path: ["nodes", 1, "data", "text"] });
    expect(problems[0].message).toContain("Message text is empty");
    // The graph checks still run despite the schema error.
    expect(problems).toContainEqual(expect.objectContaining({ code: "node.unreachable", nodeId: "lost" }));
  });

  it("reports schema problems outside nodes with their path", () => {
    const problems = validateFlow({ ...flow(), name: "" });
    expect(problems).toEqual([expect.objectContaining({ code: "schema.invalid", path: ["name"] })]);
    expect(problems[0].nodeId).toBeUndefined();
  });

  it("reports node types missing from the registry once, as an error", () => {
    const base = flow();
    const document = flow({
      nodes: [...base.nodes, { id: "mystery", type: "teleport", data: {} }],
      edges: [...base.edges.slice(0, 1), { id: "e2", source: "hello", sourceHandle: "next", target: "mystery" }],
    });
    const problems = validateFlow(document);
    expect(problems.filter((p) => p.nodeId === "mystery")).toEqual([
      expect.objectContaining({ severity: "error", code: "node.unknown_type", path: ["nodes", 3, "type"] }),
    ]);
    expect(problems.find((p) => p.code === "node.unknown_type")?.message).toContain('"teleport"');
  });

  it("warns about unknown variables in templates", () => {
    const problems = validateFlow(flow({ variables: [] }));
    expect(problems).toEqual([
      expect.objectContaining({ severity: "warning", code: "variable.unknown", nodeId: "hello", path: ["nodes", 1, "data", "text"] }),
    ]);
    expect(problems[0].message).toContain('"name"');
  });

  it("knows variables written by nodes, built-ins and secrets", () => {
    const base = flow();
    const document = flow({
      variables: [],
      nodes: [
        base.nodes[0],
        { id: "ask", type: "testAsk", data: { question: "Hi {{lastUtterance}} {{secrets.TOKEN}} {{apiError.message}} {{lastIntent}}", phrases: ["x"], saveAs: "name" } },
        { id: "hello", type: "message", data: { text: "Hello {{ name }} and {{order.id}}" } },
        base.nodes[2],
      ],
      edges: [
        { id: "e1", source: "start", sourceHandle: "next", target: "ask" },
        { id: "e2", source: "ask", sourceHandle: "matched", target: "hello" },
        { id: "e3", source: "ask", sourceHandle: "fallback", target: "hello" },
        { id: "e4", source: "hello", sourceHandle: "next", target: "bye" },
      ],
    });
    const problems = validateFlow(document);
    expect(problems).toEqual([expect.objectContaining({ code: "variable.unknown", nodeId: "hello" })]);
    expect(problems[0].message).toContain('"order"');
  });

  it("checks variables in expressions, ignoring transforms, functions and literals", () => {
    const base = flow();
    const document = flow({
      nodes: [
        base.nodes[0],
        { id: "check", type: "testCondition", data: { expression: 'name|lower == "amy" && contains(tags, "vip") && items[.price > limit].length > 0' } },
        base.nodes[2],
      ],
      edges: [
        { id: "e1", source: "start", sourceHandle: "next", target: "check" },
        { id: "e2", source: "check", sourceHandle: "true", target: "bye" },
        { id: "e3", source: "check", sourceHandle: "false", target: "bye" },
      ],
    });
    const unknown = validateFlow(document).filter((p) => p.code === "variable.unknown");
    expect(unknown.map((p) => p.message.match(/variable "(\w+)"/)?.[1])).toEqual(["tags", "items", "limit"]);
    expect(unknown[0].path).toEqual(["nodes", 1, "data", "expression"]);
  });

  it("does not treat plain text as an expression", () => {
    const problems = validateFlow(flow({ nodes: [...flow().nodes.slice(0, 1), { id: "hello", type: "message", data: { text: "Thanks" } }, flow().nodes[2]] }));
    expect(problems).toEqual([]);
  });

  it("sorts errors before warnings", () => {
    const base = flow();
    const document = flow({ variables: [], nodes: [...base.nodes, { id: "start2", type: "start", data: {} }] });
    const severities = validateFlow(document).map((p) => p.severity);
    expect(severities).toEqual([...severities].sort());
    expect(severities[0]).toBe("error");
    expect(severities.at(-1)).toBe("warning");
  });

  it("never throws on garbage inside a document", () => {
    expect(() => validateFlow({ nodes: [null, 3, { id: 5 }, { id: "x" }], edges: [null, {}], variables: "no" })).not.toThrow();
    expect(codes(validateFlow({ nodes: [{ id: "x" }] }))).toContain("node.unknown_type");
  });
});

describe("helpers", () => {
  it("parses document paths", () => {
    expect(parsePath("nodes[3].data.url")).toEqual(["nodes", 3, "data", "url"]);
    expect(parsePath("")).toEqual([]);
    expect(parsePath("edges[0].source")).toEqual(["edges", 0, "source"]);
  });

  it("lists the variables a flow can read", () => {
    expect(flowVariableNames(flow())).toEqual(["apiError", "lastIntent", "lastUtterance", "name", "secrets"]);
  });

  it("extracts expression variables or reports syntax errors", () => {
    expect(expressionVariables("a.b > 3 && c")).toEqual({ names: ["a", "c"] });
    expect(expressionVariables("a >")).toHaveProperty("error");
  });
});

describe("example flows", () => {
  it("have no errors and name every problem's node", async () => {
    const { readdirSync, readFileSync } = await import("node:fs");
    const directory = new URL("../examples/", import.meta.url);
    const files = readdirSync(directory).filter((file) => file.endsWith(".json"));
    for (const file of files) {
      const problems = validateFlow(JSON.parse(readFileSync(new URL(file, directory), "utf8")));
      expect(problems.filter((p) => p.severity === "error"), file).toEqual([]);
      for (const problem of problems) if (problem.path?.[0] === "nodes") expect(problem.nodeId, `${file}: ${problem.message}`).toBeTruthy();
    }
  });
});

describe("real node types", () => {
  it("reports an intent without phrases and a bad condition expression, namespaced by type", () => {
    const document = {
      version: 1,
      name: "Real",
      nodes: [
        { id: "start", type: "start", data: {} },
        { id: "ask", type: "intent", data: { prompt: "", intents: [{ id: "i1", name: "refund", phrases: [] }] } },
        { id: "check", type: "condition", data: { branches: [{ id: "b1", expression: "amount >" }] } },
      ],
      edges: [
        { id: "e1", source: "start", sourceHandle: "next", target: "ask" },
        { id: "e2", source: "ask", sourceHandle: "i1", target: "check" },
      ],
    };
    const problems = validateFlow(document);
    expect(problems.filter((p) => p.severity === "error").map((p) => [p.code, p.nodeId, p.path])).toEqual([
      ["intent.no_phrases", "ask", ["nodes", 1, "data", "intents", 0, "phrases"]],
      ["condition.invalid_expression", "check", ["nodes", 2, "data", "branches", 0, "expression"]],
    ]);
    expect(problems.find((p) => p.code === "intent.no_phrases")?.message).toBe('Intent "refund": Intent "refund" has no training phrases');
    expect(problems.map((p) => p.code)).toContain("output.fallback_unconnected");
  });
});
