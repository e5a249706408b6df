import { describe, expect, it } from "vitest";
import type { ScenarioInput } from "../src/index.ts";
import { tinyScenario } from "./fixture.ts";
import { at, play } from "./helpers.ts";

type EventInput = NonNullable<ScenarioInput["events"]>[number];
const ev = (
  id: string,
  atTurn: string,
  effect: EventInput["effect"],
  extra: Partial<EventInput> = {},
): EventInput => ({
  id,
  at: atTurn,
  title: { ja: id, en: id },
  effect,
  ...extra,
});
const licence = (id: string, atTurn: string, delay: number) =>
  ev(id, atTurn, {
    kind: "licence_regime",
    country: "CN",
    materials: ["oxide"],
    approvalDelayDays: delay,
    denialRate: 0,
  });
const fromChina = (s: ReturnType<typeof play>["state"], t: number) =>
  at(s, t).materials.oxide?.byCountry.CN ?? 0;

describe("the world market", () => {
  it("amending a licence rule does not restart the stop: the queue counts from the first rule", () => {
    const first = licence("rule", "2020-Q2", 120);
    const amended = tinyScenario((s) => {
      s.events = [first, licence("amendment", "2020-Q4", 120)];
    });
    const fresh = tinyScenario((s) => {
      s.events = [licence("amendment", "2020-Q4", 120)];
    });
    const a = play(amended, 6).state;
    const f = play(fresh, 6).state;
    // A rule starting alone in 2020-Q4 stops Chinese oxide that quarter; as an amendment it does not.
    expect(fromChina(f, 3)).toBeLessThan(1e-9);
    expect(fromChina(a, 3)).toBeGreaterThan(10);
  });

  it("a quota stops binding when buyers want less than it allows", () => {
    // Home normally takes 60 t of China's 80 t channel; a cap at 60 % (48 t) binds.
    const quota = ev("cap", "2020-Q2", {
      kind: "export_quota",
      country: "CN",
      materials: ["oxide"],
      allowedFraction: 0.6,
    });
    const slump = ev("slump", "2020-Q2", {
      kind: "demand_shock",
      sectors: ["auto", "wind"],
      multiplier: 0.4,
    });
    const withEvents = (events: EventInput[]) =>
      tinyScenario((s) => {
        s.events = events;
      });
    const normal = play(withEvents([quota]), 4).state;
    const weak = play(withEvents([quota, slump]), 4).state;
    const cap = 0.6 * 80;
    // With normal demand China ships up to the cap; with demand down it ships less than the cap allows.
    expect(fromChina(normal, 2)).toBeCloseTo(cap, 6);
    expect(fromChina(weak, 3)).toBeLessThan(cap - 1);
    expect(at(weak, 3).materials.oxide?.shortfall ?? 1).toBeLessThan(1e-9);
  });

  it("thrift learned during a price spike mostly stays after prices fall", () => {
    const spiky = tinyScenario((s) => {
      const oxide = s.materials.find((m) => m.id === "oxide");
      if (oxide) oxide.demandElasticity = 0.5;
      s.events = [
        ev(
          "cut",
          "2020-Q2",
          { kind: "export_quota", country: "CN", materials: ["oxide"], allowedFraction: 0.3 },
          { durationTurns: 2 },
        ),
      ];
    });
    const st = play(spiky, 8).state;
    const factor = (t: number) => at(st, t).materials.oxide?.demandFactor ?? 1;
    const low = Math.min(...[1, 2, 3, 4].map(factor));
    expect(low).toBeLessThan(0.95);
    // Two years on, prices are close to normal again, but demand has not come all the way back.
    expect(at(st, 7).priceMultiples.oxide ?? 0).toBeLessThan(1.5);
    expect(factor(7)).toBeLessThan(1 - (1 - low) * 0.3);
  });
});
