// A deliberately light English stemmer: enough to conflate
// activate/activated/activation/activating, charge/charges/charged,
// travel/travelling/traveled. Consistency matters more than linguistics,
// since the same function is applied to training phrases and user input.
const KEEP = new Set(["this", "his", "is", "was", "has", "does", "us", "yes", "bus", "plus", "gas", "visa", "pass", "less", "loss", "news"]);

function undouble(w: string): string {
  const n = w.length;
  if (n >= 3 && w[n - 1] === w[n - 2] && !/[aeiou]/.test(w[n - 1])) return w.slice(0, -1);
  return w;
}

export function stemEnglish(word: string): string {
  let w = word;
  if (w.length <= 3 || KEEP.has(w) || /\d/.test(w)) return w;
  if (w.endsWith("ies") && w.length > 4) w = w.slice(0, -3) + "y";
  else if (w.endsWith("sses")) w = w.slice(0, -2);
  else if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) w = w.slice(0, -1);
  if (w.endsWith("ational")) w = w.slice(0, -7) + "ate";
  else if (w.endsWith("ation") && w.length > 7) w = w.slice(0, -5) + "ate";
  else if (w.endsWith("ment") && w.length > 7) w = w.slice(0, -4);
  else if (w.endsWith("ing") && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith("ied") && w.length > 4) w = w.slice(0, -3) + "y";
  else if (w.endsWith("ed") && w.length > 4) w = w.slice(0, -2);
  else if (w.endsWith("ly") && w.length > 5) w = w.slice(0, -2);
  if (w.endsWith("e") && w.length > 4) w = w.slice(0, -1);
  if (w.endsWith("y") && w.length > 4) w = w.slice(0, -1) + "i";
  return undouble(w);
}
