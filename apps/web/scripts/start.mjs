// `pnpm start`: build the Next.js app if it has not been built for the current sources, then
// serve everything from one process on http://localhost:3000 (PORT overrides).
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { buildIfNeeded, root } from "./build-if-needed.mjs";

buildIfNeeded();
const server = spawnSync(process.execPath, ["--import", "tsx", join(root, "server.ts")], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
});
process.exit(server.status ?? 0);
