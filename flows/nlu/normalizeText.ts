import { simplifiedCharMap } from "./simplifiedCharMap";
import { cantoneseFolds } from "./cantoneseFolds";

/** CJK ideograph ranges (BMP + supplementary), tested by code point: cheaper than a Unicode-property regex per character. */
function isHan(cp: number): boolean {
  return (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x3134f);
}

// Multi-character Cantonese folds, grouped by first character for a fast scan. Their keys go
// through the same character folding as the text first: the T->S table turns some Cantonese
// characters into variants (搵 -> 揾, 嗰 -> 𠮶), and a key left unfolded would never match.
const foldsByFirst = new Map<string, Array<readonly [string, string]>>();
const foldChars = (s: string) => Array.from(s, (ch) => simplifiedCharMap.get(ch) ?? ch).join("");
for (const [from, to] of cantoneseFolds.map(([f, t]) => [foldChars(f), t] as const).sort((a, b) => b[0].length - a[0].length)) {
  const first = from[0]; // a UTF-16 unit, as scanned below
  const list = foldsByFirst.get(first) ?? [];
  list.push([from, to]);
  foldsByFirst.set(first, list);
}

function foldCantonese(text: string): string {
  let out = "";
  let i = 0;
  outer: while (i < text.length) {
    const list = foldsByFirst.get(text[i]);
    if (list) {
      for (const [from, to] of list) {
        if (text.startsWith(from, i)) {
          out += to;
          i += from.length;
          continue outer;
        }
      }
    }
    out += text[i];
    i += 1;
  }
  return out;
}

/**
 * Shared text normalisation used for training phrases and user input alike:
 * - Unicode NFKC (full-width -> half-width letters/digits/punctuation) and lower case;
 * - Traditional -> Simplified character folding (many-to-one, so lossless for matching),
 *   with 係 (Cantonese "is") folded to 是 first so it doesn't collide with 系 (system);
 * - common written-Cantonese forms folded onto Mandarin ones (唔->不, 咗->了, 點樣->怎样, ...);
 * - apostrophes/hyphens inside Latin words removed ("can't" -> "cant", "e-statement" -> "estatement"),
 *   digit group separators removed ("1,000" -> "1000");
 * - all other punctuation and symbols -> space; whitespace collapsed and trimmed.
 * Output is Simplified Chinese / lower-case Latin with single spaces.
 */
export function normalizeText(text: string): string {
  if (!text) return "";
  let s = text.toLowerCase();
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7f]/.test(s)) {
    s = s.normalize("NFKC").toLowerCase().replace(/[’‘`´]/g, "'");
    let folded = "";
    for (const ch of s) {
      const cp = ch.codePointAt(0) as number;
      if (cp < 0x3400) folded += ch;
      else if (ch === "係") folded += "是";
      else folded += isHan(cp) ? simplifiedCharMap.get(ch) ?? ch : ch;
    }
    s = foldCantonese(folded);
  }
  s = s
    .replace(/(\p{L})['](\p{L})/gu, "$1$2")
    .replace(/([a-z])-(?=[a-z])/g, "$1")
    .replace(/(\d),(?=\d{3}\b)/g, "$1")
    .replace(/[\p{P}\p{S}\p{Z}\s]+/gu, " ")
    .trim();
  return s;
}
