import { type Database, PrismaExerciseStore, readLog } from "@chokepoint/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../src/limits.ts";
import { ReviewService } from "../src/review/review-service.ts";
import { appRouter } from "../src/router/root.ts";
import { ExerciseService } from "../src/service/exercise-service.ts";
import { JoinGuard } from "../src/service/join-guard.ts";
import { FacilitatorPasscode } from "../src/service/passcode.ts";
import { catalog, freshService, runningExercise } from "./service-fixture.ts";

let service: ExerciseService;
let db: Database;
let changed: string[];
beforeAll(async () => {
  ({ service, db, changed } = await freshService());
});
afterAll(async () => {
  service.timers.clearAll();
  await db.$disconnect();
});
const logLength = async (sessionId: string) => (await readLog(db, sessionId)).length;

describe("running an exercise through the service", () => {
  it("creates, joins by code, starts, locks, auto-advances when every staffed team has locked, and pushes each change", async () => {
    const ex = await runningExercise(service);
    const before = changed.length;
    const v1 = await service.execute("lock", ex.meti.token, { turn: 0, actions: [] });
    expect(v1.roster.find((r) => r.team === "meti")?.locked).toBe(true);
    await service.execute("lock", ex.jogmec.token, {
      turn: 0,
      actions: [{ op: "buy", lever: "jogmec_dy_stockpile", tonnes: 5 }],
    });
    const v3 = await service.execute("lock", ex.maker.token, { turn: 0, actions: [] });
    expect(v3.session.turn).toBe(1);
    expect(v3.state.history).toHaveLength(1);
    expect(changed.length - before).toBeGreaterThanOrEqual(3);
    const jogmecView = await service.view(ex.jogmec.token);
    expect(jogmecView.state.history[0]?.stockpiles.jogmec_dy_stockpile).toBeCloseTo(5, 6);
  });

  it("a participant's view holds their team's briefing, levers and budget only", async () => {
    const ex = await runningExercise(service);
    const v = await service.view(ex.meti.token);
    expect(v.me.team).toBe("meti");
    expect(v.session.joinCode).toBeNull();
    expect(Object.keys(v.state.budgets)).toEqual(["meti"]);
    expect(v.scenario.teams.filter((t) => t.briefing !== null).map((t) => t.id)).toEqual(["meti"]);
    expect(v.scenario.teams.find((t) => t.id === "jogmec")?.levers).toEqual([]);
    const f = await service.view(ex.facilitator);
    expect(f.session.joinCode).toBe(ex.joinCode);
    expect(Object.keys(f.state.budgets)).toEqual(
      expect.arrayContaining(["jogmec", "magnet_maker", "meti"]),
    );
  });
});

