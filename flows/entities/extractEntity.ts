import type { EntityRule } from "./entityRule";
import { matchOption } from "./matchOption";
import { matchRegex } from "./matchRegex";
import { toHalfWidth } from "./normalizeText";
import { DEFAULT_TIME_ZONE, parseDate } from "./parseDate";
import { parseNumber } from "./parseNumber";
import { parsePhone } from "./parsePhone";

export type EntityValue = string | number;
export type EntityResult = { ok: true; value: EntityValue } | { ok: false; reason: string };

export interface ExtractOptions {
  /** Time zone for relative dates ("today", "聽日"); Asia/Hong_Kong unless given. */
  timeZone?: string;
}

/**
 * Finds a typed value in the customer's text, which may be a bare answer ("3")
 * or a longer sentence ("table for 3 please"), and returns it normalised:
 * numbers as numbers, phones as E.164, dates as YYYY-MM-DD, options as the
 * option's value. `now` (epoch ms, from the clock port) anchors relative dates.
 */
export function extractEntity(rule: EntityRule, text: string, now: number, options: ExtractOptions = {}): EntityResult {
  switch (rule.type) {
    case "text": {
      const value = text.trim();
      return value ? { ok: true, value } : { ok: false, reason: "The answer is empty" };
    }
    case "number":
      return extractNumber(rule, text);
    case "email": {
      const match = EMAIL.exec(toHalfWidth(text));
      if (!match) return { ok: false, reason: "No email address found" };
      return { ok: true, value: `${match[1]}@${match[2].toLowerCase()}` };
    }
    case "phone":
      return parsePhone(text);
    case "date":
      return parseDate(text, now, options.timeZone ?? DEFAULT_TIME_ZONE);
    case "regex":
      return matchRegex(rule.pattern, rule.flags, text);
    case "options":
      return matchOption(rule.options, text);
  }
}

const EMAIL = /([a-z0-9._%+-]+)@((?:[a-z0-9-]+\.)+[a-z]{2,})\b/i;

function extractNumber(rule: Extract<EntityRule, { type: "number" }>, text: string): EntityResult {
  const found = parseNumber(text);
  if (!found) return { ok: false, reason: "No number found" };
  const { value } = found;
  if (rule.integer && !Number.isInteger(value)) return { ok: false, reason: "Expected a whole number" };
  if (rule.min !== undefined && value < rule.min) return { ok: false, reason: `Expected at least ${rule.min}` };
  if (rule.max !== undefined && value > rule.max) return { ok: false, reason: `Expected at most ${rule.max}` };
  return { ok: true, value };
}
