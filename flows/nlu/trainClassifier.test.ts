import { describe, expect, it } from "vitest";
import { trainClassifier, HUMAN_REQUEST_PHRASES, type IntentDefinition } from "./index";
import { DEFAULT_CLASSIFIER_CONFIG } from "./trainClassifier";

const intents: IntentDefinition[] = [
  { name: "card_lost", phrases: ["I lost my card", "my card was stolen", "report a lost card", "我唔見咗張卡", "我的卡丢了", "張卡俾人偷咗"] },
  { name: "balance", phrases: ["what's my balance", "how much money is in my account", "check account balance", "查結餘", "我戶口有幾多錢", "查询余额"] },
  { name: "opening_hours", phrases: ["when does the branch open", "branch opening hours", "what time do you close", "分行幾點開門", "营业时间", "銀行幾點閂門"] },
  { name: "human", phrases: HUMAN_REQUEST_PHRASES },
];

describe("trainClassifier", () => {
  const clf = trainClassifier(intents);

  it("exposes the intent names", () => {
    expect(clf.intents).toEqual(["card_lost", "balance", "opening_hours", "human"]);
  });

  it("routes in-scope phrases in English, Cantonese, Mandarin and mixed input", () => {
    expect(clf.classify("I can't find my card, I think I lost it").intent).toBe("card_lost");
    expect(clf.classify("張信用卡唔見咗").intent).toBe("card_lost");
    expect(clf.classify("我想check下結餘").intent).toBe("balance");
    expect(clf.classify("账户余额多少").intent).toBe("balance");
    expect(clf.classify("what are your opening hours on saturday").intent).toBe("opening_hours");
    expect(clf.classify("幫我轉真人客服").intent).toBe("human");
    expect(clf.classify("can I talk to a real person please").intent).toBe("human");
  });

  it("sends clear out-of-scope input to fallback", () => {
    for (const text of ["what's the weather like tomorrow", "tell me a joke", "今日天氣點", "怎么做红烧肉"]) {
      const m = clf.classify(text);
      expect(m.outOfScope, text).toBe(true);
      expect(m.intent, text).toBeNull();
    }
  });

  it("returns up to 3 candidates sorted by confidence, within [0,1]", () => {
    for (const text of ["lost card", "今日天氣點", "balance"]) {
      const m = clf.classify(text);
      expect(m.candidates.length).toBe(3);
      for (let i = 1; i < m.candidates.length; i++) expect(m.candidates[i - 1].confidence).toBeGreaterThanOrEqual(m.candidates[i].confidence);
      for (const c of m.candidates) {
        expect(c.confidence).toBeGreaterThanOrEqual(0);
        expect(c.confidence).toBeLessThanOrEqual(1);
      }
      expect(m.confidence).toBe(m.candidates[0].confidence);
    }
  });

  it("sends empty and punctuation-only input to fallback without throwing", () => {
    for (const text of ["", "   ", "?!?!", "。。。，", "😀"]) {
      const m = clf.classify(text);
      expect(m.outOfScope).toBe(true);
      expect(m.intent).toBeNull();
      expect(m.confidence).toBe(0);
    }
  });

  it("applies a user threshold on top of the built-in detection", () => {
    const text = "are you open on sunday";
    const base = clf.classify(text);
    expect(base.intent).toBe("opening_hours");
    expect(base.confidence).toBeLessThan(0.99);
    const strict = trainClassifier(intents, { threshold: base.confidence + 0.01 });
    const m = strict.classify(text);
    expect(m.outOfScope).toBe(true);
    expect(m.intent).toBeNull();
    expect(m.candidates[0].intent).toBe("opening_hours");
    expect(m.confidence).toBe(base.confidence);
  });

  it("does not crash on intents without phrases", () => {
    const c = trainClassifier([
      { name: "empty", phrases: [] },
      { name: "balance", phrases: ["check my balance", "查結餘"] },
    ]);
    expect(c.classify("check my balance").intent).toBe("balance");
    expect(c.classify("hello").candidates.length).toBeLessThanOrEqual(2);
    const none = trainClassifier([{ name: "a", phrases: [] }]);
    expect(none.classify("anything").outOfScope).toBe(true);
    expect(trainClassifier([]).classify("anything").outOfScope).toBe(true);
  });
});

