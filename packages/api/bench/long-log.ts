// Long-log benchmark (not a test): on an exercise of 40,000 events, how long each review
// request holds the server's event loop, measured with monitorEventLoopDelay (max and p99) in
// the server's own process, requests sent over real HTTP on loopback one at a time.
// Beside each figure, a peer measured in the same run: the old way's first step alone — the
// whole log read in one go, as every one of these requests did before issue 21.
//   pnpm bench:long-log [events=40000]
import { mkdtempSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import type { ExportedExercise } from "@chokepoint/contracts";
import { migrateDeploy, openDatabase, readLog } from "@chokepoint/db";
import { ScenarioCatalog } from "../src/scenario-catalog.ts";
import { createAppServer } from "../src/server/create-app-server.ts";

const EVENTS = Number(process.argv[2] ?? 40_000);

const url = `file:${join(mkdtempSync(join(tmpdir(), "chokepoint-long-log-")), "bench.db")}`;
migrateDeploy(url);
const db = await openDatabase(url);
const server = createAppServer({ db, catalog: ScenarioCatalog.builtIn() });
await new Promise<void>((r) => server.http.listen(0, "127.0.0.1", r));
const base = `http://127.0.0.1:${(server.http.address() as AddressInfo).port}`;

async function call(path: string, token?: string, body?: unknown): Promise<Response> {
  return fetch(`${base}/api/trpc/${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: {
      "content-type": "application/json",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
  });
}
async function data<T>(r: Response): Promise<T> {
  const j = (await r.json()) as { result?: { data: T }; error?: unknown };
  if (!j.result) throw new Error(JSON.stringify(j.error).slice(0, 500));
  return j.result.data;
}

// A live exercise, one lock, exported; its lock repeated to EVENTS events and imported.
const svc = server.service;
const created = await svc.createExercise({
  scenarioId: "rare-earth-2010",
  seed: 1,
  facilitatorName: "F",
  teams: ["meti", "jogmec"],
});
const p = await svc.join({ joinCode: created.joinCode, displayName: "P", team: "meti" });
await svc.execute("control", created.token, { action: "start" });
await svc.execute("lock", p.token, { turn: 0, actions: [] });
const file = await data<ExportedExercise>(await call("review.exportJson", created.token));
const lock = file.events.find((e) => e.event.type === "decisions_locked");
if (!lock) throw new Error("no lock");
const before = file.events.slice(0, file.events.indexOf(lock));
const events = [...before, ...Array.from({ length: EVENTS }, () => ({ ...lock }))].map((e, i) => ({
  ...e,
  seq: i + 1,
}));
console.log(`importing an exercise of ${events.length} events…`);
const imported = await data<{ sessionId: string; token: string }>(
  await call("review.importJson", undefined, {
    facilitatorName: "Imp",
    exercise: { ...file, events },
  }),
);
const token = imported.token;

async function measure(label: string, run: () => Promise<unknown>): Promise<void> {
  const h = monitorEventLoopDelay({ resolution: 5 });
  h.enable();
  // The histogram records from its second sample on: let it take one before the request.
  await new Promise((res) => setTimeout(res, 20));
  const t0 = performance.now();
  const r = await run();
  const ms = performance.now() - t0;
  // One more turn of the loop, so that a block at the very end is sampled too.
  await new Promise((res) => setTimeout(res, 20));
  h.disable();
  const status =
    r instanceof Response ? ` ${r.status}` : typeof r === "object" ? ` ${JSON.stringify(r)}` : "";
  if (r instanceof Response) await r.arrayBuffer();
  console.log(
    `${label.padEnd(48)} loop max ${(h.max / 1e6).toFixed(0).padStart(5)} ms  p99 ${(h.percentile(99) / 1e6).toFixed(0).padStart(5)} ms  took ${ms.toFixed(0).padStart(6)} ms${status}`,
  );
}

console.log(`\nOn one exercise of ${events.length} events (server event loop while answering):`);
await measure("peer: the whole log in one read (before)", () =>
  readLog(db, imported.sessionId).then((l) => l.length),
);
await measure("review.timeline", () => call("review.timeline", token));
await measure("review.exportJson", () => call("review.exportJson", token));
await measure("review.exportCsv", () => call("review.exportCsv", token));
const mc = `review.monteCarlo?input=${encodeURIComponent(JSON.stringify({ runs: 20 }))}`;
await measure("review.monteCarlo, 20 runs (uncached)", () => call(mc, token));
await measure("review.monteCarlo, the same again (cached)", () => call(mc, token));
/** Sends `n` calls at once; each answer's body is read as it arrives; the statuses counted. */
async function many(n: number, path: string): Promise<Record<number, number>> {
  const by: Record<number, number> = {};
  await Promise.all(
    Array.from({ length: n }, async () => {
      const r = await call(path, token);
      by[r.status] = (by[r.status] ?? 0) + 1;
      await r.arrayBuffer();
    }),
  );
  return by;
}
await measure("20 cached monteCarlo at once", () => many(20, mc));
await measure("review.fork at turn 0", () => call("review.fork", token, { atTurn: 0 }));
server.service.runner.forget(imported.sessionId);
await measure("refold after eviction (exercise.view)", () => call("exercise.view", token));
const rss0 = process.memoryUsage().rss;
await measure("60 exportJson at once", () => many(60, "review.exportJson"));
console.log(
  `  (rss ${(rss0 / 2 ** 20).toFixed(0)} MB before, ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB after)`,
);
const malformed = `{"facilitatorName":"x","exercise":{"log":[${Array.from({ length: 1_000_000 }, () => "[1,2,3]").join(",")}]}}`;
await measure("8 MB malformed import, no passcode", () =>
  call("review.importJson", undefined, malformed),
);
await measure("peer: JSON.parse of that body alone", async () => {
  JSON.parse(malformed);
});
const exported = await data<ExportedExercise>(await call("review.exportJson", token));
await measure("peer: JSON.stringify of the export alone", async () => {
  JSON.stringify(exported);
});

await server.close();
process.exit(0);
