import { isAppError } from "@chokepoint/contracts";
import type { LeverAction } from "@chokepoint/engine";
import { describe, expect, it } from "vitest";
import { buildExerciseView, type Member, visibleLog } from "../src/core/index.ts";
import { memoryExercise, memoryServiceExercise, type RoleName } from "./memory-exercise.ts";

/**
 * A team's decision as one shared object, folded from the log: the draft teammates edit
 * together, who changed what, the lock with its author and time, re-locks, and what happens
 * to a draft when the turn closes before the team locked.
 */
const dy = "jogmec_dy_stockpile";
const nd = "jogmec_ndpr_stockpile";
const buy = (lever: string, tonnes: number) => ({ op: "buy" as const, lever, tonnes });

async function twoOnJogmec() {
  const ex = await memoryExercise();
  await ex.runner.execute(
    ex.sessionId,
    { participantId: null },
    {
      type: "join",
      participantId: "p-jogmec-2",
      displayName: "Chie",
      role: "participant",
      team: "jogmec",
      via: "join_code",
      capacity: 200,
    },
    { credentials: { "p-jogmec-2": "hash-2" } },
  );
  const edit = (who: string, lever: string, actions: LeverAction[], turn = 0) =>
    ex.runner.execute(
      ex.sessionId,
      { participantId: who },
      { type: "edit_draft", turn, lever, actions },
    );
  const viewOf = async (role: RoleName | "p-jogmec-2") => {
    const state = await ex.runner.read(ex.sessionId);
    const id = role === "p-jogmec-2" ? role : (ex.ids[role] ?? "");
    return buildExerciseView(state, state.members.get(id) as Member);
  };
  return { ...ex, edit, viewOf };
}

