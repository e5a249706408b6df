// Load benchmark (not a test): N socket.io clients on loopback across M exercises, against real
// server processes. Prints, each as p50/p99:
// - push latency: from the server emitting a turn's view to each client receiving it;
// - advance → view: from a facilitator's advance call to each client holding the new turn,
//   with all facilitators advancing at once (burst) and spread over 5 s (staggered);
// - quiet play, decision round trip: lock sent → acknowledged after the durable write, each
//   exercise's locks one after another (50 in flight at once);
// - lock burst: every participant but the last team's locks at the same instant (turn 1),
//   lock sent → acknowledged;
// and beside each, the server's own event-loop delay during that phase (`/bench/loop-delay`).
// All are end to end: from the client's send to its answer or view. The clients run in
// LOAD_CLIENT_PROCESSES child processes (default 2, bench/load-clients.ts), each printing its
// own event-loop delay beside the server's; each server is a child process on the same machine
// (they all share its cores). The one-process SQLite load runs twice in the same run: with this
// round's changes off (`before`: the code as it was) and on (`current`); LOAD_EARLIER=1 adds the
// previous round's changes off as well, LOAD_EARLIEST=1 the round before's, and
// LOAD_PREVIOUS_WRITE_PATH=1 the write path before prepared statements and pipelining.
// Figures side by side.
// LOAD_PROFILE=<dir> writes a CPU profile of each server (and of each client process, in
// <dir>/clients) covering the measured part only; with LOAD_PROFILE_PHASE=<phase> (lockBurst,
// roundTrip, burst, staggered) the first run of that phase alone.
//   pnpm bench:load [sessions=50] [participantsPerSession=20] [turns=4]
//     one server process on a fresh SQLite file.
//   pnpm bench:load multi [sessions=100] [participantsPerSession=20] [turns=4]
//     the same load twice in one run: one process on SQLite, then two processes on PostgreSQL
//     (a throwaway cluster) behind HAProxy with apps/web/deploy/haproxy.cfg, every call routed
//     by the exercise id; the figures side by side.
import { type ChildProcess, fork } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startMultiProcessStack, startServer } from "../test/multi-process-stack.ts";
import type { FromClients, LoopDelay, ToClients } from "./load-clients.ts";

const args = process.argv.slice(2);
const multi = args[0] === "multi";
const [sessionsArg, perArg, turnsArg] = multi ? args.slice(1) : args;
const SESSIONS = Number(sessionsArg ?? (multi ? 100 : 50));
const PER = Number(perArg ?? 20);
const TURNS = Number(turnsArg ?? 4);
/** Client processes the participants are spread over (LOAD_CLIENT_PROCESSES, default 2). */
const CLIENT_PROCESSES = Math.max(1, Number(process.env.LOAD_CLIENT_PROCESSES ?? 2));

const pct = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] ?? Number.NaN;
};

interface Figures {
  push: number[];
  burst: number[];
  staggered: number[];
  roundTrip: number[];
  lockBurst: number[];
  /** Lock phases as the web sees them: lock sent → the locker's view at the receipt's version. */
  roundTripViewed: number[];
  lockBurstViewed: number[];
  /** Exercises per answering process (X-Chokepoint-Node), when known. */
  owners: Record<string, number>;
  /** The servers' event-loop delay during each phase (worst process, worst turn). */
  loop: Record<Phase, LoopDelay>;
  /**
   * The client processes' own event-loop delay during each phase (worst process, worst turn):
   * the clients share the machine's cores with the server, and an answer that waits in a
   * client is not the server's time.
   */
  clientLoop: Record<Phase, LoopDelay>;
}

type Phase = "lockBurst" | "roundTrip" | "burst" | "staggered";

/** Each server's event-loop delay since the last ask (serve-api-only's /bench/loop-delay), worst of them. */
async function loopDelay(servers: string[]): Promise<LoopDelay> {
  const all = await Promise.all(
    servers.map(async (u) => (await (await fetch(`${u}/bench/loop-delay`)).json()) as LoopDelay),
  );
  return worst(all);
}

