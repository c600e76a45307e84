// The Prisma client singleton, for everything except the chat hot path (which
// uses server/db/sqlite.ts). Created on first use, so tests can point the
// database elsewhere (setDatabaseUrl) before any query.
import { PrismaClient } from "../../generated/prisma/client";
import { databaseFilePath, ensureDatabaseDirectory } from "./databaseConfig";
import { prismaAdapter } from "./prismaAdapter";

export type { PrismaClient };

const globalForPrisma = globalThis as typeof globalThis & { switchboardPrisma?: PrismaClient };

/** The shared PrismaClient (one per process; kept on globalThis across Next dev reloads). */
export function getPrisma(): PrismaClient {
  if (!globalForPrisma.switchboardPrisma) {
    const filePath = databaseFilePath();
    ensureDatabaseDirectory(filePath);
    globalForPrisma.switchboardPrisma = new PrismaClient({ adapter: prismaAdapter(`file:${filePath}`) });
  }
  return globalForPrisma.switchboardPrisma;
}

/** Closes the client (scripts and tests); the next getPrisma() opens a new one. */
export async function disconnectPrisma(): Promise<void> {
  const client = globalForPrisma.switchboardPrisma;
  globalForPrisma.switchboardPrisma = undefined;
  await client?.$disconnect();
}
