import { prepareModel, runPlan } from "@chokepoint/engine";
import { describe, expect, it } from "vitest";
import { runLessons } from "../src/review/run-lessons.ts";
import { catalog, reviewForFile, runningExercise } from "./service-fixture.ts";

const entry = catalog.get("rare-earth-2010");
const fx = reviewForFile();

/** Plays `turns` turns live with every team locking no action: the 'do nothing' policy. */
async function doNothing(turns: number) {
  const ex = await runningExercise(fx.service);
  for (let t = 0; t < turns; t++)
    for (const team of [ex.meti, ex.jogmec, ex.maker])
      await fx.service.execute("lock", team.token, { turn: t, actions: [] });
  return ex;
}

describe("the review's lessons: project money and production moved abroad", () => {
  it("reads each project's cash and NPV and the relocation exactly as the engine ends the run", () => {
    if (!entry?.reference) throw new Error("rare-earth-2010 has Japan's recorded decisions");
    const model = prepareModel(entry.scenario);
    const run = runPlan(model, 2010, entry.reference).state;
    const lessons = runLessons(model, run.results);
    const lynas = run.projects.find((p) => p.lever === "lynas_jare");
    const got = lessons.projects.find((p) => p.lever === "lynas_jare");
    expect(lynas?.economics).toBeDefined();
    expect(got).toMatchObject({
      startTurn: lynas?.startTurn,
      readyTurn: lynas?.readyTurn,
      npv: lynas?.economics?.npv,
      cumulativeCash: lynas?.economics?.cumulativeCash,
      lossSinceTurn: lynas?.economics?.lossSinceTurn,
    });
    // The lesson to discover: started near the peak, on stream once the price had fallen.
    expect(got?.priceMultiple.atReady).toBeLessThan(got?.priceMultiple.atStart ?? 0);
    const last = run.results.at(-1);
    for (const r of lessons.relocation) {
      expect(r.movedAbroad).toBeCloseTo(1 - (last?.location[r.source]?.homeShare ?? 1), 12);
      const { shortage, costGap, insecurity } = r.pressure;
      const top = Math.max(shortage, costGap, insecurity);
      expect(r.driver && r.pressure[r.driver]).toBe(top);
    }
  });

  it("a room that did nothing sees no project and its relocation beside Japan's path on the same seed", async () => {
    const turns = 20;
    const ex = await doNothing(turns);
    const t = await fx.review.timeline(ex.facilitator);
    expect(t.turns).toHaveLength(turns);
    expect(t.lessons.projects).toEqual([]);
    const ref = t.reference;
    if (!ref) throw new Error("rare-earth-2010 has a reference path");
    // Japan's path started Lynas and, 20 turns in, it is on stream and losing money.
    const lynas = ref.lessons.projects.find((p) => p.lever === "lynas_jare");
    expect(lynas?.readyTurn).toBeLessThan(turns);
    expect(lynas?.npv).toBeLessThan(0);
    expect(lynas?.lossSinceTurn).not.toBeNull();
    // Both paths move magnet making abroad, by different amounts, for the engine's reasons.
    const mine = t.lessons.relocation.find((r) => r.source === "jp_magnet_plants");
    const theirs = ref.lessons.relocation.find((r) => r.source === "jp_magnet_plants");
    expect(mine?.movedAbroad).toBeGreaterThan(0);
    expect(theirs?.movedAbroad).toBeGreaterThan(0);
    expect(mine?.movedAbroad).not.toBe(theirs?.movedAbroad);
    expect(mine?.driver).not.toBeNull();
    // The same run's figures as the engine's own, re-run here from the plan (none).
    const model = prepareModel(entry?.scenario as NonNullable<typeof entry>["scenario"]);
    const alone = runPlan(model, 2010, new Map()).state.results.slice(0, turns);
    expect(t.lessons).toEqual(runLessons(model, alone));
    // Japan's path's margin squeeze and outlay are recorded beside the exercise's.
    expect(ref.turns.every((x) => Number.isFinite(x.extraInputCost))).toBe(true);
    expect(ref.turns.reduce((a, x) => a + x.spend, 0)).toBeGreaterThan(0);
    expect(t.turns.reduce((a, x) => a + x.metrics.spend, 0)).toBe(0);
  }, 120_000);
});