const worst = (all: LoopDelay[]): LoopDelay => ({
  p50: Math.max(0, ...all.map((d) => d.p50)),
  p99: Math.max(0, ...all.map((d) => d.p99)),
  max: Math.max(0, ...all.map((d) => d.max)),
});

/** The client processes (bench/load-clients.ts), each holding a share of the exercises. */
function clientProcesses(n: number) {
  const children: ChildProcess[] = [];
  for (let i = 0; i < n; i++) {
    const c = fork(fileURLToPath(new URL("./load-clients.ts", import.meta.url)));
    c.on("exit", (code) => {
      if (code === 0) return;
      console.error(`client process ${i} failed (exit ${code})`);
      process.exit(1);
    });
    children.push(c);
  }
  /** Sends each child its message at the same moment and waits for every answer. */
  const ask = (messages: ToClients[]) =>
    Promise.all(
      children.map(
        (c, i) =>
          new Promise<FromClients>((resolve) => {
            c.once("message", (m: FromClients) => resolve(m));
            c.send(messages[i] ?? (messages[0] as ToClients));
          }),
      ),
    );
  const close = () => {
    for (const c of children) c.send({ kind: "close" } satisfies ToClients);
  };
  /** LOAD_PROFILE: starts, then writes, each client process's CPU profile. */
  const signalProfile = () => {
    if (process.env.LOAD_PROFILE) for (const c of children) c.kill("SIGUSR2");
  };
  return { ask, close, signalProfile };
}

/** The load against one entry point (a server, or the balancer in front of several). */
async function runLoad(
  base: string,
  label: string,
  /** The server processes themselves (not the balancer), asked for their event-loop delay. */
  servers: string[],
  measuring: (on: boolean) => void = () => {},
): Promise<Figures> {
  console.log(
    `${label}: setting up ${SESSIONS} exercises × ${PER} participants = ${SESSIONS * PER} socket.io clients in ${CLIENT_PROCESSES} client process(es)…`,
  );
  const clients = clientProcesses(CLIENT_PROCESSES);
  const share = Math.ceil(SESSIONS / CLIENT_PROCESSES);
  const ready = await clients.ask(
    Array.from({ length: CLIENT_PROCESSES }, (_, i) => ({
      kind: "setup" as const,
      base,
      first: i * share,
      count: Math.max(0, Math.min(share, SESSIONS - i * share)),
      per: PER,
    })),
  );
  const owners: Record<string, number> = {};
  for (const r of ready)
    if (r.kind === "ready")
      for (const [n, c] of Object.entries(r.owners)) owners[n] = (owners[n] ?? 0) + c;

  const none = () => ({ p50: 0, p99: 0, max: 0 });
  const f: Figures = {
    push: [],
    burst: [],
    staggered: [],
    roundTrip: [],
    lockBurst: [],
    roundTripViewed: [],
    lockBurstViewed: [],
    owners,
    loop: { lockBurst: none(), roundTrip: none(), burst: none(), staggered: none() },
    clientLoop: { lockBurst: none(), roundTrip: none(), burst: none(), staggered: none() },
  };
  // LOAD_PROFILE_PHASE=<phase>: the profiles cover the first run of that phase alone (e.g.
  // lockBurst), not the gaps and the other phases around it.
  const onlyPhase = process.env.LOAD_PROFILE_PHASE as Phase | undefined;
  let profiled = false;
  /** Runs one phase in every client process; keeps its times and the worst loop delays. */
  const phase = async (name: Phase, m: ToClients, times: number[], viewed: number[] = []) => {
    const profiling = onlyPhase === name && !profiled;
    if (profiling) {
      measuring(true);
      clients.signalProfile();
      // Starting the inspector's profiler held a server's loop about 0.7 s: let it start
      // before the phase, so the profile (and the phase's figures) do not include it.
      await new Promise((r) => setTimeout(r, 3000));
      await loopDelay(servers);
    }
    const answers = await clients.ask([m]);
    if (profiling) {
      profiled = true;
      measuring(false);
      clients.signalProfile();
    }
    const d = await loopDelay(servers);
    f.loop[name] = worst([f.loop[name], d]);
    for (const a of answers) {
      if (a.kind !== "done") continue;
      times.push(...a.times);
      viewed.push(...a.viewed);
      f.push.push(...a.push);
      f.clientLoop[name] = worst([f.clientLoop[name], a.loop]);
    }
  };
  if (!onlyPhase) {
    measuring(true);
    clients.signalProfile();
  }
  await loopDelay(servers);
  await phase("lockBurst", { kind: "lockBurst" }, f.lockBurst, f.lockBurstViewed);
  for (let turn = 0; turn < TURNS; turn++) {
    await phase("roundTrip", { kind: "roundTrip", turn }, f.roundTrip, f.roundTripViewed);
    // Odd turns: every facilitator advances at the same instant (worst case). Even turns: spread over 5 s.
    const together = turn % 2 === 0;
    await phase(
      together ? "burst" : "staggered",
      { kind: "advance", turn, together },
      together ? f.burst : f.staggered,
    );
    console.log(
      `${label}: turn ${turn + 1}/${TURNS} resolved in all ${SESSIONS} exercises (${together ? "all advanced at once" : "advances spread over 5 s"})`,
    );
  }
  if (!onlyPhase) {
    measuring(false);
    clients.signalProfile();
  }
  // Give a client's profile being written time to land before the process goes.
  if (process.env.LOAD_PROFILE) await new Promise((r) => setTimeout(r, 3000));
  clients.close();
  return f;
}

