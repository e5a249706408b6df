// Seminar debrief benchmark (not a test): how soon after the end the cross-table debrief of a
// seminar is ready, and how long it holds the server's event loop (monitorEventLoopDelay, in
// the server's own process), requests over real HTTP on loopback. Beside it, a peer measured in
// the same run: one ordinary exercise's review (timeline, then Monte Carlo bands), played alike.
//   pnpm --filter @chokepoint/api bench:seminar-debrief [tables=20] [turns=24]
import { mkdtempSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { migrateDeploy, openDatabase } from "@chokepoint/db";
import { ScenarioCatalog } from "../src/scenario-catalog.ts";
import { createAppServer } from "../src/server/create-app-server.ts";
import type { ExerciseService } from "../src/service/exercise-service.ts";

const TABLES = Number(process.argv[2] ?? 20);
const TURNS = Number(process.argv[3] ?? 24);

const url = `file:${join(mkdtempSync(join(tmpdir(), "chokepoint-debrief-bench-")), "bench.db")}`;
migrateDeploy(url);
const db = await openDatabase(url);
const server = createAppServer({ db, catalog: ScenarioCatalog.builtIn() });
await new Promise<void>((r) => server.http.listen(0, "127.0.0.1", r));
const base = `http://127.0.0.1:${(server.http.address() as AddressInfo).port}`;
const svc: ExerciseService = server.service;

async function get<T>(path: string, token: string, input?: unknown): Promise<T> {
  const q = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  const r = await fetch(`${base}/api/trpc/${path}${q}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const j = (await r.json()) as { result?: { data: T }; error?: unknown };
  if (!j.result) throw new Error(`${path}: ${JSON.stringify(j.error).slice(0, 400)}`);
  return j.result.data;
}

/** Plays one table: JOGMEC buys dysprosium in a turn of its own (`k`), METI does nothing. */
async function play(facilitatorToken: string, k: number) {
  const joinCode = (await svc.view(facilitatorToken)).session.joinCode ?? "";
  const meti = await svc.join({ joinCode, displayName: "M", team: "meti" });
  const jogmec = await svc.join({ joinCode, displayName: "J", team: "jogmec" });
  await svc.execute("control", facilitatorToken, { action: "start" });
  for (let turn = 0; turn < TURNS; turn++) {
    await svc.execute("lock", meti.token, { turn, actions: [] });
    await svc.execute("lock", jogmec.token, {
      turn,
      actions: turn === k % TURNS ? [{ op: "buy", lever: "jogmec_dy_stockpile", tonnes: 20 }] : [],
    });
  }
}

/**
 * Wall time, the process's CPU time (on a shared machine a long event-loop delay with little CPU
 * is the scheduler's, not ours) and the event loop's delay while the request ran.
 */
async function timed<T>(what: () => Promise<T>) {
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await what();
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  loop.disable();
  const cpuMs = (cpu.user + cpu.system) / 1000;
  return { value, ms, cpuMs, loopMax: loop.max / 1e6, loopP99: loop.percentile(99) / 1e6 };
}
const fmt = (x: { ms: number; cpuMs: number; loopMax: number; loopP99: number }) =>
  `${(x.ms / 1000).toFixed(2)} s wall, ${(x.cpuMs / 1000).toFixed(2)} s CPU of the process, Monte Carlo workers included (event loop: max ${x.loopMax.toFixed(0)} ms, p99 ${x.loopP99.toFixed(0)} ms)`;

console.log(`Playing a seminar of ${TABLES} tables × ${TURNS} turns, and one peer exercise…`);
const seminar = await server.seminar.create({
  title: "Bench",
  facilitatorName: "F",
  template: {
    scenarioId: "rare-earth-2010",
    teams: ["meti", "jogmec"],
    seeds: { policy: "same", seed: 2010 },
    labels: "numbers",
    assignment: "pick",
  },
  tables: TABLES,
});
const tables = await server.seminar.tables(seminar.seminarId, seminar.secret);
for (const [i, t] of tables.entries()) await play(t.facilitatorToken, i);
const peer = await svc.createExercise({
  scenarioId: "rare-earth-2010",
  seed: 2010,
  facilitatorName: "F",
  teams: ["meti", "jogmec"],
});
await play(peer.token, 0);

const peerTimeline = await timed(() => get("review.timeline", peer.token));
const peerBands = await timed(() => get("review.monteCarlo", peer.token, { runs: 200 }));
const input = { seminarId: seminar.seminarId };
const cold = await timed(() =>
  get<{ divergence: { turn: number | null } | null }>("seminar.debrief", seminar.secret, input),
);
const warm = await timed(() => get("seminar.debrief", seminar.secret, input));
const xlsx = await timed(() =>
  get<{ base64: string }>("seminar.exportXlsx", seminar.secret, { ...input, lang: "ja" }),
);
console.log(
  [
    `Machine shared with other sessions: figures are noisy; compare within this run.`,
    `peer, one exercise (${TURNS} turns): review.timeline ${fmt(peerTimeline)}`,
    `peer, one exercise: review.monteCarlo 200 runs ${fmt(peerBands)}`,
    `seminar.debrief, ${TABLES} tables, first ask (every table's Monte Carlo): ${fmt(cold)}`,
    `seminar.debrief again (bands cached): ${fmt(warm)}`,
    `seminar.exportXlsx (ja): ${fmt(xlsx)}, ${Math.round((xlsx.value.base64.length * 3) / 4 / 1024)} KB`,
    `divergence turn found: ${cold.value.divergence?.turn ?? "none"} (0-based)`,
  ].join("\n"),
);
await server.close();
await db.$disconnect();
