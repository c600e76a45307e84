import { describe, expect, it } from "vitest";
import { tokenize } from "./tokenize";
import { extractFeatures } from "./extractFeatures";
import { stemEnglish } from "./stemEnglish";

const texts = (s: string) => tokenize(s).map((t) => t.text);

describe("tokenize", () => {
  it("splits English into lower-case words", () => {
    expect(texts("I LOST my Card!")).toEqual(["i", "lost", "my", "card"]);
    expect(tokenize("send 500 dollars").map((t) => t.kind)).toEqual(["word", "number", "word"]);
  });

  it("splits Chinese into characters forming one run", () => {
    const toks = tokenize("查詢餘額");
    expect(toks.map((t) => t.text)).toEqual(["查", "询", "余", "额"]);
    expect(new Set(toks.map((t) => t.run)).size).toBe(1);
    expect(toks.every((t) => t.kind === "han")).toBe(true);
  });

  it("separates scripts in mixed Cantonese/English text", () => {
    const toks = tokenize("我想check下我張order");
    expect(toks.map((t) => t.text)).toEqual(["我", "想", "check", "下", "我", "张", "order"]);
    expect(toks.map((t) => t.kind)).toEqual(["han", "han", "word", "han", "han", "han", "word"]);
    // the Han run after "check" is a different run from the one before it
    expect(toks[0].run).toBe(toks[1].run);
    expect(toks[3].run).not.toBe(toks[1].run);
  });

  it("returns no tokens for empty / punctuation-only text", () => {
    expect(tokenize("")).toEqual([]);
    expect(tokenize("？！...")).toEqual([]);
  });
});

describe("features", () => {
  it("builds Chinese n-grams and bilingual concepts", () => {
    const f = extractFeatures("查結餘");
    expect(f.has("h2:结余")).toBe(true);
    expect(f.has("@balance")).toBe(true);
    expect(extractFeatures("check my balance").has("@balance")).toBe(true);
  });

  it("stems English lightly", () => {
    expect(stemEnglish("activation")).toBe(stemEnglish("activate"));
    expect(stemEnglish("activated")).toBe(stemEnglish("activate"));
    expect(stemEnglish("charges")).toBe(stemEnglish("charge"));
    expect(stemEnglish("travelling")).toBe(stemEnglish("travel"));
  });
});
