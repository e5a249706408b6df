import { describe, expect, it } from "vitest";
import type { LeverAction, ScenarioInput } from "../src/index.ts";
import { tinyScenario } from "./fixture.ts";
import { play } from "./helpers.ts";

type Lever = NonNullable<ScenarioInput["levers"]>[number];
/** The fixture's mine abroad as a real project: home takes a quarter of its output. */
const project = (patch: (s: ScenarioInput) => void = () => {}) =>
  tinyScenario((s) => {
    const mine = (s.levers ?? []).find((l) => l.id === "mine_abroad") as Extract<
      Lever,
      { kind: "diversify" }
    >;
    Object.assign(mine, {
      capacity: 8,
      homeOfftakeShare: 0.25,
      capex: 0.4,
      fundedShare: 0.5,
      leadTimeTurns: 1,
      rampTurns: 1,
      breakevenPriceMultiple: 1.5,
      closeAfterLossTurns: 20,
    });
    s.calendar.turns = 10;
    patch(s);
  });
// Prices rise for three turns, then fall back below the project's cost.
const boom = (s: ScenarioInput) => {
  s.events = [
    {
      id: "boom",
      at: "2020-Q2",
      durationTurns: 3,
      title: { ja: "高騰", en: "Boom" },
      effect: { kind: "price_shock", materials: ["oxide"], multiplier: 6 },
    },
  ];
};
const start = (turn: number) => (t: number) =>
  t === turn
    ? [
        {
          team: "agency",
          actions: [{ op: "activate", lever: "mine_abroad", scale: 1 } as LeverAction],
        },
      ]
    : [];
const npvOf = (turn: number) => {
  const { state } = play(project(boom), 10, start(turn));
  return state.projects.find((p) => p.lever === "mine_abroad")?.economics?.npv ?? Number.NaN;
};

describe("projects at their real scale", () => {
  it("one project started early and late gives opposite NPV signs on a rising-then-falling price path", () => {
    const early = npvOf(0);
    const late = npvOf(5);
    expect(early).toBeGreaterThan(0);
    expect(late).toBeLessThan(0);
  });

  it("sells its whole output, home taking only its offtake share; the team pays its funded share of the capex", () => {
    const { state } = play(project(), 4, start(0));
    const p = state.projects.find((x) => x.lever === "mine_abroad");
    expect(p?.economics?.output).toBeCloseTo(8, 9);
    const last = state.results[3];
    expect(last?.materials.oxide?.bySource[p?.id ?? ""] ?? 0).toBeLessThanOrEqual(2 + 1e-9);
    expect(state.spent.agency).toBeCloseTo(0.2, 9);
    expect(p?.economics?.cumulativeCash ?? 0).toBeLessThan(0);
  });
});
