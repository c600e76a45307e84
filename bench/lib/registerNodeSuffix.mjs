// `node --import tsx --import ./bench/lib/registerNodeSuffix.mjs file.ts`:
// registers nodeSuffixHooks.mjs after tsx, so it runs first (see that file).
import { register } from "node:module";

register("./nodeSuffixHooks.mjs", import.meta.url);
