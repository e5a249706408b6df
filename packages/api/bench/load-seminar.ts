// Seminar load benchmark (not a test): one seminar of T tables × P people on one server process
// (SQLite, group commit), every person a socket.io client on loopback, and mission control
// subscribed. Everyone locks within a few seconds; then one advance-all. Times are end to end,
// from the client's send to what it (or mission control) holds — never from the server's emit:
// - push to mission control: from a team's first lock being sent to mission control holding a
//   row that shows the team locked (conservative: the earliest send among the team's lockers);
// - lock → acknowledgement (after the durable write);
// - advance-all → every phone's view of the new turn (one `seminar.advance` call fanning out).
// Peers, same run and server: the same lock burst with mission control not subscribed, and the
// same advance made as T separate facilitator calls at once.
//   pnpm bench:load:seminar [tables=20] [peoplePerTable=8] [turnPairs=2] [lockSpreadMs=3000]
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTRPCClient, httpLink } from "@trpc/client";
import { io, type Socket } from "socket.io-client";
import type { AppRouter } from "../src/router/root.ts";
import type { TableRow } from "../src/seminar/table-row.ts";
import { startServer } from "../test/multi-process-stack.ts";

const [tablesArg, perArg, turnsArg, spreadArg] = process.argv.slice(2);
const TABLES = Number(tablesArg ?? 20);
const PER = Number(perArg ?? 8);
/** Pairs of turns: one with mission control subscribed, one without. */
const TURNS = Number(turnsArg ?? 2);
const SPREAD_MS = Number(spreadArg ?? 3000);
const TEAMS = ["meti", "jogmec", "magnet_maker", "automaker", "trading_house"];

const pct = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] ?? Number.NaN;
};
const line = (name: string, xs: number[], target?: number) =>
  `${name}: p50 ${pct(xs, 0.5).toFixed(1)} ms, p99 ${pct(xs, 0.99).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms (${xs.length})${
    target === undefined
      ? ""
      : `  target p99 < ${target} ms: ${pct(xs, 0.99) < target ? "met" : "NOT met"}`
  }`;

interface Phone {
  table: string;
  team: string;
  token: string;
  socket: Socket;
  turn: number;
  onTurn?: (turn: number, at: number) => void;
}

