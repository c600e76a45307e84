// 4. NLU: the embedded classifier (flows/nlu/trainClassifier.ts) on a synthetic
// 200 intents x 20 phrases set (bench/flows/synthetic.ts: 60% English, 40%
// Cantonese/Standard Chinese, varied frames, openers and closers), in process:
// training time, and classification latency over 1,000 held-out utterances
// (frames never used in training), repeated 10 times.
//
// Then, on the running server: chat latency while a 200x20 flow is published
// (tRPC flows.import + flows.publish, which validates, stores and trains the
// flow's intent node in the server process) during a FAQ chat load.
import { trainClassifier } from "../../flows/nlu";
import { bigFaqFlow, syntheticNluSet } from "../flows/synthetic";
import { chatLoad, type Timeline } from "../lib/chatLoad";
import { atMost, type BenchOptions, type Row, type SectionResult } from "../lib/report";
import { importAndPublish, sleep, type StartedServer } from "../lib/server";
import { max, median, percentile, Samples } from "../lib/stats";
import { MESSAGES_PER_SESSION } from "./chatApi";

export async function runNluBench(options: BenchOptions): Promise<SectionResult> {
  const set = syntheticNluSet(200, 20);
  const phrases = set.intents.reduce((sum, intent) => sum + intent.phrases.length, 0);
  trainClassifier(set.intents.slice(0, 20)); // JIT warm-up on a small set
  const trainMs: number[] = [];
  let classifier = trainClassifier(set.intents.slice(0, 1));
  for (let run = 0; run < Math.max(3, options.runs); run += 1) {
    const startedAt = performance.now();
    classifier = trainClassifier(set.intents);
    trainMs.push(performance.now() - startedAt);
  }
  for (const query of set.queries.slice(0, 200)) classifier.classify(query.text); // warm-up
  const latencies = new Samples();
  const perRunP99: number[] = [];
  let correct = 0;
  let total = 0;
  for (let rep = 0; rep < 10; rep += 1) {
    const run = new Samples();
    for (const query of set.queries) {
      const startedAt = performance.now();
      const match = classifier.classify(query.text);
      const elapsed = performance.now() - startedAt;
      latencies.push(elapsed);
      run.push(elapsed);
      if (rep === 0) {
        total += 1;
        if (match.intent === query.intent) correct += 1;
      }
    }
    perRunP99.push(percentile(run.values(), 99));
  }
  const classify = latencies.summary();
  const training = median(trainMs);
  return {
    section: "4. NLU (200 intents x 20 phrases, English + Chinese)",
    rows: [
      { metric: "training time", value: training, unit: "ms", target: "<= 2,000 ms", met: atMost(training, 2000), note: `${phrases.toLocaleString("en-US")} phrases; runs ${trainMs.map((ms) => ms.toFixed(0)).join(", ")} ms` },
      { metric: "classification p50", value: classify.p50, unit: "ms" },
      { metric: "classification p99", value: classify.p99, unit: "ms", target: "<= 1 ms", met: atMost(classify.p99, 1), note: `max ${classify.max.toFixed(2)} ms; p99 per pass ${perRunP99.map((v) => v.toFixed(2)).join(", ")}` },
      { metric: "held-out accuracy (sanity check)", value: (100 * correct) / total, unit: "%", note: `${total} utterances, frames not in training` },
    ],
    details: { intents: set.intents.length, phrases, trainMs, classify, perRunP99, accuracy: correct / total },
  };
}

/** Chat p99/max before and while a 200x20 flow is published (and trained) in the server. */
export async function runRetrainStallBench(options: BenchOptions, server: StartedServer, faqSlug: string): Promise<SectionResult> {
  const connections = 10;
  const seconds = options.quick ? 8 : 12;
  const runs: Record<string, number>[] = [];
  for (let run = 0; run < options.runs; run += 1) {
    const timeline: Timeline = { at: [], latency: [] };
    const document = bigFaqFlow(200, 20, `Bench retrain ${Date.now()} ${run}`);
    let publishStart = 0;
    let publishEnd = 0;
    let publishError: unknown = null;
    const load = chatLoad({ baseUrl: server.baseUrl, slug: faqSlug, connections, seconds, messagesPerSession: MESSAGES_PER_SESSION, timeline });
    await sleep(3000);
    publishStart = performance.now();
    try {
      await importAndPublish(server.baseUrl, document);
    } catch (error) {
      publishError = error;
    }
    publishEnd = performance.now();
    const result = await load;
    if (publishError) throw publishError;
    const before: number[] = [];
    const during: number[] = [];
    for (let i = 0; i < timeline.at.length; i += 1) {
      const at = timeline.at[i];
      const sentAt = at - timeline.latency[i];
      if (at < publishStart) before.push(timeline.latency[i]);
      else if (sentAt <= publishEnd) during.push(timeline.latency[i]);
    }
    runs.push({
      publishMs: publishEnd - publishStart,
      beforeP99: percentile(before, 99),
      beforeMax: max(before),
      duringP99: percentile(during, 99),
      duringMax: max(during),
      duringCount: during.length,
      overallP99: result.messageLatency.p99,
      errors: result.errors + result.non2xx + result.timeouts + result.badBodies,
    });
    console.log(`  retrain run ${run + 1}: publish ${runs.at(-1)!.publishMs.toFixed(0)} ms; chat p99 before ${runs.at(-1)!.beforeP99.toFixed(1)} ms, during ${runs.at(-1)!.duringP99.toFixed(1)} ms, max during ${runs.at(-1)!.duringMax.toFixed(1)} ms`);
  }
  const m = (key: string) => median(runs.map((run) => run[key]));
  const rows: Row[] = [
    { metric: `publish 200x20 flow (validate + store + train), via tRPC`, value: m("publishMs"), unit: "ms" },
    { metric: `chat @${connections} conn before publish: p99 / max`, value: `${m("beforeP99").toFixed(1)} / ${m("beforeMax").toFixed(1)}`, unit: "ms" },
    {
      metric: `chat @${connections} conn during publish: p99 / max`,
      value: `${m("duringP99").toFixed(1)} / ${m("duringMax").toFixed(1)}`,
      unit: "ms",
      target: "no stall (max <= 60 ms)",
      met: atMost(m("duringMax"), 60),
      note: `${m("duringCount").toFixed(0)} turns overlapped the publish`,
    },
    { metric: "chat errors during the retrain runs", value: runs.reduce((sum, run) => sum + run.errors, 0), unit: "", target: "0", met: runs.every((run) => run.errors === 0) },
  ];
  return { section: "4b. Chat latency while a 200x20 flow retrains", rows, details: { connections, secondsPerRun: seconds, runs } };
}
