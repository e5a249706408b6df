// Two server processes on PostgreSQL behind the shipped HAProxy config, on loopback, with
// participants' sockets on both processes: the process that owns the exercise is SIGKILLed in
// the middle of a turn, and nothing a participant was told is lost.
import { randomUUID } from "node:crypto";
import {
  applyPush,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from "@chokepoint/contracts";
import { openDatabase, PrismaExerciseStore } from "@chokepoint/db";
import { stateHash } from "@chokepoint/engine";
import { createTRPCClient, httpLink, TRPCClientError } from "@trpc/client";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ExerciseView } from "../src/core/index.ts";
import type { AppRouter } from "../src/router/root.ts";
import { ScenarioCatalog } from "../src/scenario-catalog.ts";
import { ExerciseRunner } from "../src/service/exercise-runner.ts";
import {
  type MultiProcessStack,
  type ServerNode,
  startMultiProcessStack,
} from "./multi-process-stack.ts";

const TEAMS = ["meti", "jogmec", "automaker"];
let stack: MultiProcessStack | undefined;
const sockets: Socket[] = [];

beforeAll(async () => {
  stack = await startMultiProcessStack();
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await stack?.stop();
});

/** tRPC through the balancer, routed by the exercise id like the web app's calls. */
const client = (exerciseId: string | null, token?: string) =>
  createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${stack?.url}/api/trpc`,
        headers: () => ({
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(exerciseId ? { "x-exercise-id": exerciseId } : {}),
        }),
      }),
    ],
  });

/**
 * A command as a careful client sends it: one idempotency key, resent while the connection
 * fails (a request in flight to a process that died gets a 502 from the balancer). Returns
 * once the server has acknowledged it, i.e. after the durable write.
 */
async function acknowledged<T>(send: (key: string) => Promise<T>): Promise<T> {
  const key = randomUUID();
  for (let attempt = 1; ; attempt++) {
    try {
      return await send(key);
    } catch (e) {
      // No HTTP status: the connection itself failed; 502/503: the balancer lost the process.
      const status = e instanceof TRPCClientError ? e.data?.httpStatus : undefined;
      const transient = status === undefined || status === 502 || status === 503;
      if (!transient || attempt >= 20) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

interface Watcher {
  name: string;
  socket: Socket<ServerToClientEvents<ExerciseView>, ClientToServerEvents>;
  /** The view with every push applied, as the web app keeps it. */
  view: ExerciseView | null;
  /** Versions pushed to this client, in arrival order. */
  pushed: number[];
  /** Pushes that did not follow the client's version (a missed push): must stay 0. */
  gaps: number;
  subscribes: number;
  /** The last presence list (facilitators only): who is connected, on any process. */
  online: string[] | null;
}

/** A participant's socket.io connection to `base` (the balancer, or one process directly). */
async function watch(name: string, base: string, exerciseId: string, token: string) {
  const socket: Watcher["socket"] = connect(base, {
    path: "/socket.io",
    transports: ["websocket"],
    query: { ex: exerciseId },
    forceNew: true,
    reconnectionDelay: 100,
    reconnectionDelayMax: 500,
  });
  sockets.push(socket);
  const w: Watcher = {
    name,
    socket,
    view: null,
    pushed: [],
    gaps: 0,
    subscribes: 0,
    online: null,
  };
  socket.on("presence", (p) => {
    w.online = p.online;
  });
  const subscribe = () => {
    w.subscribes++;
    socket.emit("subscribe", { token }, () => {});
  };
  socket.on("connect", subscribe);
  socket.on("view", (v) => {
    if (!w.view || v.session.seq >= w.view.session.seq) w.view = v;
  });
  socket.on("push", (p) => {
    w.pushed.push(p.view.session.seq);
    const next = applyPush(w.view, p);
    if (next === "resync") {
      w.gaps++;
      subscribe();
    } else w.view = next;
  });
  await new Promise<void>((resolve) => socket.once("view", () => resolve()));
  return w;
}

async function until(what: string, ok: () => boolean, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe("two server processes on PostgreSQL behind HAProxy", () => {
  it("the owner is killed mid-turn: every push arrives, no acknowledged decision is lost, no gap, and the state equals a replay of the log", async () => {
    if (!stack) throw new Error("the stack did not start");
    const s = stack;
    const created = await client(null).exercise.create.mutate({
      scenarioId: "rare-earth-2010",
      seed: 14,
      teams: TEAMS,
      facilitatorName: "Sato",
    });
    const ex = created.sessionId;
    const owner = await s.ownerOf(ex);
    const other = s.nodes.find((n) => n !== owner) as ServerNode;
    // joinOptions gives the exercise id, so the join itself is routed to the owner.
    const options = await client(null).exercise.joinOptions.query({ joinCode: created.joinCode });
    expect(options.exerciseId).toBe(ex);
    const members: { team: string; token: string; name: string; participantId: string }[] = [];
    for (const team of TEAMS)
      for (const n of [1, 2]) {
        const j = await client(options.exerciseId).exercise.join.mutate({
          joinCode: created.joinCode,
          displayName: `${team}-${n}`,
          team,
        });
        members.push({
          team,
          token: j.token,
          name: `${team}-${n}`,
          participantId: j.participantId,
        });
      }
    // Participants spread over both processes: half through the balancer (to the owner),
    // half straight to the other process, which only hears the owner's pushes via PostgreSQL.
    const watchers = await Promise.all([
      ...members.map((m, i) => watch(m.name, i % 2 ? other.url : s.url, ex, m.token)),
      watch("facilitator", s.url, ex, created.token),
    ]);
    const onOther = watchers.filter((_, i) => i < members.length && i % 2 === 1);
    // The facilitator's status board counts everyone connected, on either process.
    const facWatcher = watchers.at(-1) as Watcher;
    await until("the facilitator sees every participant online", () =>
      members.every((m) => facWatcher.online?.includes(m.participantId) ?? false),
    );
    const facilitator = client(ex, created.token);
    const acked: { turn: number; team: string }[] = [];
    const lock = async (team: string, turn: number) => {
      const m = members.find((x) => x.team === team) as (typeof members)[number];
      await acknowledged((idempotencyKey) =>
        client(ex, m.token).exercise.lock.mutate({ turn, actions: [], idempotencyKey }),
      );
      acked.push({ turn, team });
    };
    const head = () => Math.max(...watchers.map((w) => w.view?.session.seq ?? 0));
    const everyoneAt = (seq: number) => watchers.every((w) => w.view?.session.seq === seq);

    await acknowledged(() => facilitator.facilitator.control.mutate({ action: "start" }));
    // Turn 1 on the owner, watched from both processes; the last team's lock resolves it.
    for (const team of TEAMS) await lock(team, 0);
    await until("everyone sees turn 1 resolved", () =>
      watchers.every((w) => (w.view?.session.turn ?? 0) >= 1),
    );
    expect(everyoneAt(head())).toBe(true);

    // Turn 2: two teams lock on the owner; the third team's lock, which resolves the turn, is
    // sent as the owner is SIGKILLed (it lands on the owner or, resent, on the survivor).
    await lock("meti", 1);
    await lock("jogmec", 1);
    const lastLock = lock("automaker", 1);
    owner.process.kill("SIGKILL");
    await lastLock;
    await until("everyone sees turn 2 resolved", () =>
      watchers.every((w) => (w.view?.session.turn ?? 0) >= 2),
    );
    // Turn 3 on the survivor: one lock, then the facilitator resolves it.
    await lock("meti", 2);
    await acknowledged((idempotencyKey) =>
      facilitator.facilitator.advance.mutate({ turn: 2, idempotencyKey }),
    );
    await until("everyone sees turn 3 resolved", () =>
      watchers.every((w) => (w.view?.session.turn ?? 0) >= 3),
    );

    // The log: no gap, and every acknowledged lock is in it.
    const db = await openDatabase(s.databaseUrl);
    try {
      const store = new PrismaExerciseStore(db);
      const log = await store.readLog(ex);
      expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i + 1));
      const locks = log.flatMap(({ event: e }) =>
        e.type === "decisions_locked" ? [`${e.turn}:${e.team}`] : [],
      );
      expect(acked).toHaveLength(7);
      for (const a of acked) expect(locks).toContain(`${a.turn}:${a.team}`);
      expect(new Set(locks).size).toBe(locks.length);

      // Every client holds the head; those on the surviving process never missed a push, and
      // had every change pushed in order.
      const final = log.length;
      await until("every client holds the last change", () => everyoneAt(final));
      for (const w of onOther) {
        expect(w.gaps, w.name).toBe(0);
        expect(w.subscribes, w.name).toBe(1);
        expect(w.pushed.at(-1), w.name).toBe(final);
        expect(w.pushed, w.name).toEqual([...w.pushed].sort((a, b) => a - b));
      }
      // The clients that were on the killed process reconnected through the balancer.
      for (const w of watchers.filter((x) => !onOther.includes(x)))
        expect(w.subscribes, w.name).toBeGreaterThanOrEqual(2);
      const views = new Set(onOther.map((w) => JSON.stringify(w.view?.state.history.length)));
      expect(views.size).toBe(1);

      // The state the processes reached equals one process replaying the stored log.
      const replayed = await new ExerciseRunner(store, ScenarioCatalog.builtIn()).read(ex);
      expect(replayed.seq).toBe(final);
      const live = await db.stateSnapshot.findMany({
        where: { sessionId: ex },
        orderBy: { turn: "asc" },
      });
      expect(live.map((x) => x.turn)).toEqual([0, 1, 2]);
      expect(live.at(-1)?.stateHash).toBe(stateHash(replayed.engine));
    } finally {
      await db.$disconnect();
    }
    // The other process answered everything after the kill.
    expect(other.process.exitCode).toBeNull();
    expect((await s.ownerOf(ex)).name).toBe(other.name);
  });
});
