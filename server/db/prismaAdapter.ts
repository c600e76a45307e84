// The driver adapter factory for Prisma: the client (server/db/prisma.ts) and the
// CLI (prisma.config.ts: migrate deploy / migrate diff) both use it.
// Two fixes over the stock PrismaBetterSQLite3 factory:
// - every connection gets the WAL/synchronous/busy_timeout pragmas, so a
//   database created by `migrate deploy` is in WAL mode from the start;
// - `migrate diff --from-migrations` replays each migration.sql on the shadow
//   database as ONE executeRaw call, which better-sqlite3's prepare() refuses
//   when the script holds several statements; such scripts run with exec().
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { CONNECTION_PRAGMAS, databaseFilePath } from "./databaseConfig";

export function prismaAdapter(url = `file:${databaseFilePath()}`): SqlMigrationAwareDriverAdapterFactory {
  const base = new PrismaBetterSQLite3({ url }, { timestampFormat: "unixepoch-ms" });
  return {
    provider: base.provider,
    adapterName: base.adapterName,
    connect: async () => withPragmas(await base.connect()),
    connectToShadowDb: async () => withScripts(await base.connectToShadowDb()),
  };
}

async function withPragmas(adapter: SqlDriverAdapter): Promise<SqlDriverAdapter> {
  await adapter.executeScript(CONNECTION_PRAGMAS.map((pragma) => `PRAGMA ${pragma};`).join("\n"));
  return adapter;
}

function withScripts(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.executeRaw = async (query) => {
    try {
      return await executeRaw(query);
    } catch (error) {
      if (query.args.length > 0) throw error;
      await adapter.executeScript(query.sql);
      return 0;
    }
  };
  return adapter;
}
