import { ENGLISH_SENSES } from "./resources/englishSenses";

// Parsed once per process on first use; read-only afterwards, shared by every classifier.
let table: Map<string, string[]> | undefined;

function load(): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const line of ENGLISH_SENSES.split("\n")) {
    const parts = line.split(" ");
    m.set(parts[0], parts.slice(1));
  }
  return m;
}

// WordNet's own inflection rules ("morphy" detachments), tried when the word itself is not listed.
const DETACH: Array<[string, string]> = [
  ["ies", "y"], ["ses", "s"], ["xes", "x"], ["zes", "z"], ["ches", "ch"], ["shes", "sh"], ["men", "man"],
  ["es", "e"], ["es", ""], ["s", ""], ["ed", "e"], ["ed", ""], ["ing", "e"], ["ing", ""], ["er", ""], ["est", ""],
];
const NONE: string[] = [];

/** Ids of the WordNet synonym sets of an English word (lower case), or none. */
export function englishSenses(word: string): string[] {
  table ??= load();
  const direct = table.get(word);
  if (direct) return direct;
  if (word.length < 4) return NONE;
  for (const [suffix, repl] of DETACH) {
    if (!word.endsWith(suffix) || word.length - suffix.length < 2) continue;
    const base = word.slice(0, -suffix.length) + repl;
    const hit = table.get(base);
    if (hit) return hit;
    // doubled final consonant: "stopped" -> "stop"
    if (suffix === "ed" || suffix === "ing") {
      const b = word.slice(0, -suffix.length);
      if (b.length >= 3 && b[b.length - 1] === b[b.length - 2]) {
        const un = table.get(b.slice(0, -1));
        if (un) return un;
      }
    }
  }
  return NONE;
}
