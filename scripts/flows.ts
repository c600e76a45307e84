// Import and export flow documents.
//   npm run flows -- import <file.json> [--slug s] [--publish]
//   npm run flows -- export <slug> [--published]      (JSON on stdout)
import { readFileSync } from "node:fs";
import { disconnectPrisma } from "../server/db/prisma";
import { NotFoundError, ValidationError, ConflictError } from "../server/errors";
import { exportFlow, importFlow } from "../server/flows/flowService";
import { migrate } from "./migrate";

const USAGE = `Usage:
  npm run flows -- import <file.json> [--slug <slug>] [--publish]
      Imports a flow document. With --slug of an existing flow, replaces its draft.
      Prints every problem with its path and exits 1 if the document is invalid.
  npm run flows -- export <slug> [--published]
      Prints the flow's draft (or its published version) as JSON.`;

class UsageError extends Error {}

function parseArgs(argv: string[]): { command: string; positional: string[]; flags: Map<string, string | true> } {
  const [command, ...rest] = argv;
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < rest.length; i += 1) {
    const arg = rest[i];
    if (arg === "--publish" || arg === "--published") flags.set(arg.slice(2), true);
    else if (arg === "--slug") {
      const value = rest[i + 1];
      if (!value || value.startsWith("--")) throw new UsageError("--slug needs a value");
      flags.set("slug", value);
      i += 1;
    } else if (arg.startsWith("--")) throw new UsageError(`Unknown option ${arg}`);
    else positional.push(arg);
  }
  if (!command) throw new UsageError("Missing command");
  return { command, positional, flags };
}

async function main(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv[0] === "--help" || argv[0] === "-h") {
    console.log(USAGE);
    return argv.length === 0 ? 2 : 0;
  }
  const { command, positional, flags } = parseArgs(argv);
  if (command === "import") {
    if (positional.length !== 1) throw new UsageError("import takes exactly one file");
    let document: unknown;
    try {
      document = JSON.parse(readFileSync(positional[0], "utf8"));
    } catch (error) {
      console.error(`Cannot read ${positional[0]}: ${error instanceof Error ? error.message : error}`);
      return 1;
    }
    migrate({ quiet: true });
    const slug = flags.get("slug");
    const result = await importFlow(document, { slug: typeof slug === "string" ? slug : undefined, publish: flags.has("publish"), overwrite: true });
    for (const warning of result.warnings) console.error(`warning: ${warning.path || "(document)"}: ${warning.message}`);
    console.log(
      `${result.created ? "Imported" : "Updated"} flow "${result.slug}" (id ${result.id})${result.version ? `, published as version ${result.version}` : ""}`,
    );
    return 0;
  }
  if (command === "export") {
    if (positional.length !== 1) throw new UsageError("export takes exactly one slug");
    migrate({ quiet: true });
    const document = await exportFlow(positional[0], { published: flags.has("published") });
    process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
    return 0;
  }
  throw new UsageError(`Unknown command "${command}"`);
}

main(process.argv.slice(2))
  .catch((error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof ValidationError) {
      console.error(error.problems.length ? `${error.message.split("\n")[0]}` : error.message);
      for (const problem of error.problems) console.error(`  ${problem.path || "(document)"}: ${problem.message}`);
      return 1;
    }
    if (error instanceof NotFoundError || error instanceof ConflictError) {
      console.error(error.message);
      return 1;
    }
    console.error(error);
    return 1;
  })
  .then(async (code) => {
    await disconnectPrisma();
    process.exit(code);
  });
