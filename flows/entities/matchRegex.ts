export type RegexResult = { ok: true; value: string } | { ok: false; reason: string };

/** Only this much of the customer's text is searched, so a slow pattern cannot stall the runtime. */
export const MAX_REGEX_INPUT = 500;

/**
 * Searches the text with a staff-written pattern. The stored value is the named
 * group `value` when the pattern has one, else the first capture group, else the
 * whole match. Input is cut to MAX_REGEX_INPUT characters before matching.
 */
export function matchRegex(pattern: string, flags: string, text: string): RegexResult {
  const regex = compileRegex(pattern, flags);
  if (typeof regex === "string") return { ok: false, reason: `The pattern is invalid: ${regex}` };
  const match = regex.exec(text.slice(0, MAX_REGEX_INPUT));
  if (!match) return { ok: false, reason: "The answer does not match the expected format" };
  const value = match.groups?.value ?? match[1] ?? match[0];
  return { ok: true, value };
}

/** Compiles a pattern (without the global/sticky flags), or returns why it cannot be compiled. */
export function compileRegex(pattern: string, flags: string): RegExp | string {
  const key = `${flags}/${pattern}`;
  const cached = cache.get(key);
  if (cached) return cached;
  try {
    const regex = new RegExp(pattern, flags.replace(/[gy]/g, ""));
    if (cache.size > 1000) cache.clear();
    cache.set(key, regex);
    return regex;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * Heuristic for patterns that can backtrack exponentially, such as `(a+)+` or
 * `(\w*)*`: a quantified group that itself contains a quantifier.
 */
export function looksCatastrophic(pattern: string): boolean {
  return /\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)[+*{]/.test(pattern);
}

const cache = new Map<string, RegExp>();
