import { toHalfWidth } from "./normalizeText";

export type DateResult = { ok: true; value: string } | { ok: false; reason: string };

/** Time zone used to decide what "today" means; Switchboard serves Hong Kong customers. */
export const DEFAULT_TIME_ZONE = "Asia/Hong_Kong";

/**
 * Finds a calendar date in free text and returns it as YYYY-MM-DD. Understands
 * ISO dates (2026-12-24), day-first numeric dates (24/12/2026, 24/12), Chinese
 * dates (2026年12月24日, 12月24日), English month names (24 Dec, December 24th),
 * relative words (today, tomorrow, 今日, 聽日, 明天, 後日…) and weekdays
 * (Friday, 星期五, 下星期一). Relative dates count from `now` in `timeZone`; a
 * date without a year is the next such day from today.
 */
export function parseDate(text: string, now: number, timeZone: string = DEFAULT_TIME_ZONE): DateResult {
  const folded = toHalfWidth(text).toLowerCase();
  const today = localDate(now, timeZone);
  for (const finder of FINDERS) {
    const found = finder(folded, today);
    if (found) return found;
  }
  return { ok: false, reason: "No date found" };
}

/** A date as days since the Unix epoch, so arithmetic is plain integers. */
type Day = number;
type Finder = (text: string, today: Day) => DateResult | null;

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH_WORD = "(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?";
const ORDINAL = "(?:st|nd|rd|th)?";

const FINDERS: Finder[] = [
  // 2026-12-24, 2026/12/24, 2026年12月24日
  (text, today) => {
    const match = /(?<!\d)(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)/.exec(text);
    return match ? fromParts(Number(match[1]), Number(match[2]), Number(match[3]), today) : null;
  },
  // 24/12/2026, 24-12-26, 24/12 (day first, as written in Hong Kong)
  (text, today) => {
    const match = /(?<![\d.:])(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}|\d{2}))?(?![\d:])/.exec(text);
    if (!match) return null;
    const year = match[3] ? (match[3].length === 2 ? 2000 + Number(match[3]) : Number(match[3])) : null;
    return fromParts(year, Number(match[2]), Number(match[1]), today);
  },
  // 12月24日, 12月24號
  (text, today) => {
    const match = /(?<!\d)(\d{1,2})\s*月\s*(\d{1,2})\s*[日號号]?/.exec(text);
    return match ? fromParts(null, Number(match[1]), Number(match[2]), today) : null;
  },
  // 24 Dec, 24th December 2026
  (text, today) => {
    const match = new RegExp(`(?<!\\d)(\\d{1,2})${ORDINAL}\\s*(?:of\\s+)?${MONTH_WORD}(?:,?\\s*(\\d{4}))?`).exec(text);
    return match ? fromParts(match[3] ? Number(match[3]) : null, MONTHS.indexOf(match[2]) + 1, Number(match[1]), today) : null;
  },
  // Dec 24, December 24th, 2026
  (text, today) => {
    const match = new RegExp(`\\b${MONTH_WORD}\\s*(\\d{1,2})${ORDINAL}(?!\\d)(?:,?\\s*(\\d{4}))?`).exec(text);
    return match ? fromParts(match[3] ? Number(match[3]) : null, MONTHS.indexOf(match[1]) + 1, Number(match[2]), today) : null;
  },
  // today, tomorrow, 今日, 聽日, 後日…
  (text, today) => {
    for (const [pattern, offset] of RELATIVE_WORDS) {
      if (pattern.test(text)) return { ok: true, value: formatDay(today + offset) };
    }
    return null;
  },
  // Friday, next Monday, 星期五, 下星期一, 禮拜日
  (text, today) => {
    const english = /\b(next\s+)?(monday|mon|tuesday|tues|tue|wednesday|wed|thursday|thurs|thur|thu|friday|fri|saturday|sat|sunday|sun)\b/.exec(text);
    const chinese = /(下(?:個)?)?(?:星期|禮拜|礼拜|週|周)([一二三四五六日天])/.exec(text);
    if (!english && !chinese) return null;
    const weekday = english ? ENGLISH_WEEKDAYS.indexOf(english[2].slice(0, 3)) : CHINESE_WEEKDAYS.indexOf(chinese![2]) % 7;
    const next = Boolean(english ? english[1] : chinese![1]);
    const todayWeekday = weekdayOf(today);
    if (next) return { ok: true, value: formatDay(today - todayWeekday + 7 + weekday) };
    return { ok: true, value: formatDay(today + ((weekday - todayWeekday + 7) % 7)) };
  },
];

const ENGLISH_WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
/** 天 is Sunday too, at index 7 (mod 7 = 6). */
const CHINESE_WEEKDAYS = "一二三四五六日天";

/** Longest phrases first so "day after tomorrow" is not read as "tomorrow". */
const RELATIVE_WORDS: [RegExp, number][] = [
  [/大後日|大后日|大後天|大后天/, 3],
  [/\bday after tomorrow\b|後日|后日|後天|后天/, 2],
  [/\btomorrow\b|\btmr\b|\btmrw\b|聽日|听日|明天|明日/, 1],
  [/\btoday\b|\btonight\b|今日|今天|今晚/, 0],
  [/\byesterday\b|琴日|尋日|寻日|昨天|昨日/, -1],
];

function fromParts(year: number | null, month: number, day: number, today: Day): DateResult {
  if (month < 1 || month > 12) return { ok: false, reason: `There is no month ${month}` };
  const probeYear = year ?? yearOf(today);
  if (day < 1 || day > daysInMonth(probeYear, month)) {
    return { ok: false, reason: `${month}/${probeYear} has no day ${day}` };
  }
  if (year !== null) return { ok: true, value: formatDay(toDay(year, month, day)) };
  let candidate = toDay(probeYear, month, day);
  if (candidate < today) {
    const nextYear = probeYear + 1;
    if (day > daysInMonth(nextYear, month)) return { ok: false, reason: `${month}/${nextYear} has no day ${day}` };
    candidate = toDay(nextYear, month, day);
  }
  return { ok: true, value: formatDay(candidate) };
}

function localDate(now: number, timeZone: string): Day {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(new Date(now));
  const part = (type: string) => Number(parts.find((candidate) => candidate.type === type)?.value);
  return toDay(part("year"), part("month"), part("day"));
}

function toDay(year: number, month: number, day: number): Day {
  return Math.round(Date.UTC(year, month - 1, day) / 86_400_000);
}

function formatDay(day: Day): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

function yearOf(day: Day): number {
  return new Date(day * 86_400_000).getUTCFullYear();
}

/** Monday = 0 … Sunday = 6. */
function weekdayOf(day: Day): number {
  return (new Date(day * 86_400_000).getUTCDay() + 6) % 7;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
