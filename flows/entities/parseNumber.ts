import { toHalfWidth } from "./normalizeText";

export interface FoundNumber {
  value: number;
  /** Where in the text the number starts, to prefer the earliest of several notations. */
  index: number;
}

/**
 * Finds the first number in free text: digits (full-width too, "1,200", "3.5",
 * "-2"), Chinese numerals ("四位" -> 4, "十二" -> 12, "兩" -> 2) or English words
 * ("three", "twenty-one"). Returns null when there is none.
 */
export function parseNumber(text: string): FoundNumber | null {
  const folded = toHalfWidth(text);
  const found = [findDigits(folded), findChinese(folded), findEnglish(folded)].filter((candidate) => candidate !== null);
  if (found.length === 0) return null;
  return found.reduce((earliest, candidate) => (candidate.index < earliest.index ? candidate : earliest));
}

const DIGITS = /(?<![\w.])-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d])/;

function findDigits(text: string): FoundNumber | null {
  const match = DIGITS.exec(text);
  if (!match) return null;
  const value = Number(match[0].replace(/,/g, ""));
  return Number.isFinite(value) ? { value, index: match.index } : null;
}

const CHINESE_DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 兩: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const CHINESE_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const CHINESE_RUN = /[零〇一二兩两三四五六七八九十百千萬万]+/;

function findChinese(text: string): FoundNumber | null {
  const match = CHINESE_RUN.exec(text);
  if (!match) return null;
  const value = parseChineseNumeral(match[0]);
  return value === null ? null : { value, index: match.index };
}

/** 十二 -> 12, 二十五 -> 25, 一百零五 -> 105, 三萬 -> 30000, 二零二六 -> 2026. */
export function parseChineseNumeral(numeral: string): number | null {
  const chars = [...numeral];
  const hasUnit = chars.some((char) => char in CHINESE_UNITS || char === "萬" || char === "万");
  if (!hasUnit) {
    if (chars.some((char) => !(char in CHINESE_DIGITS))) return null;
    return Number(chars.map((char) => CHINESE_DIGITS[char]).join(""));
  }
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const char of chars) {
    if (char in CHINESE_DIGITS) {
      digit = CHINESE_DIGITS[char];
    } else if (char in CHINESE_UNITS) {
      section += (digit ?? 1) * CHINESE_UNITS[char];
      digit = null;
    } else {
      total += (section + (digit ?? 0) || 1) * 10_000;
      section = 0;
      digit = null;
    }
  }
  return total + section + (digit ?? 0);
}

const ENGLISH_ONES: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const ENGLISH_TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const ENGLISH_WORDS = new RegExp(
  `\\b(?:(${Object.keys(ENGLISH_TENS).join("|")})(?:[\\s-]+(${Object.keys(ENGLISH_ONES).slice(1, 10).join("|")}))?|(${Object.keys(ENGLISH_ONES).join("|")}))\\b`,
  "i",
);

function findEnglish(text: string): FoundNumber | null {
  const match = ENGLISH_WORDS.exec(text);
  if (!match) return null;
  const value = match[1]
    ? ENGLISH_TENS[match[1].toLowerCase()] + (match[2] ? ENGLISH_ONES[match[2].toLowerCase()] : 0)
    : ENGLISH_ONES[match[3].toLowerCase()];
  return { value, index: match.index };
}
