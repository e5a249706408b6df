// One client process of `bench:load` (not a test): socket.io clients and their HTTP calls for a
// share of the exercises, driven phase by phase by bench/load.ts over IPC. The 1,000 clients
// of one process shared the two cores with the server and saturated this process's own event
// loop (p50 0.9 s during everyone-locks-at-once), so acknowledgements waited here, not in the
// server: the clients are spread over several processes, and each reports its loop's delay.
import { Agent, request } from "node:http";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { createTRPCClient, httpLink } from "@trpc/client";
import { io, type Socket } from "socket.io-client";
import type { AppRouter } from "../src/router/root.ts";
import { profileOnSignal } from "../src/server/profile-on-signal.ts";

export const TEAMS = ["meti", "jogmec", "magnet_maker", "automaker", "trading_house"];

export interface LoopDelay {
  p50: number;
  p99: number;
  max: number;
}

/** What the coordinator asks of a client process. */
export type ToClients =
  | { kind: "setup"; base: string; first: number; count: number; per: number }
  | { kind: "lockBurst" }
  | { kind: "roundTrip"; turn: number }
  | { kind: "advance"; turn: number; together: boolean }
  | { kind: "close" };

/** What a client process answers: its figures for the phase and its own event-loop delay. */
export type FromClients =
  | { kind: "ready"; owners: Record<string, number> }
  | {
      kind: "done";
      times: number[];
      push: number[];
      /** Lock phases: lock sent → the locker's socket holds a view at the receipt's version. */
      viewed: number[];
      loop: LoopDelay;
    };

interface Member {
  token: string;
  team: string;
  socket: Socket;
  turn: number;
  onTurn?: (turn: number, at: number, sentAt: number) => void;
  /** The views' versions this socket reached, with when (for lock → view). */
  seen: { seq: number; at: number }[];
  /** Called on each view pushed (lock → view waits on it). */
  onSeq?: () => void;
}

const loop = monitorEventLoopDelay({ resolution: 5 });
loop.enable();
function loopDelay(): LoopDelay {
  const ms = (ns: number) => Math.round(ns / 1e4) / 100;
  const d = { p50: ms(loop.percentile(50)), p99: ms(loop.percentile(99)), max: ms(loop.max) };
  loop.reset();
  return d;
}

// LOAD_PROFILE=<dir>: the coordinator signals the measured part, as it does the servers.
const profileDir = process.env.LOAD_PROFILE;
if (profileDir) profileOnSignal(join(profileDir, "clients"));

let base = "";
const sessions: { id: string; facilitator: string; members: Member[] }[] = [];

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

/**
 * The measured commands: one JSON POST per call, as tRPC's httpLink sends a mutation (and the
 * web's fetch does), on kept-alive connections, resolved when the answer is read whole and
 * parsed. Node's own fetch (undici, web streams, abort signals) was most of a client
 * process's busy time in a profile of everyone-locks-at-once: the acknowledgements waited on
 * the bench's HTTP client, where a browser's native fetch costs nothing of the kind.
 */
const agent = new Agent({ keepAlive: true });
function mutate(path: string, input: unknown, token: string, exerciseId: string): Promise<unknown> {
  const body = JSON.stringify(input);
  const url = new URL(`/api/trpc/${path}`, base);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: "POST",
        agent,
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
          authorization: `Bearer ${token}`,
          "x-exercise-id": exerciseId,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          if (res.statusCode !== 200)
            return reject(new Error(`${path} answered ${res.statusCode}: ${text.slice(0, 300)}`));
          resolve((JSON.parse(text) as { result: { data: unknown } }).result.data);
        });
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

