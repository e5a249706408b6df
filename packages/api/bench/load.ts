// Load benchmark (not a test): N socket.io clients on loopback across M exercises, against real
// server processes. Prints, each as p50/p99:
// - push latency: from the server emitting a turn's view to each client receiving it;
// - advance → view: from a facilitator's advance call to each client holding the new turn,
//   with all facilitators advancing at once (burst) and spread over 5 s (staggered);
// - decision round trip: lock sent → acknowledged after the durable write;
// - lock burst: every participant but the last team's locks at the same instant (turn 1),
//   lock sent → acknowledged.
// The one-process SQLite load runs twice in the same run: on the previous write path
// (`--previous-write-path`: the log through Prisma, an exercise's commands one commit at a time)
// and on the current one (prepared statements, pipelined group commit); figures side by side.
// LOAD_PROFILE=<dir> writes a CPU profile of each server covering the measured part only.
//   pnpm bench:load [sessions=50] [participantsPerSession=20] [turns=4]
//     one server process on a fresh SQLite file.
//   pnpm bench:load multi [sessions=100] [participantsPerSession=20] [turns=4]
//     the same load twice in one run: one process on SQLite, then two processes on PostgreSQL
//     (a throwaway cluster) behind HAProxy with apps/web/deploy/haproxy.cfg, every call routed
//     by the exercise id; the figures side by side.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
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
}

/** The load against one entry point (a server, or the balancer in front of several). */
async function runLoad(
  base: string,
  label: string,
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

  const f: Figures = { push: [], burst: [], staggered: [], roundTrip: [], lockBurst: [], owners };
  measuring(true);
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
    console.log(
      `${label}: turn ${turn + 1}/${TURNS} resolved in all ${SESSIONS} exercises (${together ? "all advanced at once" : "advances spread over 5 s"})`,
    );
  }
  measuring(false);
  for (const s of sessions) for (const m of s.members) m.socket.close();
  return f;
}

const line = (name: string, xs: number[]) =>
  `${name}: p50 ${pct(xs, 0.5).toFixed(1)} ms, p99 ${pct(xs, 0.99).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms (${xs.length})`;

function report(title: string, f: Figures): void {
  console.log(`\n${title}`);
  console.log(
    `${line("push latency (server emit → client has the view)", f.push)}  target p99 < 150 ms: ${pct(f.push, 0.99) < 150 ? "met" : "NOT met"}`,
  );
  console.log(line(`advance → view, all ${SESSIONS} facilitators at once`, f.burst));
  console.log(line("advance → view, advances spread over 5 s", f.staggered));
  console.log(line("decision round trip (lock → durable ack)", f.roundTrip));
  console.log(
    `${line("lock burst, everyone at once (lock → durable ack)", f.lockBurst)}  target p99 < 500 ms: ${pct(f.lockBurst, 0.99) < 500 ? "met" : "NOT met"}`,
  );
}

async function sqliteLoad(previous: boolean): Promise<Figures> {
  const sqliteUrl = `file:${join(mkdtempSync(join(tmpdir(), "chokepoint-load-")), "load.db")}`;
  const profileDir = process.env.LOAD_PROFILE;
  const single = await startServer("sqlite", sqliteUrl, {
    serverArgs: [
      ...(previous ? ["--previous-write-path"] : []),
      ...(profileDir ? [`--profile-on-signal=${profileDir}`] : []),
    ],
  });
  try {
    return await runLoad(
      single.url,
      `one process, SQLite, ${previous ? "previous write path" : "prepared statements, pipelined"}`,
      (on) => {
        if (profileDir && (on || single.process.exitCode === null)) single.process.kill("SIGUSR2");
      },
    );
  } finally {
    // Give a profile being written time to land before the process goes.
    if (profileDir) await new Promise((r) => setTimeout(r, 3000));
    single.process.kill("SIGTERM");
  }
}
// LOAD_SKIP_PREVIOUS=1 measures the current path only (while iterating on it).
const before = process.env.LOAD_SKIP_PREVIOUS ? undefined : await sqliteLoad(true);
const one = await sqliteLoad(false);
const shape = `${SESSIONS * PER} participants in ${SESSIONS} exercises, ${TURNS} turns (2-core machine shared with other work: absolute figures are noisy, compare within a run)`;
if (before)
  report(
    `${shape}, one server process on SQLite, previous write path (Prisma log, one commit at a time per exercise)`,
    before,
  );
report(
  `${shape}, one server process on SQLite, prepared statements and pipelined group commit`,
  one,
);

if (multi) {
  // fsync on, as SQLite's synchronous=FULL is: both acknowledge only flushed writes.
  const stack = await startMultiProcessStack({ fsync: true });
  let two: Figures;
  try {
    two = await runLoad(stack.url, "two processes, PostgreSQL + HAProxy");
  } catch (e) {
    console.error(`HAProxy said:\n${stack.balancerLog()}`);
    for (const n of stack.nodes) console.error(`${n.name} said:\n${n.log().slice(-3000)}`);
    throw e;
  } finally {
    await stack.stop();
  }
  const split = Object.entries(two.owners)
    .map(([n, c]) => `${n} ${c}`)
    .join(", ");
  report(
    `${shape}, two server processes on PostgreSQL behind HAProxy (exercises per process: ${split})`,
    two,
  );
  console.log("\npush latency, same run and load:");
  for (const [name, f] of [
    ["one process, SQLite", one],
    ["two processes, PostgreSQL + HAProxy (socket.io postgres adapter)", two],
  ] as const)
    console.log(
      `  ${name.padEnd(66)} p50 ${pct(f.push, 0.5).toFixed(1).padStart(6)} ms   p99 ${pct(f.push, 0.99).toFixed(1).padStart(6)} ms`,
    );
  console.log(
    `  target p99 < 150 ms across two processes: ${pct(two.push, 0.99) < 150 ? "met" : "NOT met"}`,
  );
}
process.exit(0);
