// Import and export flow documents (logic: server/tooling/flowsCommand.ts).
//   npm run flows -- import <file.json> [--slug s] [--publish]
//   npm run flows -- export <slug> [--published]
import { registerTsxCompat } from "../server/tooling/registerTsxCompat";

registerTsxCompat();
await import("../server/tooling/flowsCommand");
