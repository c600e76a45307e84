// Synthetic but varied training data and flows for the benchmarks. Pure data,
// no Node APIs: the bare canvas page (app/bench/canvas) imports it too.
// Everything is deterministic (seeded PRNG), so runs compare.

/** Mulberry32: a small seeded PRNG. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ACTIONS: [en: string, zh: string][] = [
  ["check", "查"], ["cancel", "取消"], ["change", "更改"], ["update", "更新"], ["pay", "繳付"],
  ["get a refund for", "退款"], ["track", "追蹤"], ["renew", "續期"], ["upgrade", "升級"], ["reset", "重設"],
  ["activate", "啟用"], ["close", "關閉"], ["transfer", "轉移"], ["report a problem with", "投訴"], ["download", "下載"],
  ["book", "預約"], ["return", "退回"], ["compare", "比較"], ["apply for", "申請"], ["pause", "暫停"],
];

const OBJECTS: [en: string, zh: string][] = [
  ["order", "訂單"], ["subscription", "月費計劃"], ["password", "密碼"], ["credit card", "信用卡"], ["account", "戶口"],
  ["delivery address", "送貨地址"], ["membership", "會籍"], ["invoice", "發票"], ["insurance plan", "保險計劃"], ["data plan", "數據計劃"],
];

const EN_FRAMES = [
  "I want to {a} my {o}",
  "how do I {a} my {o}",
  "can you help me {a} my {o}",
  "I need to {a} the {o}",
  "please {a} my {o}",
  "is it possible to {a} my {o} today",
  "I'd like to {a} my {o}",
  "help me {a} {o}",
  "what's the way to {a} a {o}",
  "{a} {o}",
  "could I {a} my {o} online",
  "trying to {a} my {o} but it does not work",
  "where can I {a} my {o}",
  "how long does it take to {a} a {o}",
  "I was told to {a} my {o}",
  "need help, {a} {o} please",
];

const ZH_FRAMES = [
  "我想{a}{o}",
  "點樣{a}我嘅{o}",
  "可唔可以幫我{a}{o}",
  "我要{a}{o}",
  "請幫我{a}{o}",
  "{a}{o}",
  "我想{a}一下我的{o}",
  "如何{a}{o}",
  "今日可以{a}{o}嗎",
  "{o}點{a}",
  "唔該幫我{a}個{o}",
  "我需要{a}我嘅{o}",
];

const FILLERS_EN = ["", "", "", "hi, ", "hello ", "sorry, ", "quick question: ", "urgent: "];
const FILLERS_EN_END = ["", "", "", " thanks", " asap", " please", "?", " now"];
const FILLERS_ZH = ["", "", "你好，", "唔該，", "請問", ""];
const FILLERS_ZH_END = ["", "", "，謝謝", "呀", "？", "啊"];

export interface SyntheticIntent {
  name: string;
  phrases: string[];
}

export interface SyntheticNluSet {
  intents: SyntheticIntent[];
  /** Held-out utterances (frames not used for training) with their intent. */
  queries: { text: string; intent: string }[];
}

/**
 * `intentCount` intents (action x object) with `phrasesPerIntent` phrases each,
 * 60% English and 40% Chinese (Cantonese and Standard), drawn from frame pools
 * with random openers and closers; plus held-out queries from unused frames.
 */
export function syntheticNluSet(intentCount = 200, phrasesPerIntent = 20, seed = 42): SyntheticNluSet {
  const random = seededRandom(seed);
  const pick = <T,>(list: T[]): T => list[Math.floor(random() * list.length)];
  const intents: SyntheticIntent[] = [];
  const queries: { text: string; intent: string }[] = [];
  for (let index = 0; index < intentCount; index += 1) {
    const [aEn, aZh] = ACTIONS[index % ACTIONS.length];
    const [oEn, oZh] = OBJECTS[Math.floor(index / ACTIONS.length) % OBJECTS.length];
    const round = Math.floor(index / (ACTIONS.length * OBJECTS.length));
    const name = `${aEn.split(" ")[0]}_${oEn.replace(/ /g, "_")}${round ? `_${round}` : ""}`;
    const enFrames = shuffle(EN_FRAMES, random);
    const zhFrames = shuffle(ZH_FRAMES, random);
    const enCount = Math.round(phrasesPerIntent * 0.6);
    const zhCount = phrasesPerIntent - enCount;
    const phrases: string[] = [];
    for (let i = 0; i < enCount; i += 1) {
      const frame = enFrames[i % (enFrames.length - 3)];
      phrases.push(`${pick(FILLERS_EN)}${frame.replace("{a}", aEn).replace("{o}", oEn)}${pick(FILLERS_EN_END)}${i >= enFrames.length - 3 ? ` ${i}` : ""}`.trim());
    }
    for (let i = 0; i < zhCount; i += 1) {
      const frame = zhFrames[i % (zhFrames.length - 2)];
      phrases.push(`${pick(FILLERS_ZH)}${frame.replace("{a}", aZh).replace("{o}", oZh)}${pick(FILLERS_ZH_END)}`);
    }
    intents.push({ name, phrases: [...new Set(phrases)] });
    // Held out: the last 3 English and 2 Chinese frames.
    for (const frame of enFrames.slice(-3)) queries.push({ text: frame.replace("{a}", aEn).replace("{o}", oEn), intent: name });
    for (const frame of zhFrames.slice(-2)) queries.push({ text: frame.replace("{a}", aZh).replace("{o}", oZh), intent: name });
  }
  return { intents, queries };
}

