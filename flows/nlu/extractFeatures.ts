import { tokenize, type Token } from "./tokenize";
import { normalizeText } from "./normalizeText";
import { stemEnglish } from "./stemEnglish";
import { CHINESE_STOP_CHARS, CONCEPTS, ENGLISH_MULTIWORD, ENGLISH_STOPWORDS, ENGLISH_SYNONYMS } from "./lexicon";
import { englishSenses, senseTable } from "./wordnetSenses";

/** Relative weights of the feature families (before TF-IDF). */
export interface FeatureWeights {
  word: number;
  wordBigram: number;
  charGram: number;
  number: number;
  han1: number;
  han2: number;
  han3: number;
  concept: number;
  /** WordNet synonym sets of an English word (shared by its synonyms), split over its senses */
  sense: number;
  /** share of a direct WordNet hypernym relative to a word's own synonym sets */
  hypernym: number;
  /** pairs of concepts found anywhere in the same message (what the message is about, combined) */
  conceptPair: number;
}

export const DEFAULT_FEATURE_WEIGHTS: FeatureWeights = {
  word: 1,
  wordBigram: 0.6,
  charGram: 0.5,
  number: 0.4,
  han1: 1,
  han2: 1,
  han3: 0.5,
  concept: 1.5,
  sense: 1,
  hypernym: 0.5,
  conceptPair: 1.5,
};

const multiword = new Map<string, string>();
let maxMultiwordLen = 1;
// multi-word expressions are matched on stemmed words, so "cash machines" matches "cash machine"
for (const [k, v] of Object.entries(ENGLISH_MULTIWORD)) {
  const words = normalizeText(k).split(" ");
  multiword.set(words.map(stemEnglish).join(" "), v);
  maxMultiwordLen = Math.max(maxMultiwordLen, words.length);
}

/** Folds multi-word expressions ("log in" -> "login") in a word sequence. */
function foldMultiwords(words: string[]): string[] {
  if (words.length < 2) return words;
  const folded: string[] = [];
  const stems = words.map(stemEnglish);
  for (let i = 0; i < words.length; ) {
    let matched = false;
    for (let n = Math.min(maxMultiwordLen, words.length - i); n >= 2; n--) {
      const v = multiword.get(stems.slice(i, i + n).join(" "));
      if (v) {
        folded.push(v);
        i += n;
        matched = true;
        break;
      }
    }
    if (!matched) folded.push(words[i++]);
  }
  return folded;
}

// ---- lexicon compilation (keys normalised once at load) ----
const latinConcepts = new Map<string, string[]>(); // stemmed "word", "word word", ... -> concepts
let maxConceptWords = 1;
const hanConceptsByFirst = new Map<string, Array<{ key: string; concept: string }>>();
for (const [concept, forms] of Object.entries(CONCEPTS)) {
  for (const form of forms) {
    const key = normalizeText(form);
    if (!key) continue;
    if (/^\p{Script=Han}+$/u.test(key)) {
      const list = hanConceptsByFirst.get(key[0]) ?? [];
      list.push({ key, concept });
      hanConceptsByFirst.set(key[0], list);
    } else if (/^[\p{L}\p{N} ]+$/u.test(key) && !/\p{Script=Han}/u.test(key)) {
      // Latin keys are matched on canonicalised, stemmed word sequences, folded like the
      // input, so "arrive" also matches "arrived"/"arriving" and "cant log in" matches at all
      const words = foldMultiwords(key.split(" "));
      maxConceptWords = Math.max(maxConceptWords, words.length);
      const skey = words.map((w) => stemEnglish(ENGLISH_SYNONYMS[w] ?? w)).join(" ");
      const list = latinConcepts.get(skey) ?? [];
      if (!list.includes(concept)) list.push(concept);
      latinConcepts.set(skey, list);
    } else {
      // mixed-script key such as "h按": match as substring of the normalised text
      const list = hanConceptsByFirst.get(key[0]) ?? [];
      list.push({ key, concept });
      hanConceptsByFirst.set(key[0], list);
    }
  }
}
for (const list of hanConceptsByFirst.values()) list.sort((a, b) => b.key.length - a.key.length);

function add(map: Map<string, number>, key: string, w: number): void {
  map.set(key, (map.get(key) ?? 0) + w);
}

/** Concept matches in a string (Han run or whole normalised text), dropping matches contained in a longer one. */
function substringConcepts(s: string, out: Map<string, number>, w: number): void {
  const matches: Array<{ start: number; end: number; concept: string }> = [];
  for (let i = 0; i < s.length; i++) {
    const list = hanConceptsByFirst.get(s[i]);
    if (!list) continue;
    for (const { key, concept } of list) if (s.startsWith(key, i)) matches.push({ start: i, end: i + key.length, concept });
  }
  if (matches.length === 0) return;
  const seen = new Set<string>();
  for (const m of matches) {
    const covered = matches.some(
      (o) => o !== m && o.concept !== m.concept && o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start,
    );
    if (covered || seen.has(m.concept)) continue;
    seen.add(m.concept);
    add(out, "@" + m.concept, w);
  }
}

