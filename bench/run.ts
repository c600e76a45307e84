// `npm run bench [-- <section>...] [--runs N] [--quick]`
//
// The benchmark suite (see BENCHMARKS.md). Prints figures and writes
// bench/results/latest.json; it is a benchmark, not a test: it never fails CI
// over a missed target (the exit code is non-zero only when the suite itself
// could not run).
//
// Sections: engine, chat, persistence, nlu, editor, memory, profile (default: all).
// Every figure is the median of --runs runs (default 3). Servers it starts listen
// on 127.0.0.1 only and are killed when the suite ends, also on error or Ctrl-C.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { machineInfo, printSection } from "./lib/report";
import { buildIfStale, RESULTS_DIR, startServer, stopAllServers, warnings } from "./lib/server";

type SectionResult = import("./lib/report").SectionResult;
type BenchOptions = import("./lib/report").BenchOptions;

const SECTIONS = ["engine", "persistence", "nlu", "chat", "memory", "profile", "editor"] as const;
type Section = (typeof SECTIONS)[number];

function parseArgs(argv: string[]): { sections: Section[]; options: BenchOptions; forceBuild: boolean; reuseBuild: boolean } {
  const sections: Section[] = [];
  const options: BenchOptions = { runs: 3, quick: false, profile: true };
  let forceBuild = false;
  let reuseBuild = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === "--runs") options.runs = Math.max(1, Number(argv[++i]) || 3);
    else if (arg === "--quick") options.quick = true;
    else if (arg === "--build") forceBuild = true;
    else if (arg === "--reuse-build") reuseBuild = true;
    else if (arg === "--help" || arg === "-h") {
      console.log(
        `Usage: npm run bench [-- <section>...] [--runs N] [--quick] [--build | --reuse-build]\n` +
          `Sections: ${SECTIONS.join(", ")} (default: all)\n` +
          `--runs N       repetitions per figure (median reported; default 3)\n` +
          `--quick        shorter loads (noisier)\n` +
          `--build        rebuild the app even if the build is up to date\n` +
          `--reuse-build  use the existing build even if sources changed since`,
      );
      process.exit(0);
    } else if ((SECTIONS as readonly string[]).includes(arg)) sections.push(arg as Section);
    else {
      console.error(`Unknown argument "${arg}". Sections: ${SECTIONS.join(", ")}`);
      process.exit(2);
    }
  }
  return { sections: sections.length ? sections : [...SECTIONS], options, forceBuild, reuseBuild };
}

