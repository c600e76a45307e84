import { describe, expect, it } from "vitest";
import { entityRuleSchema, type EntityRule } from "./entityRule";
import { extractEntity } from "./extractEntity";

/** Friday 2026-11-20, 10:00 in Hong Kong. */
const NOW = Date.UTC(2026, 10, 20, 2, 0);
const rule = (input: unknown): EntityRule => entityRuleSchema.parse(input);
const value = (entity: EntityRule, text: string, now = NOW) => {
  const result = extractEntity(entity, text, now);
  return result.ok ? result.value : `✗ ${result.reason}`;
};

describe("text", () => {
  it("accepts any non-empty answer, trimmed", () => {
    expect(value(rule({ type: "text" }), "  Amy Chan ")).toBe("Amy Chan");
    expect(value(rule({ type: "text" }), "   ")).toBe("✗ The answer is empty");
  });
});

describe("number", () => {
  const number = rule({ type: "number" });
  it.each([
    ["3", 3],
    ["3.5", 3.5],
    ["-2", -2],
    ["1,200", 1200],
    ["３", 3],
    ["１２", 12],
    ["四位", 4],
    ["十二", 12],
    ["二十五個人", 25],
    ["兩個", 2],
    ["一百零五", 105],
    ["三萬", 30000],
    ["three", 3],
    ["Twenty-one", 21],
    ["table for 6 please", 6],
    ["我哋有五個人", 5],
  ])("reads %j as %d", (text, expected) => {
    expect(value(number, text)).toBe(expected);
  });

  it("prefers the earliest number in a sentence", () => {
    expect(value(number, "四位, at 7pm")).toBe(4);
    expect(value(number, "two people, 7pm")).toBe(2);
  });

  it("checks min, max and whole numbers", () => {
    const guests = rule({ type: "number", min: 1, max: 10, integer: true });
    expect(value(guests, "4")).toBe(4);
    expect(value(guests, "0")).toBe("✗ Expected at least 1");
    expect(value(guests, "十一")).toBe("✗ Expected at most 10");
    expect(value(guests, "2.5")).toBe("✗ Expected a whole number");
  });

  it("fails when there is no number", () => {
    expect(value(number, "a few")).toBe("✗ No number found");
  });
});

describe("email", () => {
  const email = rule({ type: "email" });
  it("finds an address in a sentence and lower-cases the domain", () => {
    expect(value(email, "it's Amy.Chan@Example.COM thanks")).toBe("Amy.Chan@example.com");
    expect(value(email, "ａｍｙ＠ｅｘａｍｐｌｅ．ｃｏｍ")).toBe("amy@example.com");
  });
  it("rejects things that are not addresses", () => {
    expect(value(email, "amy@example")).toBe("✗ No email address found");
    expect(value(email, "@example.com")).toBe("✗ No email address found");
  });
});

describe("phone", () => {
  const phone = rule({ type: "phone" });
  it.each([
    ["91234567", "+85291234567"],
    ["9123 4567", "+85291234567"],
    ["9123-4567", "+85291234567"],
    ["+852 9123 4567", "+85291234567"],
    ["852-2345-6789", "+85223456789"],
    ["(852) 5123 4567", "+85251234567"],
    ["９１２３４５６７", "+85291234567"],
    ["my number is 6123 4567, thanks", "+85261234567"],
    ["+44 20 7946 0958", "+442079460958"],
    ["+1 415-555-2671", "+14155552671"],
  ])("normalises %j to %s", (text, expected) => {
    expect(value(phone, text)).toBe(expected);
  });

  it.each(["41234567", "1234567", "912345678", "+852 4123 4567", "call me"])("rejects %j", (text) => {
    expect(value(phone, text)).toMatch(/^✗/);
  });
});

