// The Prisma CLI on PostgreSQL (`pnpm db:migrate` with DATABASE_URL=postgres://…): Prisma 6.19
// with the JS (WASM) schema engine and the `pg` driver adapter. The adapter's pool reports the
// catalog types `name` and `"char"` as text, which the schema engine needs to read the
// migrations table (prisma/orm#27403; see packages/db/src/postgres/catalog-type-pool.ts).
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";
import { catalogTypePool } from "../../packages/db/src/postgres/catalog-type-pool.ts";

const url = process.env.DATABASE_URL ?? "";
// `prisma generate` (at install, whatever DATABASE_URL is) reads the datasource but connects
// nowhere: any PostgreSQL URL will do.
if (!/^postgres(ql)?:\/\//.test(url))
  process.env.DATABASE_URL = "postgres://generate-only@127.0.0.1:1/none";

export default defineConfig({
  engine: "js",
  experimental: { adapter: true },
  schema: path.join(import.meta.dirname, "schema.prisma"),
  migrations: { path: path.join(import.meta.dirname, "migrations") },
  adapter: async () => {
    if (!/^postgres(ql)?:\/\//.test(url))
      throw new Error(
        `prisma/postgres/prisma.config.ts migrates PostgreSQL: set DATABASE_URL=postgres://… (got '${url}')`,
      );
    return new PrismaPg(catalogTypePool(url), { disposeExternalPool: true });
  },
});
