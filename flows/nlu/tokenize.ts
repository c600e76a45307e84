import { normalizeText } from "./normalizeText";

export type TokenKind = "word" | "number" | "han";

export interface Token {
  /** normalised token text: a lower-case Latin word, a number, or one (Simplified) Han character */
  text: string;
  kind: TokenKind;
  /** tokens with the same run id are contiguous in the same script (used for n-grams) */
  run: number;
}

const TOKEN_RE = /(\p{Script=Han})|((?:(?!\p{Script=Han})[\p{L}\p{M}\p{N}])+)|(\s+)/gu;

/**
 * Normalises text (see normalizeText) and splits it into tokens without a
 * dictionary segmenter: Latin/other-alphabet words and numbers on spaces and
 * script changes, Chinese as single characters (n-grams are built later).
 * Mixed input such as "我想check下我張order" yields han, word, han..., word tokens.
 */
export function tokenize(text: string): Token[] {
  const s = normalizeText(text);
  const tokens: Token[] = [];
  let run = -1;
  let gap = true; // whitespace since the previous token
  for (const m of s.matchAll(TOKEN_RE)) {
    if (m[3] !== undefined) {
      gap = true;
      continue;
    }
    const kind: TokenKind = m[1] !== undefined ? "han" : /^\p{N}/u.test(m[2]) ? "number" : "word";
    const text = m[1] ?? m[2];
    const prev = tokens.length > 0 ? tokens[tokens.length - 1] : undefined;
    // Han runs need direct adjacency; word runs continue across spaces.
    const sameRun = prev !== undefined && (kind === "han" ? prev.kind === "han" && !gap : prev.kind !== "han");
    if (!sameRun) run += 1;
    tokens.push({ text, kind, run });
    gap = false;
  }
  return tokens;
}
