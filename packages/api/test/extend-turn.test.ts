import { MemoryExerciseStore } from "@chokepoint/db";
import { describe, expect, it } from "vitest";
import { silentBroadcaster } from "../src/service/broadcaster.ts";
import { ExerciseService } from "../src/service/exercise-service.ts";
import { TurnTimers } from "../src/service/turn-timers.ts";
import { memoryCatalog } from "./memory-exercise.ts";

/** The server's turn timers, remembering how long each was last set for. */
class RecordingTimers extends TurnTimers {
  readonly armedMs: number[] = [];
  override arm(sessionId: string, ms: number, fire: () => void): void {
    this.armedMs.push(ms);
    super.arm(sessionId, ms, fire);
  }
}

/** A started exercise on the in-memory store with a two-minute turn timer and a still clock. */
async function timedExercise(turnTimerSeconds: number | undefined = 120) {
  let clock = Date.UTC(2026, 11, 7, 14, 0);
  const timers = new RecordingTimers();
  const service = new ExerciseService(
    new MemoryExerciseStore(),
    memoryCatalog,
    silentBroadcaster,
    timers,
    { now: () => new Date(clock) },
  );
  const { joinCode, token: fac } = await service.createExercise({
    scenarioId: "rare-earth-2010",
    seed: 7,
    facilitatorName: "Sato",
    teams: ["meti", "jogmec"],
    ...(turnTimerSeconds ? { turnTimerSeconds } : {}),
  });
  const meti = await service.join({ joinCode, displayName: "Aiko", team: "meti" });
  await service.execute("control", fac, { action: "start" });
  const tick = (ms: number) => {
    clock += ms;
  };
  return { service, fac, meti, timers, tick };
}

const refused = (reason: string) => ({ details: expect.objectContaining({ reason }) });

describe("the facilitator gives the open turn more time", () => {
  it("moves the running turn's deadline by the seconds given, and re-arms the server's timer", async () => {
    const { service, fac, timers, tick } = await timedExercise();
    const before = (await service.view(fac)).session.deadlineMs as number;
    tick(30_000);
    const after = await service.execute("extend_turn", fac, { turn: 0, seconds: 60 });
    expect(after.session.deadlineMs).toBe(before + 60_000);
    // 120 s from the start, 30 s gone, 60 s more: the timer fires 150 s from now.
    expect(timers.armedMs.at(-1)).toBe(150_000);
    timers.clearAll();
  });

  it("adds to the time left while paused, so the resume carries on with it", async () => {
    const { service, fac, timers, tick } = await timedExercise();
    tick(100_000);
    await service.execute("control", fac, { action: "pause" });
    const paused = await service.execute("extend_turn", fac, { turn: 0, seconds: 60 });
    expect(paused.session.remainingMs).toBe(80_000);
    const resumed = await service.execute("control", fac, { action: "resume" });
    expect(resumed.session.deadlineMs).toBe(Date.UTC(2026, 11, 7, 14, 0) + 100_000 + 80_000);
    timers.clearAll();
  });

  it("is the facilitator's, for the open turn of a timed exercise only", async () => {
    const { service, fac, meti, timers } = await timedExercise();
    await expect(
      service.execute("extend_turn", meti.token, { turn: 0, seconds: 60 }),
    ).rejects.toMatchObject(refused("facilitator_only"));
    await expect(
      service.execute("extend_turn", fac, { turn: 1, seconds: 60 }),
    ).rejects.toMatchObject({ code: "turn_closed", ...refused("not_the_open_turn") });
    timers.clearAll();
    const untimed = await timedExercise(0);
    await expect(
      untimed.service.execute("extend_turn", untimed.fac, { turn: 0, seconds: 60 }),
    ).rejects.toMatchObject(refused("no_turn_timer"));
  });
});
