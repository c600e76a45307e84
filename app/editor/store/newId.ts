/** Short random id (works outside secure contexts, unlike crypto.randomUUID). */
export function newId(prefix: string): string {
  const bytes = new Uint8Array(6);
  globalThis.crypto.getRandomValues(bytes);
  let out = "";
  for (const byte of bytes) out += ALPHABET[byte % ALPHABET.length];
  return `${prefix}_${out}`;
}

const ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
