/**
 * Phrases meaning "let me talk to a human / agent / real person", in English,
 * Cantonese (Traditional), Traditional and Simplified Chinese. The engine adds
 * them as a flow-wide "talk to a human" intent on every intent node.
 */
export const HUMAN_REQUEST_PHRASES: string[] = [
  // English
  "I want to talk to a person",
  "talk to a human",
  "can I speak to a real person",
  "connect me to an agent",
  "speak to customer service",
  "I need a live agent",
  "transfer me to a representative",
  "let me talk to someone",
  "operator please",
  "get me a human, not a bot",
  "I want to speak with staff",
  "call centre agent please",
  // Cantonese (Traditional)
  "轉真人",
  "我要搵客服",
  "我想同真人傾",
  "搵個真人同我講",
  "唔該幫我轉接客服",
  "我要同職員講",
  "有冇人可以聽電話",
  "轉駁人工客服",
  "我唔想同機械人講嘢",
  // Traditional Chinese (written)
  "人工客服",
  "請轉接客服人員",
  "我要真人服務",
  "聯絡客服專員",
  // Simplified Chinese (Mandarin)
  "转人工",
  "我要找客服",
  "人工服务",
  "帮我转接人工客服",
  "我想和真人说话",
  "不要机器人，找个真人",
  "联系客服人员",
];
