import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";
import { ensureDatabaseFile, REPO_ROOT } from "./env.ts";

/**
 * Applies the committed migrations (prisma/migrations) to the database, as
 * `prisma migrate deploy` with the JS schema engine. Safe to run at every start.
 */
export function migrateDeploy(url: string): void {
  ensureDatabaseFile(url);
  const prismaCli = createRequire(import.meta.url).resolve("prisma/build/index.js");
  const r = spawnSync(
    process.execPath,
    [prismaCli, "migrate", "deploy", "--config", join(REPO_ROOT, "prisma", "prisma.config.ts")],
    {
      env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
      encoding: "utf8",
    },
  );
  if (r.status !== 0)
    throw new Error(`prisma migrate deploy failed for ${url}:\n${r.stdout}\n${r.stderr}`);
}
