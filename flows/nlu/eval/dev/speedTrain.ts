// Training CPU time only, 200 x 20 synthetic (same generator as evaluateSet's speed check).
import { trainClassifier } from "../../trainClassifier";
const rand = (() => { let seed = 42; return () => { seed |= 0; seed = (seed + 0x6d2b79f5) | 0; let t = Math.imul(seed ^ (seed >>> 15), 1 | seed); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296; }; })();
const syll = ["ka", "lo", "mi", "ten", "ra", "su", "vel", "dor", "pan", "qui", "zo", "bex", "nu", "tar", "fi", "gle"];
const han = Array.from("账户卡转钱汇率贷款利息密码登录分行地址月结单退款透支支票海外旅行手机费用额度申请取消查询更新");
const word = () => syll[Math.floor(rand() * 16)] + syll[Math.floor(rand() * 16)] + syll[Math.floor(rand() * 16)];
const vocab = Array.from({ length: 3000 }, word);
const pick = <T,>(a: T[]) => a[Math.floor(rand() * a.length)];
const phrase = (topic: string[]) => rand() < 0.5 ? Array.from({ length: 3 + Math.floor(rand() * 6) }, () => (rand() < 0.6 ? pick(topic) : pick(vocab))).join(" ") : Array.from({ length: 4 + Math.floor(rand() * 8) }, () => pick(han)).join("") + (rand() < 0.3 ? " " + pick(topic) : "");
const defs = Array.from({ length: 200 }, (_, i) => { const topic = Array.from({ length: 6 }, () => pick(vocab)); return { name: `intent_${i}`, phrases: Array.from({ length: 20 }, () => phrase(topic)), topic }; });
for (let r = 0; r < 4; r++) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  trainClassifier(defs);
  const c = process.cpuUsage(c0);
  console.log(`train 200x20: cpu ${((c.user + c.system) / 1000).toFixed(0)} ms, wall ${(performance.now() - t0).toFixed(0)} ms`);
}
// classify: mean CPU time per call and wall percentiles
const clf = trainClassifier(defs);
const queries = Array.from({ length: 2000 }, () => phrase((pick(defs) as { topic: string[] }).topic));
for (const q of queries) clf.classify(q);
const times: number[] = [];
const c0 = process.cpuUsage();
for (let r = 0; r < 5; r++) for (const q of queries) { const t = performance.now(); clf.classify(q); times.push(performance.now() - t); }
const c = process.cpuUsage(c0);
times.sort((a, b) => a - b);
console.log(`classify 200x20: cpu mean ${((c.user + c.system) / 1000 / times.length).toFixed(3)} ms, wall p50 ${times[times.length >> 1].toFixed(3)} p99 ${times[Math.floor(times.length * 0.99)].toFixed(3)} ms`);
