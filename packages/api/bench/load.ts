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
// All are end to end: from the client's send to its answer or view. The client is this
// process; each server is a child process on the same machine (they share its cores).
// The one-process SQLite load runs twice in the same run: with this round's burst changes off
// (`before`: the code as it was) and on (`current`); LOAD_PREVIOUS_WRITE_PATH=1 adds a third
// run on the write path before prepared statements and pipelining. Figures side by side.
// LOAD_PROFILE=<dir> writes a CPU profile of each server covering the measured part only.
//   pnpm bench:load [sessions=50] [participantsPerSession=20] [turns=4]
//     one server process on a fresh SQLite file.
//   pnpm bench:load multi [sessions=100] [participantsPerSession=20] [turns=4]
//     the same load twice in one run: one process on SQLite, then two processes on PostgreSQL
//     (a throwaway cluster) behind HAProxy with apps/web/deploy/haproxy.cfg, every call routed
//     by the exercise id; the figures side by side.
import { mkdtempSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { createTRPCClient, httpLink } from "@trpc/client";
import { io, type Socket } from "socket.io-client";
import type { AppRouter } from "../src/router/root.ts";
import { startMultiProcessStack, startServer } from "../test/multi-process-stack.ts";

const args = process.argv.slice(2);
const multi = args[0] === "multi";
const [sessionsArg, perArg, turnsArg] = multi ? args.slice(1) : args;
const SESSIONS = Number(sessionsArg ?? (multi ? 100 : 50));
const PER = Number(perArg ?? 20);
const TURNS = Number(turnsArg ?? 4);
const TEAMS = ["meti", "jogmec", "magnet_maker", "automaker", "trading_house"];

const pct = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] ?? Number.NaN;
};

interface Member {
  token: string;
  team: string;
  socket: Socket;
  turn: number;
  onTurn?: (turn: number, at: number, sentAt: number) => void;
}

interface Figures {
  push: number[];
  burst: number[];
  staggered: number[];
  roundTrip: number[];
  lockBurst: number[];
  /** Exercises per answering process (X-Chokepoint-Node), when known. */
  owners: Record<string, number>;
  /** The servers' event-loop delay during each phase (worst process, worst turn). */
  loop: Record<Phase, LoopDelay>;
}

type Phase = "lockBurst" | "roundTrip" | "burst" | "staggered";
interface LoopDelay {
  p50: number;
  p99: number;
  max: number;
}

/** Each server's event-loop delay since the last ask (serve-api-only's /bench/loop-delay), worst of them. */
async function loopDelay(servers: string[]): Promise<LoopDelay> {
  const all = await Promise.all(
    servers.map(async (u) => (await (await fetch(`${u}/bench/loop-delay`)).json()) as LoopDelay),
  );
  return {
    p50: Math.max(...all.map((d) => d.p50)),
    p99: Math.max(...all.map((d) => d.p99)),
    max: Math.max(...all.map((d) => d.max)),
  };
}

