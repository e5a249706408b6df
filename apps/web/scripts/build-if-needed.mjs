// Builds the Next.js app unless .next already holds a build of the current sources.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const stamp = join(root, ".next", "chokepoint-sources.sha256");

function hashSources() {
  const h = createHash("sha256");
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else h.update(p).update(readFileSync(p));
    }
  };
  for (const d of ["app", "src"]) walk(join(root, d));
  for (const f of ["next.config.ts", "package.json"]) h.update(readFileSync(join(root, f)));
  return h.digest("hex");
}

export function buildIfNeeded() {
  const want = hashSources();
  if (
    existsSync(join(root, ".next", "BUILD_ID")) &&
    existsSync(stamp) &&
    readFileSync(stamp, "utf8") === want
  )
    return;
  console.log("building the web app (first start or changed sources)…");
  const r = spawnSync(
    process.execPath,
    [join(root, "node_modules", "next", "dist", "bin", "next"), "build"],
    { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } },
  );
  if (r.status !== 0) throw new Error(`next build failed (exit ${r.status})`);
  writeFileSync(stamp, want);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) buildIfNeeded();
