// Load benchmark (not a test): N socket.io clients on loopback across M exercises, against the
// real server in its own process. Prints, each as p50/p99:
// - push latency: from the server emitting a turn's view to each client receiving it;
// - advance → view: from a facilitator's advance call to each client holding the new turn,
//   with all facilitators advancing at once (burst) and spread over 5 s (staggered);
// - decision round trip: lock sent → acknowledged after the durable write.
//   pnpm bench:load [sessions=50] [participantsPerSession=20] [turns=4]
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTRPCClient, httpLink } from "@trpc/client";
import { io, type Socket } from "socket.io-client";
import type { AppRouter } from "../src/router/root.ts";

const [sessionsArg, perArg, turnsArg] = process.argv.slice(2);
const SESSIONS = Number(sessionsArg ?? 50);
const PER = Number(perArg ?? 20);
const TURNS = Number(turnsArg ?? 4);
const PORT = 3900 + Math.floor(Math.random() * 100);
const base = `http://127.0.0.1:${PORT}`;
const TEAMS = ["meti", "jogmec", "magnet_maker", "automaker", "trading_house"];

const server = spawn(
  process.execPath,
  [
    ...(process.env.LOAD_PROFILE ? ["--cpu-prof", "--cpu-prof-dir=/tmp/loadprof"] : []),
    "--import",
    "tsx",
    join(import.meta.dirname, "..", "src", "server", "serve-api-only.ts"),
    String(PORT),
    `file:${join(mkdtempSync(join(tmpdir(), "chokepoint-load-")), "load.db")}`,
  ],
  { stdio: ["ignore", "pipe", "inherit"] },
);
await new Promise<void>((resolve, reject) => {
  server.stdout?.on("data", (d) => String(d).includes("READY") && resolve());
  server.once("exit", (c) => reject(new Error(`server exited ${c}`)));
});

const client = (token?: string) =>
  createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${base}/api/trpc`,
        headers: () => (token ? { authorization: `Bearer ${token}` } : {}),
      }),
    ],
  });
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
const sessions: { facilitator: string; members: Member[] }[] = [];
console.log(
  `setting up ${SESSIONS} exercises × ${PER} participants = ${SESSIONS * PER} socket.io clients…`,
);
for (let s = 0; s < SESSIONS; s++) {
  const { joinCode, token } = await client().exercise.create.mutate({
    scenarioId: "rare-earth-2010",
    seed: s,
    facilitatorName: `F${s}`,
  });
  const members: Member[] = [];
  for (let p = 0; p < PER; p++) {
    const team = TEAMS[p % TEAMS.length] as string;
    const j = await client().exercise.join.mutate({ joinCode, displayName: `P${s}-${p}`, team });
    const socket = io(base, { path: "/socket.io", transports: ["websocket"], forceNew: true });
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
  await client(token).facilitator.control.mutate({ action: "start" });
  sessions.push({ facilitator: token, members });
}

const push: number[] = [];
const burst: number[] = [];
const staggered: number[] = [];
const roundTrip: number[] = [];
for (let turn = 0; turn < TURNS; turn++) {
  // Every team but one locks (one member per team), timing each decision's round trip.
  await Promise.all(
    sessions.map(async (s) => {
      const lockers = TEAMS.map((t) => s.members.find((m) => m.team === t))
        .filter((m): m is Member => !!m)
        .slice(0, TEAMS.length - 1);
      for (const m of lockers) {
        const t0 = performance.now();
        await client(m.token).exercise.lock.mutate({ turn, actions: [] });
        roundTrip.push(performance.now() - t0);
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
      await client(s.facilitator).facilitator.advance.mutate({ turn });
      for (const [at, sentAt] of await Promise.all(arrivals)) {
        (together ? burst : staggered).push(at - t0);
        push.push(at - sentAt);
      }
    }),
  );
  console.log(
    `turn ${turn + 1}/${TURNS} resolved in all ${SESSIONS} exercises (${together ? "all advanced at once" : "advances spread over 5 s"})`,
  );
}

const line = (name: string, xs: number[]) =>
  `${name}: p50 ${pct(xs, 0.5).toFixed(1)} ms, p99 ${pct(xs, 0.99).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms (${xs.length})`;
console.log(
  `\n${SESSIONS * PER} participants in ${SESSIONS} exercises, ${TURNS} turns, one server process (2-core machine)`,
);
console.log(
  `${line("push latency (server emit → client has the view)", push)}  target p99 < 150 ms: ${pct(push, 0.99) < 150 ? "met" : "NOT met"}`,
);
console.log(line("advance → view, all 50 facilitators at once", burst));
console.log(line("advance → view, advances spread over 5 s", staggered));
console.log(line("decision round trip (lock → durable ack)", roundTrip));
for (const s of sessions) for (const m of s.members) m.socket.close();
server.kill("SIGTERM");