/** The load against one entry point (a server, or the balancer in front of several). */
async function runLoad(
  base: string,
  label: string,
  /** The server processes themselves (not the balancer), asked for their event-loop delay. */
  servers: string[],
  measuring: (on: boolean) => void = () => {},
): Promise<Figures> {
  // Every call carries the exercise id, as the web app's do, so a balancer routes it.
  const client = (exerciseId: string | null, token?: string) =>
    createTRPCClient<AppRouter>({
      links: [
        httpLink({
          url: `${base}/api/trpc`,
          headers: () => ({
            ...(token ? { authorization: `Bearer ${token}` } : {}),
            ...(exerciseId ? { "x-exercise-id": exerciseId } : {}),
          }),
        }),
      ],
    });
  const sessions: { id: string; facilitator: string; members: Member[] }[] = [];
  const owners: Record<string, number> = {};
  console.log(
    `${label}: setting up ${SESSIONS} exercises × ${PER} participants = ${SESSIONS * PER} socket.io clients…`,
  );
  for (let s = 0; s < SESSIONS; s++) {
    const { sessionId, joinCode, token } = await client(null).exercise.create.mutate({
      scenarioId: "rare-earth-2010",
      seed: s,
      facilitatorName: `F${s}`,
    });
    const owner = (
      await fetch(`${base}/healthz`, { headers: { "x-exercise-id": sessionId } })
    ).headers.get("x-chokepoint-node");
    if (owner) owners[owner] = (owners[owner] ?? 0) + 1;
    const members: Member[] = [];
    for (let p = 0; p < PER; p++) {
      const team = TEAMS[p % TEAMS.length] as string;
      const j = await client(sessionId).exercise.join.mutate({
        joinCode,
        displayName: `P${s}-${p}`,
        team,
      });
      const socket = io(base, {
        path: "/socket.io",
        transports: ["websocket"],
        query: { ex: sessionId },
        forceNew: true,
      });
      const m: Member = { token: j.token, team, socket, turn: 0 };
      socket.on("push", (p: { view: { session: { turn: number } }; sentAt: number }) => {
        if (p.view.session.turn > m.turn) {
          m.turn = p.view.session.turn;
          m.onTurn?.(p.view.session.turn, performance.now(), p.sentAt - performance.timeOrigin);
        }
      });
      await socket.emitWithAck("subscribe", { token: j.token });
      members.push(m);
    }
    await client(sessionId, token).facilitator.control.mutate({ action: "start" });
    sessions.push({ id: sessionId, facilitator: token, members });
  }

  const none = () => ({ p50: 0, p99: 0, max: 0 });
  const f: Figures = {
    push: [],
    burst: [],
    staggered: [],
    roundTrip: [],
    lockBurst: [],
    owners,
    loop: { lockBurst: none(), roundTrip: none(), burst: none(), staggered: none() },
  };
  /** Keeps the worst event-loop delay the servers saw during `phase` (since the last call). */
  const loopDuring = async (phase: Phase) => {
    const d = await loopDelay(servers);
    const w = f.loop[phase];
    f.loop[phase] = {
      p50: Math.max(w.p50, d.p50),
      p99: Math.max(w.p99, d.p99),
      max: Math.max(w.max, d.max),
    };
  };
  measuring(true);
  await loopDelay(servers);
  // Everyone but the last team's members locks turn 0 at once (the turn stays open).
  const last = TEAMS[TEAMS.length - 1];
  await Promise.all(
    sessions.flatMap((s) =>
      s.members
        .filter((m) => m.team !== last)
        .map(async (m) => {
          const t0 = performance.now();
          await client(s.id, m.token).exercise.lock.mutate({ turn: 0, actions: [] });
          f.lockBurst.push(performance.now() - t0);
        }),
    ),
  );
  await loopDuring("lockBurst");
  for (let turn = 0; turn < TURNS; turn++) {
    // Every team but one locks (one member per team), timing each decision's round trip.
    await Promise.all(
      sessions.map(async (s) => {
        const lockers = TEAMS.map((t) => s.members.find((m) => m.team === t))
          .filter((m): m is Member => !!m)
          .slice(0, TEAMS.length - 1);
        for (const m of lockers) {
          const t0 = performance.now();
          await client(s.id, m.token).exercise.lock.mutate({ turn, actions: [] });
          f.roundTrip.push(performance.now() - t0);
        }
      }),
    );
    await loopDuring("roundTrip");
    // Odd turns: every facilitator advances at the same instant (worst case). Even turns: spread over 5 s.
    const together = turn % 2 === 0;
    await Promise.all(
      sessions.map(async (s) => {
        if (!together) await new Promise((r) => setTimeout(r, Math.random() * 5000));
        const arrivals = s.members.map(
          (m) =>
            new Promise<[number, number]>(
              (resolve) => (m.onTurn = (t, at, sentAt) => t === turn + 1 && resolve([at, sentAt])),
            ),
        );
        const t0 = performance.now();
        await client(s.id, s.facilitator).facilitator.advance.mutate({ turn });
        for (const [at, sentAt] of await Promise.all(arrivals)) {
          (together ? f.burst : f.staggered).push(at - t0);
          f.push.push(at - sentAt);
        }
      }),
    );
    await loopDuring(together ? "burst" : "staggered");
    console.log(
      `${label}: turn ${turn + 1}/${TURNS} resolved in all ${SESSIONS} exercises (${together ? "all advanced at once" : "advances spread over 5 s"})`,
    );
  }
  measuring(false);
  for (const s of sessions) for (const m of s.members) m.socket.close();
  return f;
}

