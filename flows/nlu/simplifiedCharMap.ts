// Traditional -> Simplified character folding table.
//
// We fold *towards Simplified* because that direction is many-to-one
// (發/髮 -> 发, 乾/幹 -> 干), so folding never has to guess, and a plain
// per-character table is enough: no phrase segmentation and no 1 MB phrase
// dictionary in the browser bundle. Only OpenCC's character table is imported
// (~29 kB of source), not the full converter.
import TSCharacters from "opencc-js/dict/TSCharacters";

/** Extra variant folds not covered by OpenCC's T->S character table. */
const EXTRA: Record<string, string> = {
  馀: "余",
  帐: "账",
  帳: "账",
  喫: "吃",
  着: "着",
  著: "着",
  裏: "里",
  綫: "线",
  揾: "搵",
};

function build(): Map<string, string> {
  const map = new Map<string, string>();
  for (const entry of TSCharacters.split("|")) {
    const space = entry.indexOf(" ");
    if (space <= 0) continue;
    const from = entry.slice(0, space);
    const to = entry.slice(space + 1).split(" ")[0];
    if (from && to && !map.has(from)) map.set(from, to);
  }
  for (const [from, to] of Object.entries(EXTRA)) map.set(from, map.get(to) ?? to);
  return map;
}

export const simplifiedCharMap: ReadonlyMap<string, string> = build();
