import { normalizeText } from "../entities/normalizeText";
import { HttpTimeoutError, type HttpRequest, type HttpResponse, type IntentMatcher, type RuntimePorts } from "../engine/types";

/** One canned HTTP answer. `url` matches exactly, or as a pattern where `*` stands for any run of characters. */
export interface FakeHttpRoute {
  method?: HttpRequest["method"];
  url: string;
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Throw HttpTimeoutError instead of answering. */
  timeout?: boolean;
  /** Throw a network error with this message instead of answering. */
  networkError?: string;
  /** Answer only the first matching request, then step aside for the next route (to script retries). */
  once?: boolean;
}

export interface FakePortsOptions {
  /** Clock time in epoch ms; defaults to FAKE_NOW. */
  now?: number;
  /** Milliseconds the clock moves on every read (0: frozen). */
  tickMs?: number;
  /** Seed for the deterministic random generator. */
  seed?: number;
  /** Exact values for random(), returned in order and then repeated from the start; overrides `seed`. */
  randomValues?: number[];
  http?: FakeHttpRoute[];
  secrets?: Record<string, string>;
  /** Intent matcher; defaults to the phrase-matching fake below. */
  nlu?: IntentMatcher;
}

export interface FakePorts extends RuntimePorts {
  /** Every HTTP request made, in order. */
  requests: HttpRequest[];
  /** Every secret name looked up, in order. */
  secretLookups: string[];
}

/** Friday 2026-11-20, 10:00 in Hong Kong. */
export const FAKE_NOW = Date.UTC(2026, 10, 20, 2, 0);

/** Ports for tests: fixed clock, seeded random, canned HTTP, in-memory secrets, phrase-matching NLU. */
export function createFakePorts(options: FakePortsOptions = {}): FakePorts {
  let time = options.now ?? FAKE_NOW;
  const routes = (options.http ?? []).map((route) => ({ route, used: false }));
  const requests: HttpRequest[] = [];
  const secretLookups: string[] = [];
  const random = options.randomValues ? cycle(options.randomValues) : seededRandom(options.seed ?? 42);
  return {
    requests,
    secretLookups,
    clock: {
      now() {
        const current = time;
        time += options.tickMs ?? 0;
        return current;
      },
    },
    random,
    secret(name) {
      secretLookups.push(name);
      return options.secrets?.[name];
    },
    nlu: options.nlu ?? createPhraseMatcher(),
    http: {
      async request(request) {
        requests.push(structuredClone(request));
        const entry = routes.find(
          ({ route, used }) => !used && (route.method ?? "GET") === request.method && urlMatches(route.url, request.url),
        );
        if (!entry) throw new Error(`No fake HTTP response for ${request.method} ${request.url}`);
        if (entry.route.once) entry.used = true;
        const { route } = entry;
        if (route.timeout) throw new HttpTimeoutError(request.url, request.timeoutMs);
        if (route.networkError) throw new Error(route.networkError);
        const response: HttpResponse = {
          status: route.status ?? 200,
          headers: { "content-type": "application/json", ...route.headers },
          body: structuredClone(route.body ?? null),
          durationMs: 12,
        };
        return response;
      },
    },
  };
}

/**
 * A stand-in intent matcher: an utterance equal to a training phrase scores 1,
 * one that contains a phrase as whole words scores 0.8 (longer phrases win).
 * Case, width and punctuation are ignored. Good enough to script conversations.
 */
export function createPhraseMatcher(): IntentMatcher {
  return {
    match({ intents, threshold, text }) {
      const utterance = normalizeText(text);
      const candidates = intents
        .map((intent) => ({ intent: intent.name, confidence: scoreIntent(intent.phrases, utterance) }))
        .filter((candidate) => candidate.confidence > 0)
        .sort((a, b) => b.confidence - a.confidence);
      const best = candidates[0];
      const matched = best && best.confidence >= threshold ? best : null;
      return {
        intent: matched ? matched.intent : null,
        confidence: best ? best.confidence : 0,
        candidates,
        outOfScope: candidates.length === 0,
      };
    },
  };
}

function scoreIntent(phrases: readonly string[], utterance: string): number {
  let best = 0;
  for (const phrase of phrases) {
    const normalized = normalizeText(phrase);
    if (!normalized) continue;
    if (normalized === utterance) return 1;
    const contained = /^[\p{Script=Han}]/u.test(normalized) ? utterance.includes(normalized) : ` ${utterance} `.includes(` ${normalized} `);
    if (contained) best = Math.max(best, 0.8 - 0.1 / normalized.length);
  }
  return best;
}

function urlMatches(pattern: string, url: string): boolean {
  if (!pattern.includes("*")) return pattern === url;
  const source = pattern.split("*").map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(".*");
  return new RegExp(`^${source}$`).test(url);
}

/** mulberry32: a small deterministic generator, uniform in [0, 1). */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function cycle(values: readonly number[]): () => number {
  if (values.length === 0) throw new Error("randomValues is empty");
  let index = 0;
  return () => values[index++ % values.length];
}
