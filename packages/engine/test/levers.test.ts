import { describe, expect, it } from "vitest";
import type { LeverAction, ScenarioInput } from "../src/index.ts";
import { tinyScenario } from "./fixture.ts";
import { at, play, shortfall, supplied } from "./helpers.ts";

type Decide = (turn: number) => { team: string; actions: LeverAction[] }[];
const on =
  (turn: number, team: string, ...actions: LeverAction[]): Decide =>
  (t) =>
    t === turn ? [{ team, actions }] : [];
const activate = (lever: string, scale = 1): LeverAction => ({ op: "activate", lever, scale });
const quotaFrom = (
  turnLabel: string,
  allowed = 0.3,
  extra: (s: ScenarioInput) => void = () => {},
) =>
  tinyScenario((s) => {
    s.events = [
      {
        id: "quota",
        at: turnLabel,
        title: { ja: "輸出枠", en: "Quota" },
        effect: {
          kind: "export_quota",
          country: "CN",
          materials: ["ore", "oxide", "magnet"],
          allowedFraction: allowed,
        },
      },
    ];
    s.injects = [];
    extra(s);
  });

describe("levers move outcomes the way their definitions say", () => {
  const crisis = quotaFrom("2020-Q2");
  const none = play(crisis, 6).state;

  it("a stockpile release lowers the shortfall in the turns it covers", () => {
    const { state } = play(
      crisis,
      3,
      on(1, "agency", { op: "release", lever: "oxide_stock", tonnes: 50 }),
    );
    expect(shortfall(at(none, 1), "oxide")).toBeGreaterThan(0);
    expect(shortfall(at(state, 1), "oxide")).toBeLessThan(shortfall(at(none, 1), "oxide"));
    expect(at(state, 1).stockpiles.oxide_stock).toBeLessThan(100);
    expect(
      at(state, 1).materials.oxide?.causes.some((c) => c.id === "oxide_stock" && c.amount > 0),
    ).toBe(true);
    // The release also refilled buyers' working stock, which carries into the next turn.
    expect(at(state, 1).materials.oxide?.stockEnd ?? 0).toBeGreaterThan(
      at(none, 1).materials.oxide?.stockEnd ?? 0,
    );
    expect(shortfall(at(state, 2), "oxide")).toBeLessThanOrEqual(
      shortfall(at(none, 2), "oxide") + 1e-9,
    );
  });

  it("a stockpile purchase fills the stockpile at market price and spends the owner's budget", () => {
    const { state } = play(
      tinyScenario(),
      2,
      on(0, "agency", { op: "buy", lever: "oxide_stock", tonnes: 30 }),
    );
    expect(at(state, 0).stockpiles.oxide_stock).toBeCloseTo(130, 6);
    expect(at(state, 0).teams.agency?.spent).toBeCloseTo(30 * 0.02, 9);
    expect(state.budgets.agency).toBeCloseTo(300 - 0.6, 9);
  });

  it("diversification abroad adds supply after its lead time, ramping up, and lowers dependency", () => {
    const { state } = play(crisis, 6, on(0, "agency", activate("mine_abroad")));
    expect(at(state, 1).materials.oxide?.byCountry.AU).toBeCloseTo(
      at(none, 1).materials.oxide?.byCountry.AU ?? 0,
      6,
    );
    expect(state.projects[0]?.readyTurn).toBe(2);
    expect(at(state, 3).materials.oxide?.bySource["mine_abroad@0"]).toBeGreaterThan(
      at(state, 2).materials.oxide?.bySource["mine_abroad@0"] ?? 0,
    );
    expect(shortfall(at(state, 4), "oxide")).toBeLessThan(shortfall(at(none, 4), "oxide"));
    expect(at(state, 4).teams.agency?.controlledShare).toBeLessThan(
      at(none, 4).teams.agency?.controlledShare ?? 0,
    );
    expect(state.spent.agency).toBeGreaterThanOrEqual(100);
  });

  it("a diversified mine closes once prices fall below its break-even, unless a price floor supports it", () => {
    const calm = tinyScenario();
    const closed = play(calm, 8, on(0, "agency", activate("mine_abroad"))).state;
    expect(closed.projects[0]?.status).toBe("closed");
    const both: Decide = (t) =>
      t === 0
        ? [
            { team: "agency", actions: [activate("mine_abroad")] },
            { team: "gov", actions: [activate("floor")] },
          ]
        : [];
    const kept = play(calm, 8, both).state;
    expect(kept.projects.find((p) => p.lever === "mine_abroad")?.status).toBe("active");
    expect(kept.spent.gov).toBeGreaterThan(0);
  });

  it("substitution / thrift lowers the sector's claims once its R&D lands", () => {
    const { state } = play(crisis, 4, on(0, "maker", activate("thrift")));
    expect(at(state, 0).sectors.auto?.output).toBeCloseTo(1, 9);
    expect(at(state, 2).materials.magnet?.claimed).toBeCloseTo(
      (at(none, 2).materials.magnet?.claimed ?? 0) - 30,
      6,
    );
    expect(at(state, 2).sectors.auto?.output).toBeGreaterThan(
      at(none, 2).sectors.auto?.output ?? 1,
    );
  });

  it("a technique adopted over three turns removes a third of its cut more each turn from its ready turn", () => {
    const slow = quotaFrom("2020-Q2", 0.3, (s) => {
      const thrift = s.levers?.find((l) => l.id === "thrift");
      if (thrift?.kind === "substitute") thrift.adoptionTurns = 3;
    });
    const base = play(slow, 5).state;
    const { state } = play(slow, 5, on(0, "maker", activate("thrift")));
    // Ready from turn 1 (lead time 1); the full cut is 25 % of auto's 120 t of magnets.
    for (const [turn, cut] of [
      [1, 10],
      [2, 20],
      [3, 30],
      [4, 30],
    ] as const)
      expect(at(state, turn).materials.magnet?.claimed, `turn ${turn}`).toBeCloseTo(
        (at(base, turn).materials.magnet?.claimed ?? 0) - cut,
        6,
      );
  });

  it("recycling adds home supply at its operating cost", () => {
    const { state } = play(crisis, 3, on(0, "maker", activate("recycling")));
    expect(at(state, 1).materials.oxide?.bySource["recycling@0"]).toBeCloseTo(15, 6);
    expect(supplied(at(state, 1), "oxide")).toBeGreaterThan(supplied(at(none, 1), "oxide"));
    expect(at(state, 1).teams.maker?.spent).toBeCloseTo(15 * 0.01, 9);
  });

  it("an allied offtake delivers for its contract and then stops", () => {
    const { state } = play(crisis, 6, on(0, "maker", activate("offtake")));
    expect(at(state, 1).materials.oxide?.bySource["offtake@0"]).toBeCloseTo(20, 6);
    expect(at(state, 4).materials.oxide?.bySource["offtake@0"]).toBeCloseTo(20, 6);
    expect(at(state, 5).materials.oxide?.bySource["offtake@0"]).toBeUndefined();
  });

  it("a won WTO case ends the challenged measure after the ruling and compliance period", () => {
    const { state } = play(crisis, 6, on(1, "gov", activate("wto")));
    // Filed in turn 1, ruling in turn 3, compliance 1 turn → the quota ends in turn 4.
    expect(at(state, 3).activeEvents).toContain("quota");
    expect(at(state, 4).activeEvents).not.toContain("quota");
    expect(shortfall(at(state, 4), "oxide")).toBeLessThan(shortfall(at(none, 4), "oxide"));
  });

  it("own export controls halve licence denials as leverage and cost the sector that bears them", () => {
    const licensed = tinyScenario((s) => {
      s.events = [
        {
          id: "lic",
          at: "2020-Q1",
          title: { ja: "許可制", en: "Licensing" },
          effect: {
            kind: "licence_regime",
            country: "CN",
            materials: ["oxide"],
            approvalDelayDays: 0,
            denialRate: 0.6,
          },
        },
      ];
    });
    const without = play(licensed, 3).state;
    const withControls = play(licensed, 3, on(0, "gov", activate("own_controls"))).state;
    const denied = (s: typeof without) =>
      -(
        at(s, 1)
          .materials.oxide?.causes.filter((c) => c.id === "lic")
          .reduce((a, c) => a + c.amount, 0) ?? 0
      );
    expect(denied(withControls)).toBeCloseTo(denied(without) / 2, 6);
    expect(at(withControls, 1).sectors.wind?.valueAddedLost).toBeGreaterThanOrEqual(20);
  });
});

