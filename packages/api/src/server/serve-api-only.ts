// One API server process (tRPC + socket.io, no Next.js pages) on SQLite or PostgreSQL, for the
// load benchmark and the scale-out test. On PostgreSQL it joins the others through socket.io's
// adapter (Redis instead when a Redis URL is given) and expects `pnpm db:migrate` to have run.
// Prints READY when listening; SIGTERM closes it cleanly.
//   tsx serve-api-only.ts <port> <databaseUrl> [nodeName] [--redis=<url>] [--trust-proxy]
//     [--no-group-commit]  (one transaction per command, as before: benchmarks compare)
//     [--previous-write-path]  (the log through Prisma, an exercise's commands one commit at a time)
//     [--profile-on-signal=<dir>]  (SIGUSR2 starts a CPU profile, the next writes it to <dir>)
//     [--no-direct-mutations]  (every call through tRPC's fetch adapter, as before)
//     [--push-every-ms=<ms>]  (the per-exercise push window; 0 pushes every loop turn, as before)
//     [--whole-views]  (commands answer the caller's whole view, pushes carry the scenario, as before)
//     [--previous-pg-path]  (PostgreSQL: the log through Prisma, every push to every process, as before)
//     [--tail-read-per-command]  (each command reads the log's tail before it is decided, as before)
//     [--push-defer-ms=<ms>]  (how long a push waits for unanswered commands; 0 never, as before)
// GET /bench/loop-delay answers this process's event-loop delay since the last ask (p50, p99,
// max in ms, from `monitorEventLoopDelay`) and starts a new measurement: the benchmark prints
// it beside its end-to-end figures. This server is for benchmarks and tests only.
import { monitorEventLoopDelay } from "node:perf_hooks";
import { databaseUrl, migrateAtStart, openDatabase } from "@chokepoint/db";
import { ScenarioCatalog } from "../scenario-catalog.ts";
import { clusterAdapter } from "../socket/cluster-adapter.ts";
import { createAppServer } from "./create-app-server.ts";
import { answerLoopDelay } from "./loop-delay-route.ts";
import { profileOnSignal } from "./profile-on-signal.ts";

const argv = process.argv.slice(2);
const [port, url, nodeName] = argv.filter((a) => !a.startsWith("--"));
const redisUrl = argv.find((a) => a.startsWith("--redis="))?.slice("--redis=".length);
const trustProxy = argv.includes("--trust-proxy");
const groupCommit = !argv.includes("--no-group-commit");
const previousWritePath = argv.includes("--previous-write-path");
const previousPgPath = argv.includes("--previous-pg-path");
if (!port || !url)
  throw new Error(
    "usage: serve-api-only <port> <databaseUrl> [nodeName] [--redis=<url>] [--trust-proxy]",
  );
const dbUrl = databaseUrl({ DATABASE_URL: url });
migrateAtStart(dbUrl);
const db = await openDatabase(dbUrl);
const cluster = await clusterAdapter({
  databaseUrl: dbUrl,
  redisUrl,
  everyPushCrosses: previousPgPath,
});
const pushArg = argv.find((a) => a.startsWith("--push-every-ms="))?.split("=")[1];
const deferArg = argv.find((a) => a.startsWith("--push-defer-ms="))?.split("=")[1];
const loop = monitorEventLoopDelay({ resolution: 5 });
loop.enable();
const server = createAppServer({
  db,
  catalog: ScenarioCatalog.builtIn(),
  ...(cluster ? { cluster } : {}),
  ...(nodeName ? { nodeName } : {}),
  trustProxy,
  groupCommit,
  previousWritePath,
  prismaLog: previousPgPath,
  directMutations: !argv.includes("--no-direct-mutations"),
  wholeViews: argv.includes("--whole-views"),
  tailReadPerCommand: argv.includes("--tail-read-per-command"),
  ...(pushArg !== undefined ? { pushEveryMs: Number(pushArg) } : {}),
  ...(deferArg !== undefined ? { pushDeferMs: Number(deferArg) } : {}),
  fallback: (req, res) => {
    if (req.url !== "/bench/loop-delay") return void res.writeHead(404).end();
    answerLoopDelay(loop, res);
  },
});
const profileDir = argv.find((a) => a.startsWith("--profile-on-signal="))?.split("=")[1];
if (profileDir) profileOnSignal(profileDir);
// A deep listen queue: a thousand participants connecting at once must wait, not be dropped
// (Node's default of 511 lost SYNs in a burst, and a dropped SYN costs a second's retry).
server.http.listen({ port: Number(port), host: "127.0.0.1", backlog: 4096 }, () =>
  process.stdout.write("READY\n"),
);
process.on("SIGTERM", () => {
  void server
    .close()
    .then(() => db.$disconnect())
    .finally(() => process.exit(0));
});
