// Prisma CLI configuration: the JavaScript schema engine through the
// better-sqlite3 adapter, so no native engine is downloaded. Every CLI call also
// needs PRISMA_QUERY_ENGINE_LIBRARY=/bin/false PRISMA_SCHEMA_ENGINE_BINARY=/bin/false
// (the npm scripts and scripts/*.ts set them). DATABASE_URL picks the database.
import { defineConfig } from "prisma/config";
import { prismaAdapter } from "./server/db/prismaAdapter";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  adapter: async () => prismaAdapter(),
});