const line = (name: string, xs: number[], loop?: LoopDelay) =>
  `${name}: p50 ${pct(xs, 0.5).toFixed(1)} ms, p99 ${pct(xs, 0.99).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms (${xs.length})${loop ? `\n    server event-loop delay meanwhile: p50 ${loop.p50} ms, p99 ${loop.p99} ms, max ${loop.max} ms` : ""}`;

function report(title: string, f: Figures): void {
  console.log(`\n${title}`);
  console.log(
    `${line("push latency (server emit → client has the view)", f.push)}  target p99 < 150 ms: ${pct(f.push, 0.99) < 150 ? "met" : "NOT met"}`,
  );
  console.log(
    `${line(`advance → view, all ${SESSIONS} facilitators at once`, f.burst, f.loop.burst)}  target p99 < 300 ms: ${pct(f.burst, 0.99) < 300 ? "met" : "NOT met"}`,
  );
  console.log(line("advance → view, advances spread over 5 s", f.staggered, f.loop.staggered));
  console.log(
    `${line("quiet play: decision round trip (lock → durable ack)", f.roundTrip, f.loop.roundTrip)}  target p99 < 100 ms: ${pct(f.roundTrip, 0.99) < 100 ? "met" : "NOT met"}`,
  );
  console.log(
    `${line("lock burst, everyone at once (lock → durable ack)", f.lockBurst, f.loop.lockBurst)}  target p99 < 500 ms: ${pct(f.lockBurst, 0.99) < 500 ? "met" : "NOT met"}`,
  );
}

/**
 * The server's variants compared in one run:
 * - `current`: everything on;
 * - `before`: this round's burst work off (`OFF_FLAGS`): pushes every loop turn, every call
 *   through tRPC's fetch adapter — the code as it was before it;
 * - `previous-write-path` (LOAD_PREVIOUS_WRITE_PATH=1): also the write path before prepared
 *   statements and pipelining (the log through Prisma, one commit at a time per exercise).
 */
type Variant = "current" | "before" | "previous-write-path";
const OFF_FLAGS = ["--push-every-ms=0", "--no-direct-mutations"];
const VARIANT_ARGS: Record<Variant, string[]> = {
  current: [],
  before: OFF_FLAGS,
  "previous-write-path": [...OFF_FLAGS, "--previous-write-path"],
};
const VARIANT_TITLE: Record<Variant, string> = {
  current:
    "current code (push window 50 ms, mutations straight to tRPC procedures, prepared statements, pipelined group commit)",
  before: `this round's burst changes off (${OFF_FLAGS.join(" ")}): the code as it was before them`,
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
  `The client (${SESSIONS * PER} socket.io clients and their HTTP calls) runs in this process; each server in its own child process, on the same machine. Load average at start: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(", ")} on ${cpus().length} cores.`,
);
// LOAD_SKIP_PREVIOUS=1 measures the current code only (while iterating on it).
const variants: Variant[] = [
  ...(process.env.LOAD_PREVIOUS_WRITE_PATH ? (["previous-write-path"] as const) : []),
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

/** Two processes on PostgreSQL behind HAProxy; `previous`: `--previous-pg-path` (before PgLog and presence). */
async function postgresLoad(previous: boolean): Promise<Figures> {
  // fsync on, as SQLite's synchronous=FULL is: both acknowledge only flushed writes.
  const profileDir = process.env.LOAD_PROFILE;
  const stack = await startMultiProcessStack({
    fsync: true,
    serverArgs: [
      ...(previous ? ["--previous-pg-path"] : []),
      ...(profileDir ? [`--profile-on-signal=${profileDir}`] : []),
    ],
  });
  const label = `two processes, PostgreSQL + HAProxy${previous ? ", previous PostgreSQL path" : ""}`;
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
    runs.push(["PostgreSQL ×2, previous", await postgresLoad(true)]);
  runs.push(["PostgreSQL ×2, current", await postgresLoad(false)]);
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
    ["quiet play: lock → ack", "roundTrip"],
    ["advance burst → view", "burst"],
    ["advances spread → view", "staggered"],
    ["push (emit → client)", "push"],
  ] as const)
    console.log(`  ${name.padEnd(26)}${runs.map(([, f]) => cell(f[key]).padStart(26)).join("")}`);
}
process.exit(0);
