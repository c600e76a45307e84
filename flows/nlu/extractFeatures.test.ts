import { describe, expect, it } from "vitest";
import { DEFAULT_FEATURE_WEIGHTS, extractFeatures } from "./extractFeatures";

const pairs = (text: string, fw = DEFAULT_FEATURE_WEIGHTS) => [...extractFeatures(text, fw).keys()].filter((k) => k.startsWith("p:")).sort();

describe("concept pairs", () => {
  it("combine the concepts of a message whatever their order, the same in English, Cantonese and Mandarin", () => {
    const english = pairs("are there charges for withdrawing at the ATM");
    expect(english).toEqual(["p:@atm@fee", "p:@atm@withdraw", "p:@fee@withdraw"]);
    expect(pairs("ATM withdrawal fee")).toEqual(english);
    expect(pairs("提款機攞錢要唔要手續費")).toEqual(english);
    expect(pairs("取款机取钱要手续费吗")).toEqual(english);
  });

  it("need two concepts, and can be turned off", () => {
    expect(pairs("what are your fees")).toEqual([]);
    expect(pairs("are there charges for withdrawing at the ATM", { ...DEFAULT_FEATURE_WEIGHTS, conceptPair: 0 })).toEqual([]);
  });
});

describe("concept forms", () => {
  const concepts = (text: string) => [...extractFeatures(text).keys()].filter((k) => k.startsWith("@")).sort();

  it("match when they contain a multi-word expression that the input folds into one word", () => {
    // "exchange rate" becomes one word in the input, so the form "wrong exchange rate" must be folded the same way
    expect(concepts("they used the wrong exchange rate on my payment")).toContain("@wrongamount");
  });
});