describe("the team's shared draft", () => {
  it("two teammates edit one draft; each sees the other's change and who made it; no other team or observer sees it", async () => {
    const ex = await twoOnJogmec();
    await ex.edit("p-jogmec", dy, [buy(dy, 10)]);
    await ex.edit("p-jogmec-2", nd, [buy(nd, 5)]);
    await ex.edit("p-jogmec-2", dy, [buy(dy, 20)]);
    const ben = (await ex.viewOf("teamMember")).decisions.jogmec;
    const chie = (await ex.viewOf("p-jogmec-2")).decisions.jogmec;
    expect(ben).toEqual(chie);
    expect(ben?.draft).toEqual([buy(dy, 20), buy(nd, 5)]);
    expect(ben?.edits.map((e) => [e.by, e.lever, e.before, e.after])).toEqual([
      ["Ben", dy, [], [buy(dy, 10)]],
      ["Chie", nd, [], [buy(nd, 5)]],
      ["Chie", dy, [buy(dy, 10)], [buy(dy, 20)]],
    ]);
    expect((await ex.viewOf("facilitator")).decisions.jogmec?.draft).toEqual(ben?.draft);
    expect((await ex.viewOf("otherTeamMember")).decisions).toEqual({});
    expect((await ex.viewOf("observer")).decisions).toEqual({});
    // The same edit again stores nothing.
    expect((await ex.edit("p-jogmec", dy, [buy(dy, 20)])).events).toEqual([]);
  });

  it("a draft edit is pushed to the team and the facilitator only, and moves no one else's version", async () => {
    const { service, pushes, pushed, joinCode, fac } = await memoryServiceExercise();
    const a = await service.join({ joinCode, displayName: "Aiko", team: "meti" });
    const b = await service.join({ joinCode, displayName: "Ben", team: "jogmec" });
    await service.execute("control", fac, { action: "start" });
    const metiBefore = (await service.view(a.token)).session.seq;
    await pushed();
    await service.execute("edit_draft", b.token, { turn: 0, lever: dy, actions: [buy(dy, 10)] });
    await pushed();
    const touched = pushes.at(-1)?.views() ?? [];
    expect(touched.map((v) => v.audience).sort()).toEqual(["facilitator", "team:jogmec"]);
    expect(JSON.stringify(touched)).toContain(dy);
    // METI's view did not change version, so its next push follows on without a gap.
    expect((await service.view(a.token)).session.seq).toBe(metiBefore);
    await service.execute("broadcast", fac, { text: "Five minutes left" });
    await pushed();
    const meti = pushes
      .at(-1)
      ?.views()
      .find((v) => v.audience === "team:meti");
    expect(meti?.baseVersion).toBe(metiBefore);
    expect(JSON.stringify(meti?.view)).not.toContain(dy);
  });

  it("the lock stays visible with who locked it and when; a re-lock records what it replaced", async () => {
    const ex = await twoOnJogmec();
    await ex.edit("p-jogmec", dy, [buy(dy, 10)]);
    await ex.runner.execute(ex.sessionId, ex.as("teamMember"), {
      type: "lock",
      turn: 0,
      actions: [buy(dy, 10)],
    });
    const first = (await ex.viewOf("p-jogmec-2")).decisions.jogmec?.lock;
    expect(first).toMatchObject({ turn: 0, actions: [buy(dy, 10)], by: "Ben", previous: null });
    expect(first?.at).toMatch(/^2026-11-23T/);
    await ex.edit("p-jogmec-2", dy, [buy(dy, 30)]);
    // Until re-locked, the lock still holds the old decision beside the changed draft.
    const mid = (await ex.viewOf("teamMember")).decisions.jogmec;
    expect([mid?.draft, mid?.lock?.actions]).toEqual([[buy(dy, 30)], [buy(dy, 10)]]);
    await ex.runner.execute(
      ex.sessionId,
      { participantId: "p-jogmec-2" },
      {
        type: "lock",
        turn: 0,
        actions: [buy(dy, 30)],
      },
    );
    const again = (await ex.viewOf("teamMember")).decisions.jogmec?.lock;
    expect(again).toMatchObject({ by: "Chie", actions: [buy(dy, 30)], previous: [buy(dy, 10)] });
  });

  it("a lock after the timer closed the turn is refused as turn_closed (timer), and the unlocked draft is carried into the next turn", async () => {
    const ex = await twoOnJogmec();
    await ex.edit("p-jogmec", dy, [buy(dy, 10)]);
    await ex.runner.execute(
      ex.sessionId,
      { participantId: null },
      { type: "timer_expired", turn: 0 },
    );
    const late = await ex.runner
      .execute(ex.sessionId, ex.as("teamMember"), { type: "lock", turn: 0, actions: [buy(dy, 10)] })
      .catch((e: unknown) => e);
    expect(isAppError(late, "turn_closed")).toBe(true);
    expect((late as { details: unknown }).details).toEqual({
      reason: "turn_closed_draft_kept",
      turn: 0,
      current: 1,
      closedBy: "timer",
      kept: true,
      played: false,
    });
    const d = (await ex.viewOf("teamMember")).decisions.jogmec;
    expect(d).toMatchObject({ turn: 1, draft: [buy(dy, 10)], carriedFrom: 0, lock: null });
    // An edit from a screen still on the closed turn lands in the carried draft.
    await ex.edit("p-jogmec-2", dy, [buy(dy, 12)], 0);
    expect((await ex.viewOf("teamMember")).decisions.jogmec?.draft).toEqual([buy(dy, 12)]);
    // A team that locked starts the next turn with an empty draft.
    await ex.runner.execute(ex.sessionId, ex.as("teamMember"), {
      type: "lock",
      turn: 1,
      actions: [buy(dy, 12)],
    });
    await ex.runner.execute(ex.sessionId, ex.as("facilitator"), { type: "advance", turn: 1 });
    expect((await ex.viewOf("teamMember")).decisions.jogmec).toBeUndefined();
    const stale = await ex.edit("p-jogmec", dy, [buy(dy, 1)], 1).catch((e: unknown) => e);
    expect(isAppError(stale, "turn_closed")).toBe(true);
    expect((stale as { details: { closedBy: string; kept: boolean } }).details).toMatchObject({
      closedBy: "facilitator",
      kept: false,
      played: true,
    });
  });

  it("changes made after a lock but never locked are played as locked and kept for the next turn, not dropped", async () => {
    const ex = await twoOnJogmec();
    await ex.runner.execute(ex.sessionId, ex.as("teamMember"), {
      type: "lock",
      turn: 0,
      actions: [buy(dy, 10)],
    });
    await ex.edit("p-jogmec-2", dy, [buy(dy, 30)]);
    await ex.runner.execute(
      ex.sessionId,
      { participantId: null },
      { type: "timer_expired", turn: 0 },
    );
    const state = await ex.runner.read(ex.sessionId);
    expect(state.engine.results[0]?.fills.find((f) => f.lever === dy)?.ordered).toBe(10);
    expect((await ex.viewOf("teamMember")).decisions.jogmec).toMatchObject({
      turn: 1,
      draft: [buy(dy, 30)],
      carriedFrom: 0,
      carriedAfterLock: true,
      lock: null,
    });
    const late = await ex.runner
      .execute(
        ex.sessionId,
        { participantId: "p-jogmec-2" },
        {
          type: "lock",
          turn: 0,
          actions: [buy(dy, 30)],
        },
      )
      .catch((e: unknown) => e);
    expect((late as { details: unknown }).details).toMatchObject({ kept: true, played: true });
  });

  it("drafts are secret in the log like decisions until the turn resolves", async () => {
    const ex = await twoOnJogmec();
    await ex.edit("p-jogmec", dy, [buy(dy, 10)]);
    const drafts = async (role: RoleName) => {
      const state = await ex.runner.read(ex.sessionId);
      const log = await ex.store.readLog(ex.sessionId);
      return visibleLog(state, state.members.get(ex.ids[role] ?? "") as Member, log).filter(
        (e) => e.event.type === "draft_edited",
      ).length;
    };
    expect([await drafts("teamMember"), await drafts("facilitator")]).toEqual([1, 1]);
    expect([await drafts("otherTeamMember"), await drafts("observer")]).toEqual([0, 0]);
    // Unlocked when the turn closed, the draft is carried into turn 1: still the team's live plan.
    await ex.runner.execute(ex.sessionId, ex.as("facilitator"), { type: "advance", turn: 0 });
    expect([await drafts("teamMember"), await drafts("observer")]).toEqual([1, 0]);
    // Played in turn 1 as drafted, it is history.
    await ex.runner.execute(ex.sessionId, ex.as("teamMember"), {
      type: "lock",
      turn: 1,
      actions: [buy(dy, 10)],
    });
    await ex.runner.execute(ex.sessionId, ex.as("facilitator"), { type: "advance", turn: 1 });
    expect(await drafts("observer")).toBe(1);
  });
});

