import { toHalfWidth } from "./normalizeText";

export type PhoneResult = { ok: true; value: string } | { ok: false; reason: string };

/**
 * Finds a phone number in free text and normalises it to E.164. Hong Kong
 * numbers (8 digits starting 2, 3, 5, 6, 7, 8 or 9, optionally after +852 or
 * 852, spaces and dashes allowed) become "+852XXXXXXXX"; other numbers must be
 * written internationally with a leading "+" (8 to 15 digits).
 */
export function parsePhone(text: string): PhoneResult {
  const folded = toHalfWidth(text);
  let sawDigits = false;
  for (const match of folded.matchAll(DIGIT_RUN)) {
    sawDigits = true;
    const run = match[0];
    const digits = run.replace(/\D/g, "");
    const international = run.startsWith("+");
    if ((international || digits.length === 11) && digits.startsWith("852")) {
      const local = digits.slice(3);
      if (HK_LOCAL.test(local)) return { ok: true, value: `+852${local}` };
      continue;
    }
    if (international) {
      if (digits.length >= 8 && digits.length <= 15 && !digits.startsWith("0")) return { ok: true, value: `+${digits}` };
      continue;
    }
    if (HK_LOCAL.test(digits)) return { ok: true, value: `+852${digits}` };
  }
  return {
    ok: false,
    reason: sawDigits
      ? "Not a valid phone number: use 8 digits for Hong Kong or +country code for other numbers"
      : "No phone number found",
  };
}

/** Digits with optional leading "+", allowing single spaces, dashes, dots and brackets between them. */
const DIGIT_RUN = /\+?\(?\d(?:[\s\-.()]?\d)*/g;
const HK_LOCAL = /^[235-9]\d{7}$/;
