// Type declaration for the raw OpenCC dictionary module we import directly
// (opencc-js exposes it through its "./*" export but ships no types for it).
declare module "opencc-js/dict/TSCharacters" {
  const dict: string; // "繁 简|..." pairs separated by "|"
  export default dict;
}