function shuffle<T>(list: T[], random: () => number): T[] {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/** A published-style FAQ flow: start -> welcome -> one intent node with every intent -> an answer each -> back to the intent node. */
export function bigFaqFlow(intentCount = 200, phrasesPerIntent = 20, name = `Bench FAQ ${intentCount}x${phrasesPerIntent}`): Record<string, unknown> {
  const { intents } = syntheticNluSet(intentCount, phrasesPerIntent);
  const nodes: Record<string, unknown>[] = [
    { id: "start", type: "start", position: { x: 0, y: 0 }, data: {} },
    { id: "welcome", type: "message", position: { x: 300, y: 0 }, data: { text: "Hi! How can I help? 你好！有咩可以幫到你？", quickReplies: [] } },
    {
      id: "ask",
      type: "intent",
      position: { x: 600, y: 0 },
      data: {
        prompt: "",
        threshold: 0.5,
        intents: intents.map((intent, index) => ({ id: `i${index}`, name: intent.name, phrases: intent.phrases, entities: [] })),
      },
    },
    { id: "fallback", type: "message", position: { x: 900, y: -200 }, data: { text: "Sorry, I did not get that. 唔好意思，我唔明。", quickReplies: [] } },
  ];
  const edges: Record<string, unknown>[] = [
    { id: "e_start", source: "start", sourceHandle: "next", target: "welcome" },
    { id: "e_welcome", source: "welcome", sourceHandle: "next", target: "ask" },
    { id: "e_fb", source: "ask", sourceHandle: "fallback", target: "fallback" },
    { id: "e_fb_back", source: "fallback", sourceHandle: "next", target: "ask" },
  ];
  intents.forEach((intent, index) => {
    nodes.push({
      id: `answer_${index}`,
      type: "message",
      position: { x: 900 + 300 * Math.floor(index / 40), y: (index % 40) * 120 },
      data: { text: `Answer for ${intent.name}. 關於 ${intent.name} 的答覆。`, quickReplies: [] },
    });
    edges.push({ id: `e_i${index}`, source: "ask", sourceHandle: `i${index}`, target: `answer_${index}` });
    edges.push({ id: `e_back${index}`, source: `answer_${index}`, sourceHandle: "next", target: "ask" });
  });
  return {
    version: 1,
    name,
    description: "Synthetic FAQ flow for the NLU retrain benchmark.",
    languages: ["en", "zh-HK"],
    settings: { fallbackHandoff: { enabled: false }, humanRequest: { enabled: false } },
    variables: [],
    nodes,
    edges,
  };
}

const EDITOR_CYCLE = ["message", "setVariables", "message", "condition", "message"] as const;
/** Nodes per row in the editor benchmark's grid layout. */
export const EDITOR_GRID_COLUMNS = 20;
export const EDITOR_GRID_DX = 320;
export const EDITOR_GRID_DY = 180;

/**
 * A valid flow document with `nodeCount` nodes for the editor benchmark: a
 * start node, then a chain of messages, variable assignments and conditions
 * laid out on a grid (20 per row), each linked to the next.
 */
export function editorFlow(nodeCount: number): Record<string, unknown> {
  const nodes: { id: string; type: string; position: { x: number; y: number }; data: Record<string, unknown> }[] = [];
  const edges: { id: string; source: string; sourceHandle: string; target: string }[] = [];
  for (let index = 0; index < nodeCount; index += 1) {
    const id = index === 0 ? "start" : `n${index}`;
    const type = index === 0 ? "start" : EDITOR_CYCLE[index % EDITOR_CYCLE.length];
    const position = { x: (index % EDITOR_GRID_COLUMNS) * EDITOR_GRID_DX, y: Math.floor(index / EDITOR_GRID_COLUMNS) * EDITOR_GRID_DY };
    let data: Record<string, unknown> = {};
    if (type === "message") data = { text: `Step ${index}: thanks for waiting. 第 ${index} 步：多謝你耐心等候。`, quickReplies: [] };
    if (type === "setVariables") data = { assignments: [{ variable: "step", mode: "expression", value: String(index) }] };
    if (type === "condition") data = { branches: [{ id: "big", label: "Big step", expression: `step > ${index}` }] };
    nodes.push({ id, type, position, data });
    if (index > 0) {
      const previous = nodes[index - 1];
      edges.push({ id: `e${index}`, source: previous.id, sourceHandle: previous.type === "condition" ? "else" : "next", target: id });
    }
  }
  return {
    version: 1,
    name: `Bench editor ${nodeCount} nodes`,
    description: "Synthetic flow for the editor benchmark.",
    languages: ["en"],
    settings: { fallbackHandoff: { enabled: false } },
    variables: [{ name: "step", description: "" }],
    nodes,
    edges,
  };
}