const line = (name: string, xs: number[], loop?: LoopDelay, client?: LoopDelay) =>
  `${name}: p50 ${pct(xs, 0.5).toFixed(1)} ms, p99 ${pct(xs, 0.99).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms (${xs.length})${loop ? `\n    server event-loop delay meanwhile: p50 ${loop.p50} ms, p99 ${loop.p99} ms, max ${loop.max} ms` : ""}${client ? `\n    client event-loop delay meanwhile: p50 ${client.p50} ms, p99 ${client.p99} ms, max ${client.max} ms` : ""}`;

function report(title: string, f: Figures): void {
  console.log(`\n${title}`);
  console.log(
    `${line("push latency (server emit → client has the view)", f.push)}  target p99 < 150 ms: ${pct(f.push, 0.99) < 150 ? "met" : "NOT met"}`,
  );
  console.log(
    `${line(`advance → view, all ${SESSIONS} facilitators at once`, f.burst, f.loop.burst, f.clientLoop.burst)}  target p99 < 300 ms: ${pct(f.burst, 0.99) < 300 ? "met" : "NOT met"}`,
  );
  console.log(
    line(
      "advance → view, advances spread over 5 s",
      f.staggered,
      f.loop.staggered,
      f.clientLoop.staggered,
    ),
  );
  console.log(
    `${line("quiet play: decision round trip (lock → durable ack)", f.roundTrip, f.loop.roundTrip, f.clientLoop.roundTrip)}  target p99 < 100 ms: ${pct(f.roundTrip, 0.99) < 100 ? "met" : "NOT met"}`,
  );
  console.log(
    `${line("lock burst, everyone at once (lock → durable ack)", f.lockBurst, f.loop.lockBurst, f.clientLoop.lockBurst)}  target p99 < 500 ms: ${pct(f.lockBurst, 0.99) < 500 ? "met" : "NOT met"}`,
  );
  // What the person sees: the web shows the lock once its view reaches the receipt's version.
  console.log(line("quiet play: lock → the locker's view shows it", f.roundTripViewed));
  console.log(line("lock burst: lock → the locker's view shows it", f.lockBurstViewed));
}

