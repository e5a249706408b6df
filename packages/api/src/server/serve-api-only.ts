// One API server process (tRPC + socket.io, no Next.js pages) on SQLite or PostgreSQL, for the
// load benchmark and the scale-out test. On PostgreSQL it joins the others through socket.io's
// adapter (Redis instead when a Redis URL is given) and expects `pnpm db:migrate` to have run.
// Prints READY when listening; SIGTERM closes it cleanly.
//   tsx serve-api-only.ts <port> <databaseUrl> [nodeName] [--redis=<url>] [--trust-proxy]
//     [--no-group-commit]  (one transaction per command, as before: benchmarks compare)
//     [--previous-write-path]  (the log through Prisma, an exercise's commands one commit at a time)
//     [--profile-on-signal=<dir>]  (SIGUSR2 starts a CPU profile, the next writes it to <dir>)
import { databaseUrl, migrateAtStart, openDatabase } from "@chokepoint/db";
import { ScenarioCatalog } from "../scenario-catalog.ts";
import { clusterAdapter } from "../socket/cluster-adapter.ts";
import { createAppServer } from "./create-app-server.ts";
import { profileOnSignal } from "./profile-on-signal.ts";

const argv = process.argv.slice(2);
const [port, url, nodeName] = argv.filter((a) => !a.startsWith("--"));
const redisUrl = argv.find((a) => a.startsWith("--redis="))?.slice("--redis=".length);
const trustProxy = argv.includes("--trust-proxy");
const groupCommit = !argv.includes("--no-group-commit");
const previousWritePath = argv.includes("--previous-write-path");
if (!port || !url)
  throw new Error(
    "usage: serve-api-only <port> <databaseUrl> [nodeName] [--redis=<url>] [--trust-proxy]",
  );
const dbUrl = databaseUrl({ DATABASE_URL: url });
migrateAtStart(dbUrl);
const db = await openDatabase(dbUrl);
const cluster = await clusterAdapter({ databaseUrl: dbUrl, redisUrl });
const server = createAppServer({
  db,
  catalog: ScenarioCatalog.builtIn(),
  ...(cluster ? { cluster } : {}),
  ...(nodeName ? { nodeName } : {}),
  trustProxy,
  groupCommit,
  previousWritePath,
});
const profileDir = argv.find((a) => a.startsWith("--profile-on-signal="))?.split("=")[1];
if (profileDir) profileOnSignal(profileDir);
server.http.listen(Number(port), "127.0.0.1", () => process.stdout.write("READY\n"));
process.on("SIGTERM", () => {
  void server
    .close()
    .then(() => db.$disconnect())
    .finally(() => process.exit(0));
});
