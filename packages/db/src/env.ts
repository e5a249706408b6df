import { mkdirSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { dialectOfUrl } from "./dialect.ts";

/** The repository root (packages/db/src → ../../..). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

/**
 * The database URL: DATABASE_URL if set, else the embedded default ./data/chokepoint.db at the
 * repository root. `postgres://…` selects PostgreSQL (several server processes, README "Scale
 * out"). Relative file paths are made absolute against the working directory so the Prisma CLI
 * and the runtime adapter open the same file. The only reader of process.env in this package.
 */
export function databaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const raw = env.DATABASE_URL?.trim();
  if (!raw) return `file:${join(REPO_ROOT, "data", "chokepoint.db")}`;
  if (dialectOfUrl(raw) === "postgresql") return raw;
  const path = raw.slice("file:".length);
  return `file:${isAbsolute(path) ? path : resolve(path)}`;
}

/** The file path of a file: URL, with its folder created. */
export function ensureDatabaseFile(url: string): string {
  const path = url.slice("file:".length);
  mkdirSync(dirname(path), { recursive: true });
  return path;
}