/**
 * The server's variants compared in one run:
 * - `current`: everything on;
 * - `before` (`--tail-read-per-command`): this round's changes off — each command reads the
 *   log's tail before it is decided;
 * - `earlier` (LOAD_EARLIER=1): also the previous round's off (`--whole-views`: each command
 *   answered with the caller's whole view, pushes carrying the scenario);
 * - `earliest` (LOAD_EARLIEST=1): also the round before's burst work off (pushes every loop
 *   turn, every call through tRPC's fetch adapter);
 * - `previous-write-path` (LOAD_PREVIOUS_WRITE_PATH=1): also the write path before prepared
 *   statements and pipelining (the log through Prisma, one commit at a time per exercise).
 */
type Variant = "current" | "before" | "earlier" | "earliest" | "previous-write-path";
const BEFORE_FLAGS = ["--tail-read-per-command", "--push-defer-ms=0"];
const EARLIER_FLAGS = [...BEFORE_FLAGS, "--whole-views"];
const EARLIEST_FLAGS = [...EARLIER_FLAGS, "--push-every-ms=0", "--no-direct-mutations"];
const VARIANT_ARGS: Record<Variant, string[]> = {
  current: [],
  before: BEFORE_FLAGS,
  earlier: EARLIER_FLAGS,
  earliest: EARLIEST_FLAGS,
  "previous-write-path": [...EARLIEST_FLAGS, "--previous-write-path"],
};
const VARIANT_TITLE: Record<Variant, string> = {
  current:
    "current code (no tail read per command, a push waits up to 150 ms for its exercise's unanswered commands, commands answer a receipt, pushes without the scenario, push window 50 ms, mutations straight to tRPC procedures, prepared statements, pipelined group commit)",
  before: `this round's changes off (${BEFORE_FLAGS.join(" ")}): the code as it was before them`,
  earlier: `the previous round's changes off as well (${EARLIER_FLAGS.join(" ")})`,
  earliest: `the round before's burst changes off as well (${EARLIEST_FLAGS.join(" ")})`,
  "previous-write-path":
    "previous write path as well (Prisma log, one commit at a time per exercise)",
};

async function sqliteLoad(variant: Variant): Promise<Figures> {
  const sqliteUrl = `file:${join(mkdtempSync(join(tmpdir(), "chokepoint-load-")), "load.db")}`;
  const profileDir = process.env.LOAD_PROFILE;
  const single = await startServer("sqlite", sqliteUrl, {
    serverArgs: [
      ...VARIANT_ARGS[variant],
      ...(profileDir ? [`--profile-on-signal=${profileDir}`] : []),
    ],
  });
  try {
    return await runLoad(single.url, `one process, SQLite, ${variant}`, [single.url], (on) => {
      if (profileDir && (on || single.process.exitCode === null)) single.process.kill("SIGUSR2");
    });
  } finally {
    // Give a profile being written time to land before the process goes.
    if (profileDir) await new Promise((r) => setTimeout(r, 3000));
    single.process.kill("SIGTERM");
  }
}
console.log(
  `The clients (${SESSIONS * PER} socket.io clients and their HTTP calls) run in ${CLIENT_PROCESSES} child process(es) (LOAD_CLIENT_PROCESSES), each server in its own child process, on the same machine. Load average at start: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(", ")} on ${cpus().length} cores.`,
);
// LOAD_SKIP_PREVIOUS=1 measures the current code only (while iterating on it).
const variants: Variant[] = [
  ...(process.env.LOAD_PREVIOUS_WRITE_PATH ? (["previous-write-path"] as const) : []),
  ...(process.env.LOAD_EARLIEST ? (["earliest"] as const) : []),
  ...(process.env.LOAD_EARLIER ? (["earlier"] as const) : []),
  ...(process.env.LOAD_SKIP_PREVIOUS ? [] : (["before"] as const)),
  "current",
];
const figures = new Map<Variant, Figures>();
for (const v of variants) figures.set(v, await sqliteLoad(v));
const one = figures.get("current") as Figures;
const shape = `${SESSIONS * PER} participants in ${SESSIONS} exercises, ${TURNS} turns (2-core machine shared with other work: absolute figures are noisy, compare within a run)`;
for (const [v, f] of figures)
  report(`${shape}, one server process on SQLite, ${VARIANT_TITLE[v]}`, f);
