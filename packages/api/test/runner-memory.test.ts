import type { Database } from "@chokepoint/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ExerciseRunner } from "../src/service/exercise-runner.ts";
import type { ExerciseService } from "../src/service/exercise-service.ts";
import { catalog, freshService, runningExercise } from "./service-fixture.ts";

let service: ExerciseService;
let db: Database;
beforeAll(async () => {
  ({ service, db } = await freshService());
});
afterAll(async () => {
  service.timers.clearAll();
  await db.$disconnect();
});

describe("exercises in memory", () => {
  it("keeps at most the limit; an evicted one is folded again from its log, unchanged, without re-arming its timer", async () => {
    const runner = new ExerciseRunner(service.store, catalog, undefined, 2);
    let loads = 0;
    runner.onLoad = () => loads++;
    const ids = [];
    for (let i = 0; i < 3; i++) {
      const ex = await runningExercise(service);
      await service.execute("lock", ex.meti.token, { turn: 0, actions: [] });
      ids.push(ex.sessionId);
    }
    const first = await runner.read(ids[0] as string);
    await runner.read(ids[1] as string);
    await runner.read(ids[2] as string); // evicts the first
    expect(loads).toBe(3);
    const again = await runner.read(ids[0] as string);
    expect(again).not.toBe(first); // folded again…
    expect(again.seq).toBe(first.seq); // …to the same state
    expect(again.engine).toEqual(first.engine);
    expect(loads).toBe(3); // and its turn timer is not armed a second time
  });
});
