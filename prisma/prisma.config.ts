// Prisma 6.19 with the JS (WASM) schema engine and the better-sqlite3 driver adapter: the
// combination that runs offline on these machines (Prisma 7's CLI downloads a binary).
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";

// Same default as packages/db's env.ts: ./data/chokepoint.db at the repository root. A
// PostgreSQL URL belongs to prisma/postgres/prisma.config.ts; `prisma generate` at install runs
// both configs whatever DATABASE_URL is, and connects nowhere.
const given = process.env.DATABASE_URL;
const url = given?.startsWith("file:")
  ? given
  : `file:${path.join(import.meta.dirname, "..", "data", "chokepoint.db")}`;
process.env.DATABASE_URL = url;

export default defineConfig({
  engine: "js",
  experimental: { adapter: true },
  schema: path.join(import.meta.dirname, "schema.prisma"),
  migrations: { path: path.join(import.meta.dirname, "migrations") },
  adapter: async () => new PrismaBetterSQLite3({ url }),
});