describe("how turns resolve", () => {
  it("in reveal mode the turn waits for the facilitator after every team has locked", async () => {
    const ex = await memoryExercise();
    await ex.runner.execute(ex.sessionId, ex.as("facilitator"), {
      type: "set_resolution_mode",
      mode: "reveal",
    });
    await ex.runner.execute(ex.sessionId, ex.as("teamMember"), {
      type: "lock",
      turn: 0,
      actions: [],
    });
    const { state } = await ex.runner.execute(ex.sessionId, ex.as("otherTeamMember"), {
      type: "lock",
      turn: 0,
      actions: [],
    });
    expect([state.engine.turn, state.engine.locked]).toEqual([0, { jogmec: [], meti: [] }]);
    const revealed = await ex.runner.execute(ex.sessionId, ex.as("facilitator"), {
      type: "advance",
      turn: 0,
    });
    expect(revealed.state.engine.turn).toBe(1);
    expect(revealed.state.closedBy[0]).toBe("facilitator");
  });

  it("in reveal mode the timer locks each draft as it stands and closes drafting; the turn waits for the facilitator", async () => {
    const ex = await twoOnJogmec();
    await ex.runner.execute(ex.sessionId, ex.as("facilitator"), {
      type: "set_resolution_mode",
      mode: "reveal",
    });
    await ex.edit("p-jogmec", dy, [buy(dy, 10)]);
    const timeUp = () =>
      ex.runner.execute(ex.sessionId, { participantId: null }, { type: "timer_expired", turn: 0 });
    await timeUp();
    const state = await ex.runner.read(ex.sessionId);
    expect(state.engine.turn).toBe(0);
    expect(state.engine.locked.jogmec).toEqual([buy(dy, 10)]);
    expect(state.draftingClosed).toBe(0);
    expect((await ex.viewOf("teamMember")).session.awaitingReveal).toBe(true);
    // A second expiry (a resumed timer) does nothing more.
    expect((await timeUp()).events).toEqual([]);
    for (const late of [
      () => ex.edit("p-jogmec-2", dy, [buy(dy, 20)]),
      () =>
        ex.runner.execute(ex.sessionId, ex.as("teamMember"), {
          type: "lock",
          turn: 0,
          actions: [buy(dy, 20)],
        }),
    ]) {
      const e = await late().catch((x: unknown) => x);
      expect(isAppError(e, "turn_closed")).toBe(true);
      expect((e as { details: { reason: string } }).details.reason).toBe("drafting_closed");
    }
    const revealed = await ex.runner.execute(ex.sessionId, ex.as("facilitator"), {
      type: "advance",
      turn: 0,
    });
    expect(revealed.state.engine.turn).toBe(1);
    expect(revealed.state.engine.results[0]?.fills.map((f) => f.ordered)).toEqual([10]);
    expect((await ex.viewOf("teamMember")).session.awaitingReveal).toBe(false);
  });

  it("a pause keeps the time left; resuming carries on from it rather than the full time", async () => {
    const ex = await memoryExercise({ lobby: true, timer: 300 });
    const f = ex.as("facilitator");
    const deadline = async () => (await ex.runner.read(ex.sessionId)).clock;
    await ex.runner.execute(ex.sessionId, f, { type: "control", action: "start" });
    const started = ex.now() - 1;
    expect((await deadline()).deadlineMs).toBe(started + 300_000);
    ex.wait(120_000);
    await ex.runner.execute(ex.sessionId, f, { type: "control", action: "pause" });
    const left = (await deadline()).remainingMs ?? 0;
    expect(left).toBeGreaterThan(179_990);
    expect(left).toBeLessThanOrEqual(180_000);
    ex.wait(600_000);
    await ex.runner.execute(ex.sessionId, f, { type: "control", action: "resume" });
    const resumedAt = ex.now() - 1;
    expect((await deadline()).deadlineMs).toBe(resumedAt + left);
    // The view tells clients the deadline while running and the time left while paused.
    const state = await ex.runner.read(ex.sessionId);
    const v = buildExerciseView(state, state.members.get(ex.ids.teamMember ?? "") as Member);
    expect([v.session.deadlineMs, v.session.remainingMs]).toEqual([resumedAt + left, null]);
  });
});