const url = `file:${join(mkdtempSync(join(tmpdir(), "chokepoint-seminar-load-")), "load.db")}`;
const server = await startServer("sqlite", url, { groupCommit: true });
const base = server.url;
const client = (token?: string) =>
  createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${base}/api/trpc`,
        headers: () => (token ? { authorization: `Bearer ${token}` } : {}),
      }),
    ],
  });

try {
  console.log(
    `setting up a seminar of ${TABLES} tables × ${PER} people (${TABLES * PER} sockets)…`,
  );
  const created = await client().seminar.create.mutate({
    facilitatorName: "Sato",
    title: "Load",
    tables: TABLES,
    // Reveal mode: a turn waits for the facilitator, so every lock of the burst lands in it.
    template: {
      scenarioId: "rare-earth-2010",
      seeds: { policy: "same", seed: 2010 },
      resolution: "reveal",
      labels: "letters",
      assignment: "pick",
    },
  });
  const fac = client(created.secret);
  const tables = await fac.seminar.tables.query({ seminarId: created.seminarId });
  const phones: Phone[] = [];
  for (const t of tables)
    for (let p = 0; p < PER; p++) {
      const team = TEAMS[p % TEAMS.length] as string;
      const j = await client().seminar.join.mutate({
        roomCode: created.roomCode,
        displayName: `${t.label}-${p}`,
        table: t.label,
        team,
      });
      const socket = io(base, { path: "/socket.io", transports: ["websocket"], forceNew: true });
      const phone: Phone = { table: t.label, team, token: j.token, socket, turn: 0 };
      socket.on("push", (x: { view: { session: { turn: number } } }) => {
        if (x.view.session.turn > phone.turn) {
          phone.turn = x.view.session.turn;
          phone.onTurn?.(phone.turn, performance.now());
        }
      });
      await socket.emitWithAck("subscribe", { token: j.token });
      phones.push(phone);
    }

  // Mission control: one socket, every table's row.
  const mc = io(base, { path: "/socket.io", transports: ["websocket"], forceNew: true });
  let onRow: ((row: TableRow, at: number) => void) | undefined;
  mc.on("tableRow", ({ row }: { row: TableRow }) => onRow?.(row, performance.now()));
  const ack = await mc.emitWithAck("subscribeSeminar", {
    seminarId: created.seminarId,
    secret: created.secret,
  });
  if (!ack.ok) throw new Error(`mission control refused: ${JSON.stringify(ack)}`);
  await fac.seminar.control.mutate({ seminarId: created.seminarId, action: "start" });

  const f = { mission: [] as number[], lock: [] as number[], advance: [] as number[] };
  const peer: number[] = [];
  const peerLock: number[] = [];
  // Turn 1 warms up (not counted); then turns alternate: mission control subscribed, then not
  // (its socket disconnected), so each load is compared with its peer under the same machine load.
  for (let turn = 0; turn <= TURNS * 2; turn++) {
    const warmUp = turn === 0;
    const watched = !warmUp && turn % 2 === 1;
    if (watched && !mc.connected) {
      mc.connect();
      const again = await mc.emitWithAck("subscribeSeminar", {
        seminarId: created.seminarId,
        secret: created.secret,
      });
      if (!again.ok) throw new Error(`mission control refused: ${JSON.stringify(again)}`);
    }
    if (!watched && mc.connected) mc.disconnect();
    // Each team's earliest send at each table, and when mission control first showed it locked.
    const firstSend = new Map<string, number>();
    const shown = new Map<string, number>();
    onRow = (row, at) => {
      for (const team of row.teams) {
        const key = `${row.label}|${team.id}`;
        if (team.lockedAt && row.turn === turn && !shown.has(key) && firstSend.has(key))
          shown.set(key, at);
      }
    };
    await Promise.all(
      phones.map(async (p) => {
        await new Promise((r) => setTimeout(r, Math.random() * SPREAD_MS));
        const key = `${p.table}|${p.team}`;
        const t0 = performance.now();
        if (!firstSend.has(key)) firstSend.set(key, t0);
        await client(p.token).exercise.lock.mutate({ turn, actions: [] });
        if (!warmUp) (watched ? f.lock : peerLock).push(performance.now() - t0);
      }),
    );
    if (watched)
      await new Promise<void>((resolve, reject) => {
        const deadline = setTimeout(
          () => reject(new Error("mission control missed locks")),
          30_000,
        );
        const check = setInterval(() => {
          if (shown.size >= firstSend.size) {
            clearTimeout(deadline);
            clearInterval(check);
            resolve();
          }
        }, 20);
      });
    if (watched) for (const [key, at] of shown) f.mission.push(at - (firstSend.get(key) as number));

    // Advance all: one call; every phone's view of the next turn, timed from the send.
    const arrivals = phones.map(
      (p) => new Promise<number>((r) => (p.onTurn = (t, at) => t === turn + 1 && r(at))),
    );
    const t0 = performance.now();
    const results = await fac.seminar.advance.mutate({ seminarId: created.seminarId, turn });
    const refused = results.filter((r) => !r.ok);
    if (refused.length) throw new Error(`advance refused: ${JSON.stringify(refused[0])}`);
    for (const at of await Promise.all(arrivals)) if (!warmUp) f.advance.push(at - t0);
    console.log(
      `turn ${turn + 1}: ${TABLES * PER} locks${warmUp ? " (warm-up)" : watched ? ", mission control subscribed" : ", mission control not subscribed"}, advance-all done`,
    );
  }

  // Peer turn, same server and load: each table advanced by its own facilitator call, at once.
  mc.close();
  const turn = TURNS * 2 + 1;
  await Promise.all(phones.map((p) => client(p.token).exercise.lock.mutate({ turn, actions: [] })));
  const arrivals = phones.map(
    (p) => new Promise<number>((r) => (p.onTurn = (t, at) => t === turn + 1 && r(at))),
  );
  const t0 = performance.now();
  await Promise.all(
    tables.map((t) => client(t.facilitatorToken).facilitator.advance.mutate({ turn })),
  );
  for (const at of await Promise.all(arrivals)) peer.push(at - t0);

  console.log(
    `\n${TABLES} tables × ${PER} people, one server process on SQLite (group commit), ${TURNS} turns watched and ${TURNS} not (after a warm-up turn), locks spread over ${SPREAD_MS} ms; loopback, a shared 2-core machine under other load`,
  );
  console.log(line("push to mission control (first lock sent → row shows it)", f.mission, 150));
  console.log(line("lock → acknowledgement (durable)", f.lock, 500));
  console.log(line("advance-all → every phone's view (one seminar.advance)", f.advance, 1000));
  console.log(
    line("peer, alternate turns: lock → acknowledgement, mission control not subscribed", peerLock),
  );
  console.log(
    line(`peer, same run: ${TABLES} facilitators' own advance at once → every phone's view`, peer),
  );
  for (const p of phones) p.socket.close();
} finally {
  server.process.kill("SIGTERM");
}
process.exit(0);
