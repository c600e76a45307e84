// Seeds the database: every example flow in flows/examples/*.json and the demo
// API's data. Idempotent. Usage: npm run seed   (logic: server/tooling/seedCommand.ts)
import { registerTsxCompat } from "../server/tooling/registerTsxCompat";

registerTsxCompat();
await import("../server/tooling/seedCommand");
