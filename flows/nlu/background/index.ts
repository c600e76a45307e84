import en from "./en.json";
import yue from "./yue.json";
import zh from "./zh.json";

/**
 * General out-of-scope messages (chit-chat, other services, everyday questions) in English,
 * Cantonese and Mandarin: the classifier learns from them what input that is not for the flow
 * looks like in the flow's own vocabulary. Written for customer service of banks and shops:
 * none of them asks for what such a bot is built to do.
 */
export const BACKGROUND_EXAMPLES: readonly string[] = [...en, ...yue, ...zh];
