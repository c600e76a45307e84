/**
 * Folds text for matching: full-width letters and digits to ASCII (NFKC),
 * lower case, punctuation to spaces, runs of whitespace collapsed.
 */
export function normalizeText(text: string): string {
  return toHalfWidth(text)
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Full-width forms (Ａ, ３, ＋, ＠, ideographic space) to their ASCII equivalents; keeps everything else. */
export function toHalfWidth(text: string): string {
  return text.normalize("NFKC").replace(/\u3000/g, " ");
}