async function main(): Promise<number> {
  const { sections, options, forceBuild, reuseBuild } = parseArgs(process.argv.slice(2));
  const startedAt = Date.now();
  const latestFile = path.join(RESULTS_DIR, "latest.json");
  const previous = existsSync(latestFile) ? (JSON.parse(readFileSync(latestFile, "utf8")) as { sections?: Record<string, unknown> }) : {};
  const results: Record<string, unknown> = { ...(previous.sections ?? {}) };
  const failures: string[] = [];
  const machine = machineInfo();
  console.log(`Switchboard benchmarks: ${sections.join(", ")} (runs ${options.runs}${options.quick ? ", quick" : ""})`);
  console.log(`Machine: ${machine.cpuModel}, ${machine.nproc} cores, ${machine.memoryGb} GB, Node ${machine.node}, load average ${(machine.loadavg as number[]).join(" ")}`);
  if ((machine.loadavg as number[])[0] > 1.5) {
    console.log("[bench] note: the machine is busy (load average above 1.5 on 2 cores); figures will be lower and noisier than on an idle machine.");
  }

  const record = (name: Section, result: SectionResult, sectionStartedAt: number, load: number[]) => {
    printSection(result);
    results[name] = { ...result, measuredAt: new Date(sectionStartedAt).toISOString(), seconds: Math.round((Date.now() - sectionStartedAt) / 1000), loadavgAtStart: load };
    save();
  };
  const save = () => {
    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(
      latestFile,
      `${JSON.stringify({ updatedAt: new Date().toISOString(), machine, options, warnings, sections: results }, null, 2)}\n`,
    );
  };
  const attempt = async (name: Section, body: () => Promise<SectionResult>) => {
    const sectionStartedAt = Date.now();
    const load = loadavg().map((value) => Math.round(value * 100) / 100);
    console.log(`\n[bench] ${name}…`);
    try {
      record(name, await body(), sectionStartedAt, load);
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      console.error(`[bench] ${name} failed: ${message}`);
      failures.push(name);
      results[name] = { section: name, error: message.slice(0, 4000), measuredAt: new Date(sectionStartedAt).toISOString() };
      save();
    }
  };

  try {
    if (sections.includes("engine")) await attempt("engine", async () => (await import("./sections/engine")).runEngineBench(options));
    if (sections.includes("persistence")) await attempt("persistence", async () => (await import("./sections/persistence")).runPersistenceBench(options));
    if (sections.includes("nlu")) await attempt("nlu", async () => (await import("./sections/nlu")).runNluBench(options));

    const serverSections = sections.filter((name) => ["chat", "nlu", "memory", "profile", "editor"].includes(name));
    if (serverSections.length) {
      try {
        const build = await buildIfStale({ force: forceBuild, reuse: reuseBuild });
        console.log(`[bench] ${build.built ? `built in ${build.seconds.toFixed(0)} s (${build.reason})` : build.reason}`);
        if (build.built) results.build = { seconds: Math.round(build.seconds), reason: build.reason, at: new Date().toISOString() };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        console.error(`[bench] ${message.slice(0, 3000)}`);
        for (const name of serverSections) {
          failures.push(name);
          results[name === "nlu" ? "nluRetrain" : name] = { section: name, error: `next build failed: ${message.slice(0, 2000)}`, measuredAt: new Date().toISOString() };
        }
        save();
        console.log(`\n[bench] done in ${Math.round((Date.now() - startedAt) / 1000)} s; results in bench/results/latest.json; FAILED: ${failures.join(", ")}`);
        return 1;
      }
    }
    const { publishFaqFlow, runChatBench } = await import("./sections/chatApi");

    if (sections.includes("chat") || sections.includes("nlu")) {
      const server = await startServer();
      try {
        const slug = await publishFaqFlow(server);
        if (sections.includes("chat")) await attempt("chat", () => runChatBench(options, server, slug));
        if (sections.includes("nlu")) {
          const { runRetrainStallBench } = await import("./sections/nlu");
          const key = "nluRetrain" as Section;
          await attempt(key, () => runRetrainStallBench(options, server, slug));
        }
      } finally {
        await server.stop();
      }
    }
    if (sections.includes("memory")) {
      await attempt("memory", async () => {
        const server = await startServer({ env: { NODE_OPTIONS: "--expose-gc" } });
        try {
          const slug = await publishFaqFlow(server);
          return await (await import("./sections/memory")).runMemoryBench(options, server, slug);
        } finally {
          await server.stop();
        }
      });
    }
    if (sections.includes("profile")) await attempt("profile", async () => (await import("./sections/profile")).runProfileBench(options));
    if (sections.includes("editor")) await attempt("editor", async () => (await import("./sections/editor")).runEditorBench(options));
  } finally {
    await stopAllServers();
  }
  console.log(`\n[bench] done in ${Math.round((Date.now() - startedAt) / 1000)} s; results in bench/results/latest.json${failures.length ? `; FAILED: ${failures.join(", ")}` : ""}`);
  if (warnings.length) console.log(`[bench] warnings:\n  ${warnings.join("\n  ")}`);
  return failures.length ? 1 : 0;
}

// Exit explicitly: a worker thread or socket some module left open must not keep the suite alive.
const code = await main();
process.exit(code);
