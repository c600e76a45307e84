import { ENGLISH_SENSES } from "./resources/englishSenses";

/**
 * WordNet synonym-set features of English words, parsed once per process (~0.2 s; the
 * server does it at start-up, see preloadEnglishSenses) into flat arrays (a few MB),
 * read-only afterwards and shared by every classifier.
 * Word w's own synonym sets are ids[start[w] .. hyp[w]), their direct hypernyms ids[hyp[w] .. start[w + 1]).
 */
export interface SenseTable {
  keys: string[]; // feature key of each synonym set
  start: Int32Array;
  hyp: Int32Array;
  ids: Int32Array;
}

interface Loaded {
  table: SenseTable;
  wordIndex: Map<string, number>;
}

// On globalThis: the server's own bundle and Next's each carry a copy of this module; they share one parsed table.
const holder = globalThis as typeof globalThis & { switchboardEnglishSenses?: Loaded };

function loaded(): Loaded {
  return (holder.switchboardEnglishSenses ??= load());
}

/** Parses the table now (the server calls this at start-up, so no chat turn or publish waits for it). */
export function preloadEnglishSenses(): void {
  loaded();
}

function load(): Loaded {
  const lines = ENGLISH_SENSES.split("\n");
  const index = new Map<string, number>();
  const start = new Int32Array(lines.length + 1);
  const hyp = new Int32Array(lines.length);
  const ids: number[] = [];
  let maxId = 0;
  lines.forEach((line, w) => {
    const parts = line.split(" ");
    index.set(parts[0], w);
    start[w] = ids.length;
    const own = parts.slice(1).filter((p) => !p.startsWith("^"));
    const up = parts.slice(1).filter((p) => p.startsWith("^")).map((p) => p.slice(1));
    for (const p of own) ids.push(parseInt(p, 36));
    hyp[w] = ids.length;
    for (const p of up) ids.push(parseInt(p, 36));
  });
  start[lines.length] = ids.length;
  for (const id of ids) if (id > maxId) maxId = id;
  const keys = Array.from({ length: maxId + 1 }, (_, id) => "s:" + id.toString(36));
  return { table: { keys, start, hyp, ids: Int32Array.from(ids) }, wordIndex: index };
}

// WordNet's own inflection rules ("morphy" detachments), tried when the word itself is not listed.
const DETACH: Array<[string, string]> = [
  ["ies", "y"], ["ses", "s"], ["xes", "x"], ["zes", "z"], ["ches", "ch"], ["shes", "sh"], ["men", "man"],
  ["es", "e"], ["es", ""], ["s", ""], ["ed", "e"], ["ed", ""], ["ing", "e"], ["ing", ""], ["er", ""], ["est", ""],
];

/** The sense table, loading it on first use. */
export function senseTable(): SenseTable {
  return loaded().table;
}

/** Row of an English word (lower case) in the sense table, or -1 when WordNet relates it to no other word. */
export function englishSenses(word: string): number {
  const index = loaded().wordIndex;
  const direct = index.get(word);
  if (direct !== undefined) return direct;
  if (word.length < 4) return -1;
  for (const [suffix, repl] of DETACH) {
    if (!word.endsWith(suffix) || word.length - suffix.length < 2) continue;
    const stem = word.slice(0, -suffix.length);
    const hit = index.get(stem + repl);
    if (hit !== undefined) return hit;
    // doubled final consonant: "stopped" -> "stop"
    if ((suffix === "ed" || suffix === "ing") && stem.length >= 3 && stem[stem.length - 1] === stem[stem.length - 2]) {
      const undoubled = index.get(stem.slice(0, -1));
      if (undoubled !== undefined) return undoubled;
    }
  }
  return -1;
}