async function setup(first: number, count: number, per: number): Promise<Record<string, number>> {
  const owners: Record<string, number> = {};
  for (let s = first; s < first + count; s++) {
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
    for (let p = 0; p < per; p++) {
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
      const m: Member = { token: j.token, team, socket, turn: 0, seen: [] };
      const reached = (seq: number) => {
        if (seq <= (m.seen.at(-1)?.seq ?? -1)) return;
        m.seen.push({ seq, at: performance.now() });
        if (m.seen.length > 64) m.seen.splice(0, 32);
        m.onSeq?.();
      };
      socket.on("view", (v: { session: { seq: number } }) => reached(v.session.seq));
      socket.on(
        "push",
        (p: { view: { session: { turn: number; seq: number } }; sentAt: number }) => {
          reached(p.view.session.seq);
          if (p.view.session.turn > m.turn) {
            m.turn = p.view.session.turn;
            m.onTurn?.(p.view.session.turn, performance.now(), p.sentAt - performance.timeOrigin);
          }
        },
      );
      await socket.emitWithAck("subscribe", { token: j.token });
      members.push(m);
    }
    await client(sessionId, token).facilitator.control.mutate({ action: "start" });
    sessions.push({ id: sessionId, facilitator: token, members });
  }
  return owners;
}

/**
 * A lock as the web sees it: sent, acknowledged (`times`), then shown — the web keeps the
 * command pending until its socket's view reaches the receipt's version (`viewed`; the web asks
 * `exercise.view` after a second without it, so a push missing for 10 s counts as 10 s).
 */
async function lock(
  m: Member,
  turn: number,
  exerciseId: string,
  times: number[],
  viewed: number[],
) {
  const t0 = performance.now();
  const answer = (await mutate("exercise.lock", { turn, actions: [] }, m.token, exerciseId)) as {
    version?: number;
    session?: { seq: number };
  };
  const ackAt = performance.now();
  times.push(ackAt - t0);
  const version = answer.version ?? answer.session?.seq ?? 0;
  const shown = () => m.seen.find((x) => x.seq >= version)?.at;
  const at =
    shown() ??
    (await new Promise<number>((resolve) => {
      const timer = setTimeout(() => resolve(t0 + 10_000), 10_000);
      m.onSeq = () => {
        const t = shown();
        if (t === undefined) return;
        clearTimeout(timer);
        m.onSeq = undefined;
        resolve(t);
      };
    }));
  // Shown once both are in: a push that came before the answer waits for it.
  viewed.push(Math.max(at, ackAt) - t0);
}

/** Everyone but the last team's members locks turn 0 at once (the turn stays open). */
async function lockBurst(): Promise<[number[], number[]]> {
  const last = TEAMS[TEAMS.length - 1];
  const times: number[] = [];
  const viewed: number[] = [];
  await Promise.all(
    sessions.flatMap((s) =>
      s.members.filter((m) => m.team !== last).map((m) => lock(m, 0, s.id, times, viewed)),
    ),
  );
  return [times, viewed];
}

/** Every team but one locks (one member per team, one after another), each decision timed. */
async function roundTrip(turn: number): Promise<[number[], number[]]> {
  const times: number[] = [];
  const viewed: number[] = [];
  await Promise.all(
    sessions.map(async (s) => {
      const lockers = TEAMS.map((t) => s.members.find((m) => m.team === t))
        .filter((m): m is Member => !!m)
        .slice(0, TEAMS.length - 1);
      for (const m of lockers) await lock(m, turn, s.id, times, viewed);
    }),
  );
  return [times, viewed];
}

/** Every facilitator advances, at once or spread over 5 s: advance → each client holds the turn. */
async function advance(turn: number, together: boolean): Promise<[number[], number[]]> {
  const times: number[] = [];
  const push: number[] = [];
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
      await mutate("facilitator.advance", { turn }, s.facilitator, s.id);
      for (const [at, sentAt] of await Promise.all(arrivals)) {
        times.push(at - t0);
        push.push(at - sentAt);
      }
    }),
  );
  return [times, push];
}

const answer = (m: FromClients) => process.send?.(m);
process.on("message", (m: ToClients) => {
  void (async () => {
    if (m.kind === "setup") {
      base = m.base;
      answer({ kind: "ready", owners: await setup(m.first, m.count, m.per) });
      return;
    }
    if (m.kind === "close") {
      for (const s of sessions) for (const x of s.members) x.socket.close();
      process.exit(0);
    }
    loopDelay();
    let times: number[] = [];
    let push: number[] = [];
    let viewed: number[] = [];
    if (m.kind === "lockBurst") [times, viewed] = await lockBurst();
    else if (m.kind === "roundTrip") [times, viewed] = await roundTrip(m.turn);
    else [times, push] = await advance(m.turn, m.together);
    answer({ kind: "done", times, push, viewed, loop: loopDelay() });
  })().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
});
