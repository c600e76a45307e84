import { describe, expect, it } from "vitest";
import { normalizeText } from "./normalizeText";

describe("normalizeText", () => {
  it("folds Traditional and Simplified Chinese to the same form", () => {
    expect(normalizeText("銀行賬戶餘額")).toBe(normalizeText("银行账户余额"));
    expect(normalizeText("匯率")).toBe("汇率");
    expect(normalizeText("帳戶")).toBe(normalizeText("账户"));
  });

  it("folds common Cantonese forms", () => {
    expect(normalizeText("我唔見咗張卡")).toBe("我不见了张卡");
    expect(normalizeText("點樣改地址")).toBe(normalizeText("怎样改地址"));
    expect(normalizeText("係咪")).toBe("是不是");
    // characters the Traditional->Simplified table turns into variants (搵 -> 揾, 嗰 -> 𠮶) still fold
    expect(normalizeText("搵唔到")).toBe("找不到");
    expect(normalizeText("嗰個")).toBe("那个");
  });

  it("leaves words that merely contain a Cantonese form alone", () => {
    expect(normalizeText("換成日元")).toBe("换成日元");
  });

  it("handles case, full-width characters and punctuation", () => {
    expect(normalizeText("ＡＰＰ　Ｌｏｇｉｎ！！")).toBe("app login");
    expect(normalizeText("  Can't   log-in, please?? ")).toBe("cant login please");
    expect(normalizeText("我想check下我張order！")).toBe("我想check下我张order");
    expect(normalizeText("轉1,000蚊")).toBe("转1000蚊");
  });

  it("returns an empty string for empty or punctuation-only input", () => {
    expect(normalizeText("")).toBe("");
    expect(normalizeText("?!…。，、 ")).toBe("");
  });
});