/** WordNet synonym-set features of one word, its weight spread over its senses and their hypernyms. */
function addSenses(row: number, fw: FeatureWeights, out: Map<string, number>): void {
  if (row < 0) return;
  const { keys, start, hyp, ids } = senseTable();
  const s = start[row];
  const e = start[row + 1];
  const w = fw.sense / Math.sqrt(e - s);
  for (let i = s; i < hyp[row]; i++) add(out, keys[ids[i]], w);
  if (fw.hypernym > 0) for (let i = hyp[row]; i < e; i++) add(out, keys[ids[i]], w * fw.hypernym);
}

function canonicalWord(w: string): string {
  return ENGLISH_SYNONYMS[w] ?? w;
}

function latinFeatures(words: string[], out: Map<string, number>, fw: FeatureWeights): void {
  const folded = foldMultiwords(words);
  // canonicalise, concepts, stopwords, stems
  const content: string[] = [];
  const concepts = new Set<string>();
  const canon = folded.map(canonicalWord);
  const stems = canon.map(stemEnglish);
  for (let i = 0; i < folded.length; i++) {
    const raw = folded[i];
    if (/^\p{N}/u.test(raw)) {
      add(out, "#num", fw.number);
      continue;
    }
    const w = canon[i];
    const stem = stems[i];
    let key = stem;
    for (let n = 1; n <= maxConceptWords && i + n <= folded.length; n++) {
      if (n > 1) key += " " + stems[i + n - 1];
      const cs = latinConcepts.get(key);
      if (cs) for (const c of cs) concepts.add(c);
    }
    if (ENGLISH_STOPWORDS.has(w)) continue;
    content.push(stem);
    add(out, "w:" + stem, fw.word);
    if (fw.sense > 0) addSenses(englishSenses(w), fw, out);
    // character trigrams inside the word, for typos and unseen inflections
    if (fw.charGram > 0 && w.length >= 4) {
      const padded = "<" + w + ">";
      const n = padded.length - 2;
      const gw = fw.charGram / Math.sqrt(n);
      for (let j = 0; j < n; j++) add(out, "c:" + padded.slice(j, j + 3), gw);
    }
  }
  for (let i = 0; i + 1 < content.length; i++) add(out, "b:" + content[i] + "_" + content[i + 1], fw.wordBigram);
  for (const c of concepts) add(out, "@" + c, fw.concept);
}

function hanFeatures(run: string, out: Map<string, number>, fw: FeatureWeights): void {
  const chars = Array.from(run);
  const stop = chars.map((c) => CHINESE_STOP_CHARS.has(c));
  for (let i = 0; i < chars.length; i++) {
    if (!stop[i]) add(out, "h1:" + chars[i], fw.han1);
    if (i + 1 < chars.length && !(stop[i] && stop[i + 1])) add(out, "h2:" + chars[i] + chars[i + 1], fw.han2);
    if (fw.han3 > 0 && i + 2 < chars.length && (stop[i] ? 1 : 0) + (stop[i + 1] ? 1 : 0) + (stop[i + 2] ? 1 : 0) < 2)
      add(out, "h3:" + chars[i] + chars[i + 1] + chars[i + 2], fw.han3);
  }
}

function groupRuns(tokens: Token[]): Token[][] {
  const runs: Token[][] = [];
  for (const t of tokens) {
    const last = runs[runs.length - 1];
    if (last && last[0].run === t.run) last.push(t);
    else runs.push([t]);
  }
  return runs;
}

/**
 * Sparse weighted features of a text (before IDF): English stems, stem bigrams,
 * in-word character trigrams, a number marker; Chinese character 1/2/3-grams;
 * bilingual concept features from the lexicon, and pairs of those concepts
 * (a charge + an ATM says more than either alone, in any word order). Term frequencies are damped
 * (sqrt) so repeated words don't dominate.
 */
export function extractFeatures(text: string, fw: FeatureWeights = DEFAULT_FEATURE_WEIGHTS): Map<string, number> {
  const out = new Map<string, number>();
  const tokens = tokenize(text);
  if (tokens.length === 0) return out;
  for (const run of groupRuns(tokens)) {
    if (run[0].kind === "han") {
      hanFeatures(run.map((t) => t.text).join(""), out, fw);
    } else {
      latinFeatures(
        run.map((t) => t.text),
        out,
        fw,
      );
    }
  }
  // Chinese and mixed-script concept keys (e.g. "h按") are matched on the token stream
  // joined without spaces; a concept found by both the English and Chinese side counts once.
  const conceptOut = new Map<string, number>();
  substringConcepts(tokens.map((t) => t.text).join(""), conceptOut, fw.concept);
  for (const [k, v] of conceptOut) out.set(k, Math.max(out.get(k) ?? 0, v));
  if (fw.conceptPair > 0) {
    const cs = [...out.keys()].filter((k) => k.charCodeAt(0) === 64 /* @ */).sort();
    for (let i = 0; i < cs.length; i++) for (let j = i + 1; j < cs.length; j++) add(out, "p:" + cs[i] + cs[j], fw.conceptPair);
  }
  for (const [k, v] of out) if (v > 1) out.set(k, Math.sqrt(v));
  return out;
}
