import { isAppError } from "@chokepoint/contracts";
import type { Database } from "@chokepoint/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withLimits } from "../src/limits.ts";
import { ReviewService } from "../src/review/review-service.ts";
import type { ExerciseService } from "../src/service/exercise-service.ts";
import { freshService, runningExercise } from "./service-fixture.ts";

let service: ExerciseService;
let db: Database;
beforeAll(async () => {
  ({ service, db } = await freshService());
});
afterAll(async () => {
  service.timers.clearAll();
  await db.$disconnect();
});

describe("Monte Carlo limits in the review", () => {
  it("refuses more runs than the limit, rate-limits each token, and serves repeats from the cache", async () => {
    const review = new ReviewService(
      service,
      withLimits({ monteCarlo: { maxRuns: 100, perTokenPerMinute: 2 } }),
    );
    const ex = await runningExercise(service);
    await service.execute("advance", ex.facilitator, { turn: 0 });

    const tooMany = await review.monteCarlo(ex.facilitator, { runs: 500 }).catch((e) => e);
    expect(isAppError(tooMany, "invalid_payload")).toBe(true);
    expect((tooMany as Error).message).toMatch(/at most 100 runs/);

    const a = await review.monteCarlo(ex.facilitator, { runs: 20 });
    // The same question again: the cached answer, not another run (and not counted).
    const again = await review.monteCarlo(ex.facilitator, { runs: 20 });
    expect(again.turns).toEqual(a.turns);
    await review.monteCarlo(ex.facilitator, { runs: 30 });
    const third = await review.monteCarlo(ex.facilitator, { runs: 40 }).catch((e) => e);
    expect(isAppError(third, "rate_limited")).toBe(true);
    expect((third as Error).message).toMatch(/at most 2 requests a minute; try again in \d+ s/);
  });
});