describe("background examples (general out-of-scope messages)", () => {
  const withBackground = trainClassifier(intents);
  const without = trainClassifier(intents, {}, { ...DEFAULT_CLASSIFIER_CONFIG, background: false });
  // off-topic, but sharing words with the intents above
  const nearMisses = ["my phone was stolen on the bus", "when does the cinema open", "部電話唔見咗", "tell me a joke", "book a flight"];

  it("lower the confidence of off-topic input that shares words with the intents", () => {
    for (const text of nearMisses) expect(withBackground.classify(text).confidence, text).toBeLessThan(without.classify(text).confidence);
  });

  it("keep in-scope input confident", () => {
    for (const text of ["I lost my card", "張信用卡唔見咗", "check account balance", "幫我轉真人客服"]) expect(withBackground.classify(text).outOfScope, text).toBe(false);
  });

  it("leave out examples that are in scope for the flow (a weather bot keeps its weather questions)", () => {
    // the flow's phrases are background examples word for word; every example is seen at every
    // epoch (as in a large flow), so without the similarity filter the background class competes for them
    const weatherBot = (backgroundMaxSim: number) =>
      trainClassifier(
        [
          { name: "forecast", phrases: ["what's the weather like today", "will it rain tomorrow in hong kong", "weather forecast for the weekend", "今日天氣點", "聽日會唔會落雨"] },
          { name: "typhoon", phrases: ["is typhoon signal 8 going up tonight?", "is the black rainstorm warning still on", "打風學校停唔停課"] },
        ],
        {},
        { ...DEFAULT_CLASSIFIER_CONFIG, backgroundPerEpoch: 1000, backgroundMaxSim },
      );
    const backgroundShare = (m: ReturnType<typeof trainClassifier>, text: string) => m.score(text).head.at(-1) ?? 0;
    const filtered = weatherBot(DEFAULT_CLASSIFIER_CONFIG.backgroundMaxSim);
    const unfiltered = weatherBot(Infinity);
    for (const text of ["what's the weather like today", "will it rain tomorrow", "今日天氣點"]) {
      expect(filtered.classify(text).intent, text).toBe("forecast");
      expect(backgroundShare(filtered, text), text).toBeLessThan(0.02);
      expect(backgroundShare(unfiltered, text), text).toBeGreaterThan(10 * backgroundShare(filtered, text));
    }
  });

  it("add one class to the model's head, none when turned off", () => {
    const hBias = (m: { snapshot(): unknown }) => (m.snapshot() as { hBias: Float32Array }).hBias.length;
    expect(hBias(without)).toBe(intents.length);
    expect(hBias(withBackground)).toBe(intents.length + 1);
  });
});

describe("toJSON / loadClassifier", () => {
  it("round-trips a trained classifier (same matches, JSON-safe, user threshold kept)", async () => {
    const { loadClassifier } = await import("./index");
    const clf = trainClassifier(intents, { threshold: 0.2 });
    const json = JSON.parse(JSON.stringify(clf.toJSON()));
    const loaded = loadClassifier(json);
    expect(loaded.intents).toEqual(clf.intents);
    const texts = ["I lost my card", "張信用卡唔見咗", "我想check下結餘", "what are your opening hours on saturday", "幫我轉真人客服", "tell me a joke", "今日天氣點", "", "😀", "balance"];
    for (const t of texts) expect(loaded.classify(t), t).toEqual(clf.classify(t));
    // a loaded model serialises to the same JSON again
    expect(JSON.stringify(loaded.toJSON())).toBe(JSON.stringify(json));
    // structured-clone safe as well (worker postMessage)
    const cloned = loadClassifier(structuredClone(clf.toJSON()));
    expect(cloned.classify("check my balance")).toEqual(clf.classify("check my balance"));
  });

  it("round-trips the typed-array snapshot a worker posts, to the same model", async () => {
    const { loadClassifier } = await import("./index");
    const clf = trainClassifier(intents, { threshold: 0.2 });
    const loaded = loadClassifier(structuredClone(clf.snapshot()));
    for (const t of ["I lost my card", "張信用卡唔見咗", "我想check下結餘", "tell me a joke", ""]) expect(loaded.classify(t), t).toEqual(clf.classify(t));
    expect(JSON.stringify(loaded.toJSON())).toBe(JSON.stringify(clf.toJSON()));
  });

  it("loads much faster than training", async () => {
    const { loadClassifier } = await import("./index");
    const defs = Array.from({ length: 60 }, (_, i) => ({ name: `i${i}`, phrases: Array.from({ length: 15 }, (_, j) => `topic${i} word${j} thing${(i * j) % 17} 查詢${i}號 item`) }));
    let t = performance.now();
    const clf = trainClassifier(defs);
    const trainMs = performance.now() - t;
    const json = clf.toJSON();
    t = performance.now();
    const loaded = loadClassifier(json);
    const loadMs = performance.now() - t;
    expect(loaded.classify("topic7 word3").intent).toBe(clf.classify("topic7 word3").intent);
    expect(loadMs).toBeLessThan(trainMs);
  });

  it("rejects malformed models", async () => {
    const { loadClassifier } = await import("./index");
    expect(() => loadClassifier(null)).toThrow();
    expect(() => loadClassifier({ format: "other" })).toThrow();
    const json = trainClassifier(intents).toJSON() as Record<string, unknown>;
    expect(() => loadClassifier({ ...json, cIds: [1, 2] })).toThrow();
    expect(() => loadClassifier({ ...json, version: 999 })).toThrow();
  });
});
