// Call before dynamically importing anything that reaches flows/nodes from a
// tsx script (see nodeSuffixHook.mjs for why).
import { register } from "node:module";

export function registerTsxCompat(): void {
  register("./nodeSuffixHook.mjs", import.meta.url);
}