describe("news", () => {
  it("the 2010 Senkaku halt and a fired inject reach the feed with their text, turn and time", async () => {
    const ex = await memoryExercise();
    const f = ex.as("facilitator");
    await ex.runner.execute(ex.sessionId, f, {
      type: "inject",
      turn: 0,
      inject: "customs_slowdown",
    });
    for (let turn = 0; turn < 8; turn++)
      await ex.runner.execute(ex.sessionId, f, { type: "advance", turn });
    const state = await ex.runner.read(ex.sessionId);
    const news = buildExerciseView(state, state.members.get(ex.ids.observer ?? "") as Member).news;
    const halt = news.find((n) => n.eventId === "japan_halt_2010");
    expect(halt).toMatchObject({
      origin: "scheduled",
      startLabel: "2010-Q4",
      lastLabel: "2010-Q4",
      effect: { kind: "destination_ban", destinations: ["JP"] },
    });
    expect(halt?.title.ja).toContain("尖閣");
    expect(halt?.description?.en).toMatch(/customs hold/);
    const inject = news.find((n) => n.eventId === "customs_slowdown");
    expect(inject).toMatchObject({ origin: "inject", startLabel: "2009-Q1", lastLabel: "2009-Q2" });
    // Newest first.
    expect(news[0]?.seq).toBeGreaterThanOrEqual(news.at(-1)?.seq ?? 0);
  });
});