describe("date", () => {
  const date = rule({ type: "date" });
  it.each([
    ["2026-12-24", "2026-12-24"],
    ["24/12/2026", "2026-12-24"],
    ["24-12-26", "2026-12-24"],
    ["2026年12月24日", "2026-12-24"],
    ["１２月２４日", "2026-12-24"],
    ["12月24號", "2026-12-24"],
    ["24 Dec", "2026-12-24"],
    ["December 24th, 2027", "2027-12-24"],
    ["on the 3rd of January", "2027-01-03"],
    ["today", "2026-11-20"],
    ["Tomorrow please", "2026-11-21"],
    ["the day after tomorrow", "2026-11-22"],
    ["今日", "2026-11-20"],
    ["聽日", "2026-11-21"],
    ["明天", "2026-11-21"],
    ["後日", "2026-11-22"],
    ["大後日", "2026-11-23"],
    ["friday", "2026-11-20"],
    ["Monday", "2026-11-23"],
    ["next monday", "2026-11-23"],
    ["星期三", "2026-11-25"],
    ["下星期五", "2026-11-27"],
    ["禮拜日", "2026-11-22"],
  ])("reads %j as %s", (text, expected) => {
    expect(value(date, text)).toBe(expected);
  });

  it("reads a date without a year as the next such day", () => {
    expect(value(date, "1/3")).toBe("2027-03-01");
    expect(value(date, "20/11")).toBe("2026-11-20");
    expect(value(date, "21/11")).toBe("2026-11-21");
  });

  it("uses Hong Kong time for today", () => {
    // 20:00 UTC on the 19th is already 04:00 on the 20th in Hong Kong.
    expect(value(date, "today", Date.UTC(2026, 10, 19, 20, 0))).toBe("2026-11-20");
  });

  it("rejects impossible dates and non-dates", () => {
    expect(value(date, "31/02/2026")).toMatch(/^✗ .*no day 31/);
    expect(value(date, "2026-13-01")).toBe("✗ There is no month 13");
    expect(value(date, "sometime soon")).toBe("✗ No date found");
    expect(value(date, "I'm satisfied this month")).toBe("✗ No date found");
  });
});

describe("regex", () => {
  it("finds the pattern inside a sentence", () => {
    const order = rule({ type: "regex", pattern: "[A-Z]\\d{5}" });
    expect(value(order, "my order is A12345 thanks")).toBe("A12345");
    expect(value(order, "no idea")).toBe("✗ The answer does not match the expected format");
  });

  it("stores the named group value, and honours flags", () => {
    const order = rule({ type: "regex", pattern: "order\\s*#?(?<value>\\d+)", flags: "i" });
    expect(value(order, "ORDER #778")).toBe("778");
  });

  it("searches only the first 500 characters", () => {
    const order = rule({ type: "regex", pattern: "X\\d+" });
    expect(value(order, `${"a".repeat(600)} X1`)).toMatch(/^✗/);
    expect(value(order, `${"a".repeat(400)} X1`)).toBe("X1");
  });

  it("reports an invalid pattern instead of throwing", () => {
    expect(value(rule({ type: "regex", pattern: "([a-z" }), "abc")).toMatch(/^✗ The pattern is invalid/);
  });
});

describe("options", () => {
  const size = rule({
    type: "options",
    options: [
      { value: "Small", synonyms: ["細", "S"] },
      { value: "Medium", synonyms: ["中", "M"] },
      { value: "Large", synonyms: ["大", "L", "big one"] },
    ],
  });
  it.each([
    ["small", "Small"],
    ["ＳＭＡＬＬ", "Small"],
    ["Medium!", "Medium"],
    ["m", "Medium"],
    ["大", "Large"],
    ["2", "Medium"],
    ["３", "Large"],
    ["option 1", "Small"],
    ["第二個", "Medium"],
    ["I'll take the big one please", "Large"],
    ["要中杯", "Medium"],
  ])("reads %j as %s", (text, expected) => {
    expect(value(size, text)).toBe(expected);
  });

  it("rejects unknown answers and numbers out of range", () => {
    expect(value(size, "huge")).toBe("✗ Not one of: Small, Medium, Large");
    expect(value(size, "4")).toBe("✗ There is no option 4");
  });

  it("matches Latin synonyms only as whole words", () => {
    expect(value(size, "Sometimes")).toMatch(/^✗/);
  });
});