console.log(
  `\nLoad average at the end: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(", ")}`,
);

/**
 * Two processes on PostgreSQL behind HAProxy. `before`: this round's changes off
 * (`--tail-read-per-command`); `previous`: also `--previous-pg-path` (before PgLog and presence).
 */
async function postgresLoad(pgVariant: "current" | "before" | "previous"): Promise<Figures> {
  const previous = pgVariant === "previous";
  // fsync on, as SQLite's synchronous=FULL is: both acknowledge only flushed writes.
  const profileDir = process.env.LOAD_PROFILE;
  const stack = await startMultiProcessStack({
    fsync: true,
    serverArgs: [
      ...(pgVariant !== "current" ? BEFORE_FLAGS : []),
      ...(previous ? ["--previous-pg-path"] : []),
      ...(profileDir ? [`--profile-on-signal=${profileDir}`] : []),
    ],
  });
  const label = `two processes, PostgreSQL + HAProxy${{ current: "", before: `, this round's changes off (${BEFORE_FLAGS.join(" ")})`, previous: ", previous PostgreSQL path" }[pgVariant]}`;
  try {
    const two = await runLoad(
      stack.url,
      label,
      stack.nodes.map((n) => n.url),
      () => {
        if (profileDir) for (const n of stack.nodes) n.process.kill("SIGUSR2");
      },
    );
    if (profileDir) await new Promise((r) => setTimeout(r, 3000));
    const split = Object.entries(two.owners)
      .map(([n, c]) => `${n} ${c}`)
      .join(", ");
    report(
      `${shape}, ${label} (${previous ? "--previous-pg-path: the log through Prisma's interactive transactions, every push sent to every process" : "PgLog's one-statement group commit, pushes cross only where listened"}; exercises per process: ${split})`,
      two,
    );
    return two;
  } catch (e) {
    console.error(`HAProxy said:\n${stack.balancerLog()}`);
    for (const n of stack.nodes) console.error(`${n.name} said:\n${n.log().slice(-3000)}`);
    throw e;
  } finally {
    await stack.stop();
  }
}

if (multi) {
  // LOAD_PG_PREVIOUS=1 also runs PostgreSQL's previous path first, in the same run.
  const runs: [string, Figures][] = [["SQLite, one process", one]];
  if (process.env.LOAD_PG_PREVIOUS)
    runs.push(["PostgreSQL ×2, previous", await postgresLoad("previous")]);
  // LOAD_PG_BEFORE=1: this round's changes off on PostgreSQL too.
  if (process.env.LOAD_PG_BEFORE)
    runs.push(["PostgreSQL ×2, before", await postgresLoad("before")]);
  runs.push(["PostgreSQL ×2, current", await postgresLoad("current")]);
  console.log(
    `\np99 (p50) in ms, same run (load average now ${loadavg()
      .map((l) => l.toFixed(1))
      .join(", ")}):`,
  );
  const cell = (xs: number[]) =>
    `${pct(xs, 0.99).toFixed(0)} (${pct(xs, 0.5).toFixed(0)})`.padStart(16);
  console.log(`  ${"".padEnd(26)}${runs.map(([n]) => n.padStart(26)).join("")}`);
  for (const [name, key] of [
    ["lock burst: lock → ack", "lockBurst"],
    ["lock burst: lock → view", "lockBurstViewed"],
    ["quiet play: lock → ack", "roundTrip"],
    ["quiet play: lock → view", "roundTripViewed"],
    ["advance burst → view", "burst"],
    ["advances spread → view", "staggered"],
    ["push (emit → client)", "push"],
  ] as const)
    console.log(`  ${name.padEnd(26)}${runs.map(([, f]) => cell(f[key]).padStart(26)).join("")}`);
}
process.exit(0);