describe("news of a scheduled event", () => {
  it("is told when its turn opens, before the engine applies it, and stays one card after", async () => {
    const ex = await memoryExercise();
    const f = ex.as("facilitator");
    const news = async () => {
      const state = await ex.runner.read(ex.sessionId);
      return buildExerciseView(state, state.members.get(ex.ids.teamMember ?? "") as Member).news;
    };
    for (let turn = 0; turn < 6; turn++)
      await ex.runner.execute(ex.sessionId, f, { type: "advance", turn });
    expect((await news()).some((n) => n.eventId === "japan_halt_2010")).toBe(false);
    // 2010-Q4 opens: the halt is news now, not yet applied.
    await ex.runner.execute(ex.sessionId, f, { type: "advance", turn: 6 });
    const told = (await news()).filter((n) => n.eventId === "japan_halt_2010");
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ applied: false, startLabel: "2010-Q4", lastLabel: "2010-Q4" });
    const state = await ex.runner.read(ex.sessionId);
    expect(state.engine.fired.some((e) => e.id === "japan_halt_2010")).toBe(false);
    // Resolved: the engine applied it; the same card, same arrival, now applied.
    await ex.runner.execute(ex.sessionId, f, { type: "advance", turn: 7 });
    const after = (await news()).filter((n) => n.eventId === "japan_halt_2010");
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ applied: true, seq: told[0]?.seq, at: told[0]?.at });
  });
});

describe("a lever two teams share", () => {
  it("shows as run by the other team once its project has started, not while only locked", async () => {
    const ex = await memoryExercise({ moreTeams: ["magnet_maker"] });
    const maker = await ex.join("p-maker", "Mei", "participant", "magnet_maker");
    const meti = async () => {
      const state = await ex.runner.read(ex.sessionId);
      return buildExerciseView(state, state.members.get(ex.ids.otherTeamMember ?? "") as Member);
    };
    await ex.runner.execute(
      ex.sessionId,
      { participantId: maker },
      {
        type: "lock",
        turn: 0,
        actions: [{ op: "activate", lever: "dy_thrift", scale: 1 }],
      },
    );
    // Locked, not resolved: another team's decision stays secret.
    expect((await meti()).runByOthers).toEqual([]);
    await ex.runner.execute(ex.sessionId, ex.as("facilitator"), { type: "advance", turn: 0 });
    expect((await meti()).runByOthers).toEqual([
      { lever: "dy_thrift", team: "magnet_maker", startTurn: 0 },
    ]);
    // JOGMEC does not share the lever; the maker's own card says "under way", not "run by".
    const state = await ex.runner.read(ex.sessionId);
    const jogmec = buildExerciseView(state, state.members.get(ex.ids.teamMember ?? "") as Member);
    expect(jogmec.runByOthers).toEqual([]);
    expect(buildExerciseView(state, state.members.get(maker) as Member).runByOthers).toEqual([]);
  });
});

describe("after a turn", () => {
  it("a team's view carries what its orders filled against what it ordered, and no other team's", async () => {
    const ex = await memoryExercise();
    await ex.runner.execute(ex.sessionId, ex.as("teamMember"), {
      type: "lock",
      turn: 0,
      actions: [buy(dy, 40)],
    });
    await ex.runner.execute(ex.sessionId, ex.as("facilitator"), { type: "advance", turn: 0 });
    const state = await ex.runner.read(ex.sessionId);
    const fillsOf = (role: RoleName) =>
      buildExerciseView(state, state.members.get(ex.ids[role] ?? "") as Member).state.history[0]
        ?.fills;
    expect(fillsOf("teamMember")).toEqual([
      expect.objectContaining({
        lever: dy,
        op: "buy",
        ordered: 40,
        material: "dy_oxide",
        filled: expect.any(Number),
        marketFillShare: expect.any(Number),
      }),
    ]);
    expect(fillsOf("otherTeamMember")).toEqual([]);
    expect(fillsOf("observer")).toEqual([]);
    expect(fillsOf("facilitator")).toHaveLength(1);
  });
});