describe("forbidden actions are rejected and change nothing", () => {
  it("a participant cannot use another team's lever, call facilitator commands, or act without a valid token", async () => {
    const ex = await runningExercise(service);
    const n = await logLength(ex.sessionId);
    await expect(
      service.execute("lock", ex.meti.token, {
        turn: 0,
        actions: [{ op: "release", lever: "jogmec_dy_stockpile", tonnes: 1 }],
      }),
    ).rejects.toMatchObject({
      code: "rule_violation",
      // In words, the lever by name with its id; no field path on a person's screen.
      message: expect.stringMatching(/^METI cannot use .+ \('jogmec_dy_stockpile'\)/),
    });
    await expect(service.execute("advance", ex.meti.token, { turn: 0 })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(
      service.execute("inject", ex.jogmec.token, { turn: 0, inject: "second_halt" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      service.execute("override", ex.maker.token, {
        turn: 0,
        target: { kind: "budget", team: "magnet_maker", value: 1e9 },
        reason: "I want more money",
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      service.execute("broadcast", ex.meti.token, { text: "hi all" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      service.execute("move", ex.meti.token, {
        participantId: ex.jogmec.participantId,
        team: "meti",
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      service.execute("control", ex.meti.token, { action: "pause" }),
    ).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(
      service.execute("lock", "not-a-real-token-at-all", { turn: 0, actions: [] }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(service.view(undefined)).rejects.toMatchObject({ code: "forbidden" });
    expect(await logLength(ex.sessionId)).toBe(n);
  });

  it("an observer can read but not act; the facilitator cannot lock for a team", async () => {
    const ex = await runningExercise(service);
    const { session } = await service.view(ex.facilitator);
    const obs = await service.join({
      joinCode: session.observerCode as string,
      displayName: "Watcher",
    });
    const n = await logLength(ex.sessionId);
    const v = await service.view(obs.token);
    expect(v.me.role).toBe("observer");
    expect(v.state.budgets).toEqual({});
    await expect(
      service.execute("lock", obs.token, { turn: 0, actions: [] }),
    ).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(
      service.execute("lock", ex.facilitator, { turn: 0, actions: [] }),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect(await logLength(ex.sessionId)).toBe(n);
  });

  it("a participant of one exercise cannot touch another", async () => {
    const a = await runningExercise(service);
    const b = await runningExercise(service);
    // A's token only ever resolves to A's session: locking acts there, never on B.
    await service.execute("lock", a.meti.token, { turn: 0, actions: [] });
    const bView = await service.view(b.facilitator);
    expect(bView.state.lockedTeams).toEqual([]);
  });
});

describe("joining", () => {
  it("a bad join code, an unknown team or an ended exercise gets a clear error and writes nothing", async () => {
    const ex = await runningExercise(service);
    const n = await logLength(ex.sessionId);
    const rows = () => db.participant.count({ where: { sessionId: ex.sessionId } });
    const before = await rows();
    await expect(service.join({ joinCode: "12", displayName: "X" })).rejects.toMatchObject({
      code: "bad_join_code",
      message: expect.stringMatching(/'12' is not a join code/),
    });
    const unused = ex.joinCode === "ZZZZZZ" ? "YYYYYY" : "ZZZZZZ";
    await expect(service.join({ joinCode: unused, displayName: "X" })).rejects.toMatchObject({
      code: "bad_join_code",
      message: expect.stringMatching(/no exercise uses the join code/),
    });
    await expect(
      service.join({ joinCode: ex.joinCode, displayName: "X", team: "kgb" }),
    ).rejects.toMatchObject({ code: "team_not_found", message: expect.stringMatching(/teams: /) });
    await service.execute("control", ex.facilitator, { action: "end" });
    const ended = await logLength(ex.sessionId);
    await expect(
      service.join({ joinCode: ex.joinCode.toLowerCase(), displayName: "Late" }),
    ).rejects.toMatchObject({ code: "bad_join_code", message: expect.stringMatching(/has ended/) });
    expect(ended).toBe(n + 1);
    expect(await logLength(ex.sessionId)).toBe(ended);
    expect(await rows()).toBe(before);
  });
});

describe("malformed payloads get clear errors and change nothing", () => {
  // Input is parsed once, at the tRPC edge, with the shared contracts; the core decides the rest.
  const edge = (token?: string) =>
    appRouter.createCaller({
      service,
      review: new ReviewService(service),
      library: {} as never,
      token,
      address: "127.0.0.1",
      joinGuard: new JoinGuard(DEFAULT_LIMITS.join),
      passcode: new FacilitatorPasscode(undefined),
    });
  const refused = (code: string, message: RegExp) => ({
    cause: { code, message: expect.stringMatching(message) },
  });
  it("names the bad fields", async () => {
    const ex = await runningExercise(service);
    const n = await logLength(ex.sessionId);
    const meti = edge(ex.meti.token);
    const bad = (x: unknown) => x as never;
    await expect(meti.exercise.lock(bad({ turn: "first", actions: [] }))).rejects.toMatchObject(
      refused("invalid_payload", /turn: /),
    );
    await expect(
      meti.exercise.lock(bad({ turn: 0, actions: [{ op: "launch", lever: "x" }] })),
    ).rejects.toMatchObject(refused("invalid_payload", /actions\.0/));
    await expect(
      meti.exercise.lock(bad({ turn: 0, actions: [], team: "jogmec" })),
    ).rejects.toMatchObject(refused("invalid_payload", /Unrecognized key/));
    await expect(
      edge(ex.facilitator).facilitator.override({
        turn: 0,
        target: { kind: "price", material: "ndpr_oxide", value: 2 },
        reason: "",
      }),
    ).rejects.toMatchObject(refused("invalid_payload", /reason/));
    await expect(meti.exercise.lock({ turn: 5, actions: [] })).rejects.toMatchObject(
      refused("rule_violation", /turn 6 but the exercise is at turn 1/),
    );
    await expect(
      edge().exercise.create({ scenarioId: "atlantis", seed: 1, facilitatorName: "X" }),
    ).rejects.toMatchObject(refused("invalid_payload", /no built-in scenario 'atlantis'/));
    await expect(edge().exercise.join({ joinCode: "??", displayName: "X" })).rejects.toMatchObject({
      cause: { code: "bad_join_code" },
    });
    expect(await logLength(ex.sessionId)).toBe(n);
  });
});

describe("the facilitator's controls", () => {
  it("fires an inject, overrides an outcome with a reason, broadcasts, moves a participant, pauses and resumes", async () => {
    const ex = await runningExercise(service);
    await service.execute("inject", ex.facilitator, { turn: 0, inject: "second_halt" });
    await service.execute("override", ex.facilitator, {
      turn: 0,
      target: { kind: "budget", team: "meti", value: 1200 },
      reason: "Supplementary budget passed",
    });
    await service.execute("broadcast", ex.facilitator, { text: "Press conference in 5 minutes" });
    await service.execute("move", ex.facilitator, {
      participantId: ex.maker.participantId,
      team: "jogmec",
    });
    await service.execute("control", ex.facilitator, { action: "pause" });
    await expect(
      service.execute("lock", ex.meti.token, { turn: 0, actions: [] }),
    ).rejects.toMatchObject({ code: "rule_violation", message: expect.stringMatching(/paused/) });
    const v = await service.execute("control", ex.facilitator, { action: "resume" });
    expect(v.state.firedEvents.map((e) => e.id)).toContain("second_halt");
    expect(v.state.budgets.meti).toBe(1200);
    expect(v.messages.map((m) => m.text)).toContain("Press conference in 5 minutes");
    expect(
      v.roster
        .find((r) => r.team === "jogmec")
        ?.members.map((m) => m.displayName)
        .sort(),
    ).toEqual(["Ben", "Chika"]);
    const maker = await service.view(ex.maker.token);
    expect(maker.me.team).toBe("jogmec");
  });

  it("a fresh service on the same database resumes every exercise exactly (as after a restart)", async () => {
    const ex = await runningExercise(service);
    await service.execute("lock", ex.meti.token, { turn: 0, actions: [] });
    await service.execute("lock", ex.jogmec.token, {
      turn: 0,
      actions: [{ op: "buy", lever: "jogmec_dy_stockpile", tonnes: 5 }],
    });
    const before = await service.view(ex.facilitator);
    const restarted = new ExerciseService(new PrismaExerciseStore(db), catalog);
    const after = await restarted.view(ex.facilitator);
    expect(after.session.turn).toBe(before.session.turn);
    expect(after.state.locked).toEqual(before.state.locked);
    expect(after.state).toEqual(before.state);
  });
});
