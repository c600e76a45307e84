import { describe, expect, it } from "vitest";
import { createRealNlu } from "./realNlu";

const intents = [
  { name: "track_order", phrases: ["where is my order", "track my parcel", "has my order shipped", "我嘅訂單去咗邊", "查訂單"] },
  { name: "opening_hours", phrases: ["what time do you open", "opening hours", "when do you close", "幾點開門", "營業時間"] },
];

describe("createRealNlu", () => {
  it("matches paraphrases with the real classifier", async () => {
    const nlu = createRealNlu();
    expect((await nlu.match({ key: "k", intents, threshold: 0.5, text: "where's my order??" })).intent).toBe("track_order");
    expect((await nlu.match({ key: "k", intents, threshold: 0.5, text: "你哋幾點開門" })).intent).toBe("opening_hours");
  });

  it("retrains when the phrases behind a key change", async () => {
    const nlu = createRealNlu();
    expect((await nlu.match({ key: "draft:n1", intents, threshold: 0.5, text: "I want a refund" })).intent).toBeNull();
    const withRefund = [...intents, { name: "refund", phrases: ["I want a refund", "refund please", "money back", "退款"] }];
    expect((await nlu.match({ key: "draft:n1", intents: withRefund, threshold: 0.5, text: "I want a refund" })).intent).toBe("refund");
  });
});
