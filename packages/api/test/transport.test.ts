import {
  applyPush,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type ViewPush,
} from "@chokepoint/contracts";
import { createTRPCClient, httpLink, TRPCClientError } from "@trpc/client";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, describe, expect, it } from "vitest";
import type { ExerciseView } from "../src/core/index.ts";
import type { AppRouter } from "../src/router/root.ts";
import { appServerForFile } from "./service-fixture.ts";

const app = appServerForFile();
const sockets: Socket[] = [];
afterAll(() => {
  for (const s of sockets) s.close();
});

const client = (token?: string) =>
  createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${app.base}/api/trpc`,
        headers: () => (token ? { authorization: `Bearer ${token}` } : {}),
      }),
    ],
  });

/** A socket.io client subscribed with a token; resolves views as they are pushed. */
async function subscriber(token: string) {
  const socket: Socket<ServerToClientEvents<ExerciseView>, ClientToServerEvents> = connect(
    app.base,
    {
      path: "/socket.io",
      transports: ["websocket"],
      forceNew: true,
    },
  );
  sockets.push(socket);
  /** Full views and room pushes as received (pushes carry `me: null` and only new history). */
  const views: (ExerciseView | ViewPush<ExerciseView>["view"])[] = [];
  const pushes: ViewPush<ExerciseView>[] = [];
  /** The client's view with every push applied, as the web app keeps it. */
  let merged: ExerciseView | null = null;
  let me: ExerciseView["me"] | null = null;
  let waiters: ((v: ExerciseView | ViewPush<ExerciseView>["view"]) => void)[] = [];
  const seen = (v: ExerciseView | ViewPush<ExerciseView>["view"]) => {
    views.push(v);
    const w = waiters;
    waiters = [];
    for (const f of w) f(v);
  };
  socket.on("view", (v) => {
    me = v.me;
    merged = v;
    seen(v);
  });
  socket.on("push", (p) => {
    pushes.push(p);
    const next = applyPush(merged, p);
    if (next !== "resync") merged = next;
    seen(p.view);
  });
  const ack = await socket.emitWithAck("subscribe", { token });
  type Seen = ExerciseView | ViewPush<ExerciseView>["view"];
  const next = (pred: (v: Seen) => boolean) =>
    new Promise<Seen>((resolve, reject) => {
      const hit = views.find(pred);
      if (hit) return resolve(hit);
      const timer = setTimeout(() => reject(new Error("no matching view pushed within 5 s")), 5000);
      const wait = (v: Seen) => (pred(v) ? (clearTimeout(timer), resolve(v)) : waiters.push(wait));
      waiters.push(wait);
    });
  return { socket, ack, views, pushes, next, me: () => me, merged: () => merged };
}

describe("tRPC over HTTP and socket.io pushes on one server", () => {
  it("runs a turn: create, join, subscribe, lock; every client is pushed its own view", async () => {
    const anon = client();
    const { joinCode, token: facilitatorToken } = await anon.exercise.create.mutate({
      scenarioId: "rare-earth-2010",
      seed: 1,
      facilitatorName: "Sato",
      teams: ["meti", "jogmec"],
    });
    const a = await anon.exercise.join.mutate({ joinCode, displayName: "Aiko", team: "meti" });
    const b = await anon.exercise.join.mutate({ joinCode, displayName: "Ben", team: "jogmec" });
    const fac = await subscriber(facilitatorToken);
    const subA = await subscriber(a.token);
    expect(fac.ack).toEqual({ ok: true, serverTime: expect.any(Number) });
    await client(facilitatorToken).facilitator.control.mutate({ action: "start" });
    // A command answers its receipt only: the version the caller's view reaches, and the turn.
    const receipt = await client(a.token).exercise.lock.mutate({ turn: 0, actions: [] });
    expect(receipt).toEqual({ version: expect.any(Number), turn: 0 });
    // The view at that version comes by the push (the locker sees the lock there).
    const locked = await subA.next((v) => v.session.seq >= receipt.version);
    expect(locked.state.lockedTeams).toContain("meti");
    await client(b.token).exercise.lock.mutate({
      turn: 0,
      actions: [{ op: "buy", lever: "jogmec_ndpr_stockpile", tonnes: 20 }],
    });
    const afterA = await subA.next((v) => v.session.turn === 1);
    const afterF = await fac.next((v) => v.session.turn === 1);
    expect(Object.keys(afterA.state.budgets)).toEqual(["meti"]);
    expect(afterA.state.stockpiles).toEqual({});
    expect(afterF.state.stockpiles.jogmec_ndpr_stockpile?.tonnes).toBeCloseTo(20, 6);
    expect(afterF.session.joinCode).toBe(joinCode);
    // Room pushes are shared by an audience and carry no identity, nor the scenario (the
    // client keeps its own); the first, personal view did.
    expect(afterA.me).toBeNull();
    expect(afterA.scenario).toBeNull();
    expect(subA.merged()?.scenario.teams.map((t) => t.id)).toEqual(["meti", "jogmec"]);
    expect(subA.me()?.displayName).toBe("Aiko");
    // Pushes carry only the turns resolved since the client's version; applied in order they
    // rebuild exactly the view a fresh subscription would get.
    const resolvedPush = subA.pushes.find((p) => p.view.session.turn === 1);
    expect(resolvedPush?.historyFrom).toBe(0);
    expect(resolvedPush?.view.state.history).toHaveLength(1);
    // A lock's own push (if the 50 ms push window did not fold it into the resolution's) carries
    // no turn history: nothing had resolved since its base.
    for (const p of subA.pushes.filter((x) => x.view.session.turn === 0 && x.baseVersion > 0))
      expect(p.view.state.history).toEqual([]);
    const fresh = await client(a.token).exercise.view.query();
    expect(subA.merged()).toEqual(fresh);
  });

  it("a client that missed a push resyncs instead of showing a stale merge", () => {
    const v = { me: 1, scenario: "kept", session: { seq: 5 }, state: { history: [] } };
    const push = {
      view: { me: null, scenario: null, session: { seq: 9 }, state: { history: [] } },
      baseVersion: 7,
      historyFrom: 0,
      sentAt: 0,
    };
    expect(applyPush(v, push)).toBe("resync");
    expect(applyPush(v, { ...push, baseVersion: 5 })).toMatchObject({
      me: 1,
      scenario: "kept",
      session: { seq: 9 },
    });
    // A change re-pushed from an earlier app.base (another process caught up) still applies.
    expect(applyPush(v, { ...push, baseVersion: 3 })).toMatchObject({ me: 1, session: { seq: 9 } });
    expect(applyPush(v, { ...push, view: { ...push.view, session: { seq: 4 } } })).toBe(v);
  });

  it("maps domain errors to tRPC codes, carrying the domain code", async () => {
    const anon = client();
    const { joinCode } = await anon.exercise.create.mutate({
      scenarioId: "rare-earth-2010",
      seed: 1,
      facilitatorName: "Sato",
    });
    const p = await anon.exercise.join.mutate({ joinCode, displayName: "Aiko", team: "meti" });
    const err = await client(p.token)
      .facilitator.advance.mutate({ turn: 0 })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TRPCClientError);
    expect((err as TRPCClientError<AppRouter>).data?.code).toBe("FORBIDDEN");
    expect((err as TRPCClientError<AppRouter>).data?.appCode).toBe("forbidden");
    const bad = await anon.exercise.join
      .mutate({ joinCode, displayName: "" })
      .catch((e: unknown) => e);
    expect((bad as TRPCClientError<AppRouter>).data?.code).toBe("BAD_REQUEST");
    expect((bad as Error).message).toMatch(/displayName/);
  });

  it("a participant moved to another team starts receiving that team's view", async () => {
    const anon = client();
    const { joinCode, token: fac } = await anon.exercise.create.mutate({
      scenarioId: "rare-earth-2010",
      seed: 1,
      facilitatorName: "Sato",
      teams: ["meti", "jogmec"],
    });
    const a = await anon.exercise.join.mutate({ joinCode, displayName: "Aiko", team: "meti" });
    const ben = await anon.exercise.join.mutate({ joinCode, displayName: "Ben", team: "meti" });
    const sub = await subscriber(a.token);
    await sub.next((v) => v.me?.team === "meti");
    await client(fac).facilitator.move.mutate({ participantId: a.participantId, team: "jogmec" });
    const moved = await sub.next((v) => v.me?.team === "jogmec");
    expect(Object.keys(moved.state.budgets)).toEqual(["jogmec"]);
    const afterMove = sub.views.length;
    // Later pushes reach the new audience, and the mover's token now acts for the new team.
    await client(fac).facilitator.control.mutate({ action: "start" });
    const receipt = await client(a.token).exercise.lock.mutate({
      turn: 0,
      actions: [{ op: "buy", lever: "jogmec_dy_stockpile", tonnes: 1 }],
    });
    const pushed = await sub.next((v) => v.me === null && v.session.seq >= receipt.version);
    expect(pushed.state.lockedTeams).toContain("jogmec");
    expect(Object.keys(pushed.state.budgets)).toEqual(["jogmec"]);
    // Ben stays in METI and locks: the mover's socket must not get METI's view any more.
    await client(ben.token).exercise.lock.mutate({ turn: 0, actions: [] });
    await new Promise((r) => setTimeout(r, 300));
    const since = sub.views.slice(afterMove);
    expect(since.length).toBeGreaterThan(0);
    for (const v of since) expect(Object.keys(v.state.budgets)).not.toContain("meti");
  });

  it("a removed participant's sockets are told and closed; their token neither subscribes nor acts again", async () => {
    const anon = client();
    const { joinCode, token: fac } = await anon.exercise.create.mutate({
      scenarioId: "rare-earth-2010",
      seed: 1,
      facilitatorName: "Sato",
      teams: ["meti"],
    });
    const a = await anon.exercise.join.mutate({ joinCode, displayName: "Aiko", team: "meti" });
    const tabs = [await subscriber(a.token), await subscriber(a.token)];
    const told = tabs.map(
      (t) => new Promise<void>((resolve) => t.socket.on("removed", () => resolve())),
    );
    const closed = tabs.map(
      (t) => new Promise<void>((resolve) => t.socket.on("disconnect", () => resolve())),
    );
    await client(fac).facilitator.remove.mutate({ participantId: a.participantId });
    await Promise.all([...told, ...closed]);
    const again = await subscriber(a.token);
    expect(again.ack).toMatchObject({ ok: false, code: "forbidden" });
    await expect(client(a.token).exercise.view.query()).rejects.toMatchObject({
      data: { appCode: "forbidden", ja: expect.stringContaining("退出") },
    });
  });

  it("refuses a socket subscription with a bad token", async () => {
    const s = await subscriber("an-invalid-token-value");
    expect(s.ack).toMatchObject({ ok: false, code: "forbidden" });
  });
});