describe("a team can only use the levers and budget the scenario gives it", () => {
  it("rejects another team's lever, an over-budget action, and a release larger than the stockpile, naming each", async () => {
    const { applyEvent, initialState, prepareModel } = await import("../src/index.ts");
    const model = prepareModel(tinyScenario());
    const s0 = initialState(model, 1);
    const r = applyEvent(model, s0, {
      type: "decisions_locked",
      turn: 0,
      team: "maker",
      actions: [{ op: "release", lever: "oxide_stock", tonnes: 10 }, activate("offtake")],
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe("invalid_decision");
      // For logs and tools: the field path and the ids; the team and lever also by name.
      const stockEn = model.levers.get("oxide_stock")?.name.en ?? "";
      expect(r.error.message).toContain(
        `actions.0.lever: ${model.teams.get("maker")?.name.en} cannot use ${stockEn} ('oxide_stock')`,
      );
      // For a Japanese reader: the team and lever by their names, no field paths.
      const maker = model.teams.get("maker")?.name.ja ?? "";
      const stock = model.levers.get("oxide_stock")?.name.ja ?? "";
      expect(r.error.ja).toContain(`${maker}は「${stock}」を使えません`);
      expect(r.error.ja).not.toContain("actions.0");
    }
    const poor = applyEvent(
      model,
      { ...s0, budgets: { ...s0.budgets, agency: 50 } },
      { type: "decisions_locked", turn: 0, team: "agency", actions: [activate("mine_abroad")] },
    );
    expect(poor.ok).toBe(false);
    if (!poor.ok) {
      expect(poor.error.message).toMatch(
        /\('mine_abroad'\) costs 100 \S+ m but \S+ has 50 \S+ m left/,
      );
      expect(poor.error.ja).toMatch(/費用 100 .*残り予算は 50 /);
    }
    const tooMuch = applyEvent(model, s0, {
      type: "decisions_locked",
      turn: 0,
      team: "agency",
      actions: [
        { op: "release", lever: "oxide_stock", tonnes: 60 },
        { op: "release", lever: "oxide_stock", tonnes: 50 },
      ],
    });
    expect(tooMuch.ok).toBe(false);
    if (!tooMuch.ok)
      expect(tooMuch.error.issues?.map((i) => i.path.join("."))).toEqual([
        "actions.1.tonnes",
        "actions.1.tonnes",
      ]);
    const stale = applyEvent(model, s0, { type: "turn_resolved", turn: 3 });
    expect(stale.ok).toBe(false);
    if (!stale.ok) expect(stale.error.code).toBe("stale_turn");
  });
});
