import { type Database, PrismaExerciseStore } from "@chokepoint/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ExerciseService } from "../src/service/exercise-service.ts";
import { TurnTimers } from "../src/service/turn-timers.ts";
import { catalog, freshService } from "./service-fixture.ts";

/** Timers the test fires by hand instead of waiting. */
class ManualTimers extends TurnTimers {
  readonly armed = new Map<string, { ms: number; fire: () => void }>();
  override arm(sessionId: string, ms: number, fire: () => void): void {
    this.armed.set(sessionId, { ms, fire });
  }
  override clear(sessionId: string): void {
    this.armed.delete(sessionId);
  }
}

let db: Database;
beforeAll(async () => {
  ({ db } = await freshService());
});
afterAll(async () => {
  await db.$disconnect();
});

describe("turn timer", () => {
  it("resolves the turn when the timer ends, even if not every team has locked, and re-arms for the next", async () => {
    const timers = new ManualTimers();
    const service = new ExerciseService(new PrismaExerciseStore(db), catalog, undefined, timers);
    const {
      joinCode,
      token: fac,
      sessionId,
    } = await service.createExercise({
      scenarioId: "rare-earth-2010",
      seed: 3,
      facilitatorName: "Sato",
      teams: ["meti", "jogmec"],
      turnTimerSeconds: 600,
    });
    const a = await service.join({ joinCode, displayName: "Aiko", team: "meti" });
    await service.join({ joinCode, displayName: "Ben", team: "jogmec" });
    await service.execute("control", fac, { action: "start" });
    expect(timers.armed.get(sessionId)?.ms).toBe(600_000);
    await service.execute("lock", a.token, { turn: 0, actions: [] });
    expect((await service.view(fac)).session.turn).toBe(0);
    timers.armed.get(sessionId)?.fire();
    await expect.poll(async () => (await service.view(fac)).session.turn).toBe(1);
    expect(timers.armed.has(sessionId)).toBe(true);
    // A pause stops the clock.
    await service.execute("control", fac, { action: "pause" });
    expect(timers.armed.has(sessionId)).toBe(false);
  });

  it("resuming arms the timer with the time that was left, not the full time", async () => {
    const timers = new ManualTimers();
    const service = new ExerciseService(new PrismaExerciseStore(db), catalog, undefined, timers);
    const { token: fac, sessionId } = await service.createExercise({
      scenarioId: "rare-earth-2010",
      seed: 3,
      facilitatorName: "Sato",
      turnTimerSeconds: 600,
    });
    await service.execute("control", fac, { action: "start" });
    await new Promise((r) => setTimeout(r, 1100));
    const paused = await service.execute("control", fac, { action: "pause" });
    const left = paused.session.remainingMs ?? 0;
    expect(left).toBeLessThan(599_000);
    expect(left).toBeGreaterThan(590_000);
    await new Promise((r) => setTimeout(r, 300));
    const resumed = await service.execute("control", fac, { action: "resume" });
    expect(timers.armed.get(sessionId)?.ms).toBe(left);
    expect(resumed.session.deadlineMs).toBeGreaterThan(Date.now() + left - 1000);
    // A restarted server (a new service on the same database) re-arms with what is left.
    const afterRestart = new ManualTimers();
    await new ExerciseService(new PrismaExerciseStore(db), catalog, undefined, afterRestart).view(
      fac,
    );
    const rearmed = afterRestart.armed.get(sessionId)?.ms ?? 0;
    expect(rearmed).toBeLessThanOrEqual(left);
    expect(rearmed).toBeGreaterThan(left - 5000);
  });
});
