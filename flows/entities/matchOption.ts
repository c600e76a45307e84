import type { EntityOption } from "./entityRule";
import { normalizeText } from "./normalizeText";
import { parseChineseNumeral } from "./parseNumber";

export type OptionResult = { ok: true; value: string } | { ok: false; reason: string };

/**
 * Picks one option from the customer's text. In order: the whole answer equals
 * an option's value or synonym (case-, width- and punctuation-insensitive); the
 * answer is an option's 1-based number ("2", "２", "option 2", "第二個"); the
 * answer contains a value or synonym as a word (the longest one wins).
 */
export function matchOption(options: readonly EntityOption[], text: string): OptionResult {
  const answer = normalizeText(text);
  if (!answer) return { ok: false, reason: "The answer is empty" };
  const terms = options.flatMap((option) =>
    [option.value, ...option.synonyms].map((term) => ({ option, term: normalizeText(term) })).filter(({ term }) => term !== ""),
  );

  const exact = terms.find(({ term }) => term === answer);
  if (exact) return { ok: true, value: exact.option.value };

  const position = optionNumber(answer);
  if (position !== null) {
    if (position >= 1 && position <= options.length) return { ok: true, value: options[position - 1].value };
    return { ok: false, reason: `There is no option ${position}` };
  }

  let best: { option: EntityOption; length: number } | null = null;
  for (const { option, term } of terms) {
    if (containsTerm(answer, term) && (!best || term.length > best.length)) best = { option, length: term.length };
  }
  if (best) return { ok: true, value: best.option.value };
  return { ok: false, reason: `Not one of: ${options.map((option) => option.value).join(", ")}` };
}

function optionNumber(answer: string): number | null {
  const digits = /^(?:option |no |number |#)?(\d{1,3})$/.exec(answer);
  if (digits) return Number(digits[1]);
  const chinese = /^第?([一二兩两三四五六七八九十]{1,3})(?:個|个|項|项|款)?$/.exec(answer);
  if (chinese) return parseChineseNumeral(chinese[1]);
  return null;
}

/** Latin terms must match whole words; CJK terms (no spaces between words) may match anywhere. */
function containsTerm(answer: string, term: string): boolean {
  if (/^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(term)) return answer.includes(term);
  return ` ${answer} `.includes(` ${term} `);
}
