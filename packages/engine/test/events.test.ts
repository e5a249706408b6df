import { describe, expect, it } from "vitest";
import type { ScenarioInput } from "../src/index.ts";
import { tinyScenario } from "./fixture.ts";
import { at, play, shortfall, supplied } from "./helpers.ts";

type EventInput = NonNullable<ScenarioInput["events"]>[number];
const withEvents = (...events: EventInput[]) =>
  tinyScenario((s) => {
    s.events = events;
  });
const ev = (
  id: string,
  atTurn: string,
  effect: EventInput["effect"],
  extra: Partial<EventInput> = {},
): EventInput => ({ id, at: atTurn, title: { ja: id, en: id }, effect, ...extra });
const baseline = play(tinyScenario(), 8).state;

describe("disruption events move outcomes the way their definitions say", () => {
  it("an export quota cuts supply from the controlling country and raises the price while in force", () => {
    const { state } = play(
      withEvents(
        ev("q", "2020-Q2", {
          kind: "export_quota",
          country: "CN",
          materials: ["oxide"],
          allowedFraction: 0.5,
        }),
      ),
      4,
    );
    expect(at(state, 0).materials.oxide?.byCountry.CN).toBeCloseTo(
      at(baseline, 0).materials.oxide?.byCountry.CN ?? 0,
    );
    expect(at(state, 1).materials.oxide?.byCountry.CN ?? 0).toBeLessThanOrEqual(40 + 1e-9);
    expect(at(state, 1).prices.oxide).toBeGreaterThan(at(baseline, 1).prices.oxide ?? 0);
    expect(
      at(state, 1).materials.oxide?.causes.some(
        (c) => c.kind === "event" && c.id === "q" && c.amount < 0,
      ),
    ).toBe(true);
  });

  it("a licence regime holds back shipments for its approval delay, then denies its denial rate", () => {
    const { state } = play(
      withEvents(
        ev("lic", "2020-Q2", {
          kind: "licence_regime",
          country: "CN",
          materials: ["oxide"],
          approvalDelayDays: 45.625,
          denialRate: 0.2,
          denialSpread: 0,
        }),
      ),
      4,
    );
    const cap = (t: number) =>
      (at(state, t).materials.oxide?.causes ?? [])
        .filter((c) => c.id === "lic")
        .reduce((a, c) => a - c.amount, 0);
    // First turn: half a quarter of delay, then 20 % denied → 80 × (1 − 0.5 × 0.8) = 48 t held back.
    expect(cap(1)).toBeCloseTo(48, 6);
    // Later turns: only denials → 16 t.
    expect(cap(2)).toBeCloseTo(16, 6);
  });

  it("a ban on the home country stops its imports but for leakage; a ban on others only tightens the world price", () => {
    const home = play(
      withEvents(
        ev("ban", "2020-Q2", {
          kind: "destination_ban",
          country: "CN",
          materials: [],
          destinations: ["JP"],
          leakage: 0.1,
        }),
      ),
      3,
    ).state;
    expect(at(home, 1).materials.oxide?.byCountry.CN ?? 0).toBeLessThanOrEqual(8 + 1e-9);
    expect(at(home, 1).materials.magnet?.byCountry.CN ?? 0).toBeLessThanOrEqual(2 + 1e-9);
    const other = play(
      withEvents(
        ev("us", "2020-Q2", {
          kind: "destination_ban",
          country: "CN",
          materials: ["oxide"],
          destinations: ["US"],
          worldTightening: 0.2,
        }),
      ),
      3,
    ).state;
    expect(supplied(at(other, 1), "oxide")).toBeCloseTo(supplied(at(baseline, 1), "oxide"));
    expect(at(other, 1).prices.oxide).toBeGreaterThan(at(baseline, 1).prices.oxide ?? 0);
  });

  it("a re-export rule costs exposed sectors part of their exports and spares others", () => {
    const { state } = play(
      withEvents(
        ev("rx", "2020-Q2", {
          kind: "reexport_rule",
          country: "CN",
          materials: ["magnet"],
          valueThreshold: 0.001,
          exportLossRate: 0.4,
        }),
      ),
      3,
    );
    // auto: exports 50 %, content 30 % ≥ 0.1 % → loses 1000 × 0.5 × 0.4 = 200.
    expect(at(state, 1).sectors.auto?.valueAddedLost).toBeCloseTo(200, 6);
    expect(at(state, 1).sectors.wind?.valueAddedLost).toBeCloseTo(0, 9);
  });

  it("price and demand shocks move price and claims", () => {
    const { state } = play(
      withEvents(
        ev("p", "2020-Q2", { kind: "price_shock", materials: ["magnet"], multiplier: 3 }),
        ev("d", "2020-Q2", { kind: "demand_shock", sectors: ["wind"], multiplier: 0.5 }),
      ),
      3,
    );
    expect(at(state, 1).prices.magnet).toBeGreaterThan((at(baseline, 1).prices.magnet ?? 0) * 1.5);
    expect(at(state, 1).materials.oxide?.claimed).toBeLessThan(
      at(baseline, 1).materials.oxide?.claimed ?? 0,
    );
  });

  it("a suspension pauses an event while in force; an end event ends it for good", () => {
    const quota = ev("q", "2020-Q1", {
      kind: "export_quota",
      country: "CN",
      materials: ["oxide"],
      allowedFraction: 0.2,
    });
    const { state } = play(
      withEvents(
        quota,
        ev("sus", "2020-Q2", { kind: "suspend_event", targets: ["q"] }, { durationTurns: 1 }),
        ev("end", "2020-Q4", { kind: "end_event", targets: ["q"] }),
      ),
      5,
    );
    expect(at(state, 0).activeEvents).toContain("q");
    expect(at(state, 1).activeEvents).not.toContain("q");
    expect(at(state, 2).activeEvents).toContain("q");
    expect(at(state, 3).activeEvents).not.toContain("q");
    expect(at(state, 4).activeEvents).not.toContain("q");
    expect(shortfall(at(state, 1), "oxide")).toBeLessThan(shortfall(at(state, 2), "oxide"));
  });

  it("a triggered event fires the turn after its condition first holds, once", () => {
    const { state } = play(
      withEvents(
        ev("q", "2020-Q1", {
          kind: "export_quota",
          country: "CN",
          materials: ["oxide", "ore"],
          allowedFraction: 0.1,
        }),
        {
          id: "alarm",
          when: { metric: "price_multiple", material: "oxide", above: 2 },
          title: { ja: "警報", en: "Alarm" },
          effect: { kind: "demand_shock", sectors: ["wind"], multiplier: 0.5 },
        },
      ),
      6,
    );
    const firedAt = state.results.findIndex((r) => r.newlyFired.includes("alarm"));
    expect(firedAt).toBeGreaterThan(0);
    expect(at(state, firedAt - 1).priceMultiples.oxide).toBeGreaterThan(2);
    expect(state.results.filter((r) => r.newlyFired.includes("alarm"))).toHaveLength(1);
  });

  it("an inject fired by hand acts like a scheduled event from the current turn", () => {
    const { state } = play(
      tinyScenario(),
      3,
      () => [],
      1,
      (turn) => (turn === 1 ? [{ type: "inject_fired", turn, inject: "quota" }] : []),
    );
    expect(at(state, 0).activeEvents).not.toContain("quota");
    expect(at(state, 1).activeEvents).toContain("quota");
    expect(shortfall(at(state, 1), "oxide")).toBeGreaterThan(0);
  });

  it("a technology control slows the ramp-up of diversification abroad", () => {
    const invest = (turn: number) =>
      turn === 0
        ? [
            {
              team: "agency",
              actions: [{ op: "activate" as const, lever: "mine_abroad", scale: 1 }],
            },
          ]
        : [];
    const free = play(tinyScenario(), 5, invest).state;
    const slowed = play(
      withEvents(
        ev("tc", "2020-Q1", { kind: "technology_control", country: "CN", rampMultiplier: 0.5 }),
      ),
      5,
      invest,
    ).state;
    expect(free.projects[0]?.progress).toBeGreaterThan(slowed.projects[0]?.progress ?? 1);
  });

  it("a foreign takeover removes a source's capacity unless screening was in force first", () => {
    const takeover = ev("buyout", "2020-Q3", {
      kind: "foreign_takeover",
      source: "jp_refinery",
      capacityLoss: 1,
    });
    const open = play(withEvents(takeover), 4).state;
    expect(at(open, 2).materials.oxide?.bySource.jp_refinery ?? 0).toBe(0);
    const screened = play(withEvents(takeover), 4, (t) =>
      t === 0
        ? [{ team: "gov", actions: [{ op: "activate" as const, lever: "screening", scale: 1 }] }]
        : [],
    ).state;
    expect(at(screened, 2).materials.oxide?.bySource.jp_refinery ?? 0).toBeGreaterThan(0);
  });

  it("an end-user ban cuts listed home sectors off the controlling country, not the rest; non-controlled supply goes to them first", () => {
    // wind takes oxide directly (10 t/turn); list it. Non-Chinese oxide: home refining and Australia.
    const list = (leakage: number) =>
      ev("list", "2020-Q2", {
        kind: "end_user_ban",
        country: "CN",
        materials: ["oxide"],
        sectors: ["wind"],
        leakage,
      });
    const r = at(play(withEvents(list(0)), 3).state, 1);
    expect(r.sectors.wind?.output).toBeCloseTo(1, 6); // served from home refining and Australia
    expect(r.sectors.auto?.output).toBeCloseTo(at(baseline, 1).sectors.auto?.output ?? 0, 6);
    // With less non-Chinese oxide than the listed sector needs, it falls short and the ban is named.
    const scarce = [
      ev("refinery", "2020-Q2", {
        kind: "foreign_takeover",
        source: "jp_refinery",
        capacityLoss: 1,
      }),
      ev("au", "2020-Q2", { kind: "foreign_takeover", source: "au_oxide", capacityLoss: 0.5 }),
    ];
    // Working stock bridges the first turn; by the second it is spent.
    const tight = withEvents(list(0), ...scarce);
    const t = at(play(tight, 3).state, 2);
    expect(t.sectors.wind?.output).toBeLessThan(0.7);
    expect(t.sectors.wind?.causes.some((c) => c.id === "list")).toBe(true);
    // A watch list's stricter review (leakage) lets part through.
    const watched = withEvents(list(0.5), ...scarce);
    const open = at(play(withEvents(...scarce), 3).state, 2);
    expect(open.sectors.wind?.output).toBeGreaterThan(t.sectors.wind?.output ?? 1);
    expect(at(play(watched, 3).state, 2).sectors.wind?.output).toBeGreaterThan(
      t.sectors.wind?.output ?? 1,
    );
  });
});
