// Switchboard embedded NLU: per-node intent classification for EN / Cantonese /
// Traditional & Simplified Chinese, with out-of-scope (fallback) detection.
// Pure TypeScript, no Node-only APIs: safe to import in the browser and on the server.
export type { IntentDefinition, IntentCandidate, IntentMatch, ClassifierOptions, IntentClassifier } from "./types";
export { trainClassifier, loadClassifier } from "./trainClassifier";
export { normalizeText } from "./normalizeText";
export { tokenize, type Token, type TokenKind } from "./tokenize";
export { HUMAN_REQUEST_PHRASES } from "./humanRequestPhrases";
