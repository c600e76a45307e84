// Seeds the database: every example flow in flows/examples/*.json (imported
// and published unless that exact content is already published) and the demo
// API's orders and restaurant times. Idempotent. Usage: npm run seed
import { seedDemoData } from "../server/demo/demoSeed";
import { disconnectPrisma } from "../server/db/prisma";
import { seedExampleFlows } from "../server/flows/seedExamples";
import { migrate } from "./migrate";

async function main(): Promise<number> {
  migrate();
  const flows = await seedExampleFlows();
  let failed = 0;
  for (const result of flows) {
    if (result.action === "failed") {
      failed += 1;
      console.error(`✗ ${result.slug}: not imported`);
      for (const problem of result.problems ?? []) console.error(`    ${problem}`);
    } else {
      console.log(`✓ ${result.slug}: ${result.action}${result.version ? ` (published v${result.version})` : ""}`);
    }
  }
  if (flows.length === 0) console.log("No example flows in flows/examples.");
  const demo = await seedDemoData();
  console.log(`✓ demo data: ${demo.orders} orders (e.g. A1234567), ${demo.slots} restaurant times`);
  return failed ? 1 : 0;
}

main()
  .then(async (code) => {
    await disconnectPrisma();
    process.exit(code);
  })
  .catch(async (error) => {
    console.error(error);
    await disconnectPrisma();
    process.exit(1);
  });
