import { monitorEventLoopDelay } from "node:perf_hooks";
import type { ClientToServerEvents, ServerToClientEvents } from "@chokepoint/contracts";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, describe, expect, it } from "vitest";
import type { ExerciseView } from "../src/core/index.ts";
import { appServerForFile, runningExercise } from "./service-fixture.ts";

/** Sockets belong to one caller, floods are cut off, and secrets stay secret, over the real server. */
const app = appServerForFile();
const sockets: Socket[] = [];
afterAll(() => {
  for (const s of sockets) s.close();
});

function socket(): Socket<ServerToClientEvents<ExerciseView>, ClientToServerEvents> {
  const s = connect(app.base, { path: "/socket.io", transports: ["websocket"], forceNew: true });
  sockets.push(s);
  return s;
}

const dy = "jogmec_dy_stockpile";
const buy = (lever: string, tonnes: number) => ({ op: "buy" as const, lever, tonnes });

describe("a socket belongs to one caller for life", () => {
  it("a participant's socket cannot subscribe again with another exercise's facilitator token, and hears nothing of that exercise", async () => {
    const a = await runningExercise(app.server.service);
    const b = await runningExercise(app.server.service);
    const s = socket();
    expect(await s.emitWithAck("subscribe", { token: a.meti.token })).toMatchObject({ ok: true });
    const other = await s.emitWithAck("subscribe", { token: b.facilitator });
    expect(other).toMatchObject({ ok: false, code: "forbidden" });
    expect((other as { ja: string }).ja).toMatch(/別の参加者/);
    // The same caller may subscribe again (a client does after a gap in its pushes).
    expect(await s.emitWithAck("subscribe", { token: a.meti.token })).toMatchObject({ ok: true });
    // Nothing of exercise b reaches it: its facilitator's pushes go to b's rooms.
    const heard: string[] = [];
    s.on("push", (p) => heard.push(p.view.session.id));
    const watcher = socket();
    const watched = new Promise<void>((r) => watcher.on("push", () => r()));
    expect(await watcher.emitWithAck("subscribe", { token: b.facilitator })).toMatchObject({
      ok: true,
    });
    await app.server.service.execute("control", b.facilitator, { action: "pause" });
    await watched;
    expect(heard.filter((id) => id === b.sessionId)).toEqual([]);
  });

  it("3,000 subscribe messages on one socket are cut off: a handful of views are built, then the socket is dropped", async () => {
    const ex = await runningExercise(app.server.service);
    const s = socket();
    let views = 0;
    s.on("view", () => views++);
    await new Promise<void>((r) => s.on("connect", () => r()));
    const closed = new Promise<void>((r) => s.on("disconnect", () => r()));
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    for (let i = 0; i < 3000; i++) s.emit("subscribe", { token: ex.meti.token }, () => {});
    await closed;
    delay.disable();
    console.log(
      `3,000 subscribes on one socket: dropped after ${views} view(s); event-loop delay max ${(delay.max / 1e6).toFixed(0)} ms`,
    );
    // Before: every message built and sent a full view (2.5–3.2 s of the event loop).
    expect(views).toBeLessThanOrEqual(20);
  });
});

describe("a carried-over draft", () => {
  it("is absent from the observer's export while it is the team's live plan, and present once its turn resolves", async () => {
    const ex = await runningExercise(app.server.service);
    const svc = app.server.service;
    const state = await svc.runner.read(ex.sessionId);
    const observer = await svc.join({
      joinCode: state.genesis.observerCode,
      displayName: "Obs",
      role: "observer",
    });
    await svc.execute("edit_draft", ex.jogmec.token, {
      turn: 0,
      lever: dy,
      actions: [buy(dy, 10)],
    });
    // Turn 0 closes before the team locks: its draft is carried into turn 1.
    await svc.execute("advance", ex.facilitator, { turn: 0 });
    expect((await svc.runner.read(ex.sessionId)).decisions.get("jogmec")?.carriedFrom).toBe(0);
    const drafts = async () => {
      const r = await fetch(`${app.base}/api/trpc/review.exportJson`, {
        headers: { authorization: `Bearer ${observer.token}` },
      });
      const file = ((await r.json()) as { result: { data: { events: { event: unknown }[] } } })
        .result.data;
      return file.events.filter((e) => (e.event as { type: string }).type === "draft_edited");
    };
    expect(await drafts()).toEqual([]);
    // Played in turn 1 (locked as drafted), it is history: the review shows how it was made.
    await svc.execute("lock", ex.jogmec.token, { turn: 1, actions: [buy(dy, 10)] });
    await svc.execute("advance", ex.facilitator, { turn: 1 });
    expect(await drafts()).toHaveLength(1);
  });
});
