// Starting points for new flows: a blank flow, and every example flow in
// flows/examples/*.json (its id is the file name without .json).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { FLOW_DOCUMENT_VERSION, parseFlowDocument } from "../../flows/schema/flowDocument";
import { NotFoundError, ValidationError } from "../errors";

export interface FlowTemplate {
  id: string;
  name: string;
  description: string;
}

export const BLANK_TEMPLATE_ID = "blank";

/** Folder of the example flows (SWITCHBOARD_EXAMPLES_DIR overrides, for tests). */
export function examplesDirectory(): string {
  return process.env.SWITCHBOARD_EXAMPLES_DIR ?? path.join(/*turbopackIgnore: true*/ process.cwd(), "flows", "examples");
}

/** A valid minimal document: a start node connected to a message node. */
export function blankDocument(name: string): Record<string, unknown> {
  return {
    version: FLOW_DOCUMENT_VERSION,
    name,
    description: "",
    languages: ["en", "zh-HK"],
    settings: {},
    variables: [],
    nodes: [
      { id: "start", type: "start", position: { x: 0, y: 0 }, data: {} },
      {
        id: "welcome",
        type: "message",
        position: { x: 0, y: 160 },
        data: { text: "Hello! How can I help you today? 你好！有咩可以幫到你？", quickReplies: [] },
      },
    ],
    edges: [{ id: "start-welcome", source: "start", sourceHandle: "next", target: "welcome" }],
  };
}

/** Example flows on disk: [{ slug, file }]. Empty when the folder is missing. */
export function exampleFiles(): { slug: string; file: string }[] {
  const directory = examplesDirectory();
  if (!existsSync(/*turbopackIgnore: true*/ directory)) return [];
  return readdirSync(/*turbopackIgnore: true*/ directory)
    .filter((file) => file.endsWith(".json"))
    .sort()
    .map((file) => ({ slug: file.replace(/\.json$/, ""), file: path.join(directory, file) }));
}

export function readExample(file: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(/*turbopackIgnore: true*/ file, "utf8"));
  } catch (error) {
    throw new ValidationError(`${path.basename(file)} is not valid JSON: ${error instanceof Error ? error.message : error}`);
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new ValidationError(`${path.basename(file)} is not a JSON object`);
  return parsed as Record<string, unknown>;
}

export function listTemplates(): FlowTemplate[] {
  const examples = exampleFiles().flatMap(({ slug, file }) => {
    try {
      const document = readExample(file);
      if (!parseFlowDocument(document).ok) return [];
      return [{ id: slug, name: typeof document.name === "string" ? document.name : slug, description: typeof document.description === "string" ? document.description : "" }];
    } catch {
      return [];
    }
  });
  return [{ id: BLANK_TEMPLATE_ID, name: "Blank flow", description: "A start node and a greeting message." }, ...examples];
}

/** The document a new flow starts from. */
export function templateDocument(templateId: string, name: string): Record<string, unknown> {
  if (templateId === BLANK_TEMPLATE_ID) return blankDocument(name);
  const example = exampleFiles().find((candidate) => candidate.slug === templateId);
  if (!example) throw new NotFoundError(`There is no template "${templateId}"`);
  return { ...readExample(example.file), name };
}
