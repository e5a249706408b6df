import {
  applyEvent,
  checkHistory,
  describeVariation,
  type EngineEvent,
  type EngineState,
  explainTurn,
  historyPanel,
  initialState,
  monteCarlo,
  monteCarloLog,
  type Plan,
  prepareModel,
  runPlan,
  runSummary,
  type Scenario,
  scoreObjectives,
  type TeamDecision,
  turnIndexOf,
  turnMetrics,
} from "@chokepoint/engine";
import { describe, expect, it } from "vitest";
import { builtInScenarios } from "./built-in-scenarios.ts";
import { loadDecisionsFile, loadScenarioFile } from "./load-scenario-file.ts";

const entry = builtInScenarios().find((s) => s.id === "rare-earth-2010");
if (!entry) throw new Error("scenarios/rare-earth-2010 is missing");
const loaded = loadScenarioFile(entry.file);
if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
const scenario = loaded.value;
const actualFile = entry.decisions.find((f) => f.endsWith("decisions-japan-actual.yaml")) ?? "";
const actual = loadDecisionsFile(actualFile, scenario);
if (!actual.ok) throw new Error(JSON.stringify(actual.issues));
const actualPlan = actual.value;

const run = (s: Scenario, plan: Plan, seed = 2010): EngineState =>
  runPlan(prepareModel(s), seed, plan).state;
const at = (s: Scenario, label: string) => turnIndexOf(s.calendar, label) ?? -1;
/** China's share of Japan's rare-earth imports (oxide-equivalent) over a year. */
const chinaShare = (s: Scenario, state: EngineState, year: string) => {
  const model = prepareModel(s);
  let num = 0;
  let den = 0;
  for (const r of state.results) {
    if (!r.label.startsWith(year)) continue;
    for (const id of ["ree_concentrate", "ndpr_oxide", "dy_oxide"]) {
      const f = r.materials[id];
      if (!f) continue;
      num += f.byCountry.CN ?? 0;
      den += f.received - (f.byCountry.JP ?? 0);
    }
  }
  void model;
  return den > 0 ? num / den : 0;
};
const without = (plan: Plan, levers: string[]): Plan =>
  new Map(
    [...plan].map(([turn, ds]) => [
      turn,
      ds.map((d) => ({ ...d, actions: d.actions.filter((a) => !levers.includes(a.lever)) })),
    ]),
  );
const withDecisions = (plan: Plan, turn: number, extra: TeamDecision[]): Plan => {
  const out = new Map(plan);
  out.set(turn, [...(plan.get(turn) ?? []), ...extra]);
  return out;
};

describe("the 2010 scenario against the historical record", () => {
  const state = run(scenario, actualPlan);

  it("on Japan's actual path, at every seed of the panel 1–20, every calibration check passes and the holdout checks keep their scores", () => {
    // Scores may rise with better mechanisms; they must not silently fall. The holdout checks
    // (2011-Q4 on) are never tuned against: their floor guards the mechanisms, not a fit.
    const seeds = Array.from({ length: 20 }, (_, i) => i + 1);
    const panel = historyPanel(prepareModel(scenario), actualPlan, seeds);
    expect(panel.calibration.total).toBe(19);
    expect(panel.holdout.total).toBe(24);
    // 19 of 19 at every seed since a lasting Dy rent draws smuggling (smugglingFromRent): where
    // the Dy-thrift project fails its draw the world Dy peak still comes in 2011-Q3 (it came in
    // 2012-Q1 at seeds 1 and 16 before, 18 of 19). Out of sample: median 21, worst 18 (was 19, 15).
    expect(panel.calibration.worst).toBe(19);
    expect(panel.holdout.median).toBeGreaterThanOrEqual(21);
    expect(panel.holdout.worst).toBeGreaterThanOrEqual(18);
    const report = checkHistory(prepareModel(scenario), state.results);
    const byId = new Map(report.results.map((r) => [r.check.id, r]));
    for (const id of [
      "nd_peak_turn",
      "nd_2011_q3",
      "va_lost_2010_11",
      "lynas_first",
      "cn_share_2014",
    ])
      expect(byId.get(id)?.pass, id).toBe(true);
  });

  it("the 2011 Dy spike is a bubble inside China too: China's own Dy price runs by 2011-Q3 and bursts by 2012-Q4, at every seed", () => {
    // Reported: China's Dy oxide about CNY 10,000/kg in October 2011, some 13× its 2009 level,
    // and down over 69 % a year later (SMM via InvestorIntel, 12 Oct 2012). Before the rent
    // hoarding (fearFromRent), China's Dy stayed at about 1.6× through 2011.
    const q3 = at(scenario, "2011-Q3");
    const q4 = at(scenario, "2012-Q4");
    for (let seed = 1; seed <= 12; seed++) {
      const r = run(scenario, actualPlan, seed).results;
      const china = (i: number) => r[i]?.materials.dy_oxide?.controllerPriceMultiple ?? 0;
      expect(china(q3), `seed ${seed}`).toBeGreaterThan(6);
      expect(china(q4), `seed ${seed}`).toBeLessThan(china(q3) / 2);
    }
  });

  it("no calibrated price sits on its cap: Dy and NdPr peak below their maximum multiples at every seed", () => {
    const model = prepareModel(scenario);
    for (let seed = 1; seed <= 20; seed++) {
      const r = run(scenario, actualPlan, seed);
      for (const id of ["ndpr_oxide", "dy_oxide"]) {
        const cap = model.materials.get(id)?.maxPriceMultiple ?? 0;
        const peak = Math.max(...r.results.map((t) => t.priceMultiples[id] ?? 0));
        expect(peak, `${id} at seed ${seed}`).toBeLessThan(cap * 0.9);
      }
    }
  });

  it("shows the seeds' lessons as numbers: China's share falls while Lynas loses money after prices fall, and magnet production moves abroad", () => {
    expect(chinaShare(scenario, state, "2014")).toBeLessThan(
      chinaShare(scenario, state, "2009") - 0.2,
    );
    const lynas = state.projects.find((p) => p.lever === "lynas_jare");
    expect(lynas?.economics?.cumulativeCash ?? 0).toBeLessThan(0);
    expect(lynas?.economics?.lossSinceTurn).toBeGreaterThanOrEqual(at(scenario, "2012-Q4"));
    // It kept delivering while it lost money.
    expect(lynas?.economics?.output ?? 0).toBeGreaterThan(0);
    const last = state.results[state.results.length - 1];
    expect(last?.location.jp_magnet_plants?.homeShare ?? 1).toBeLessThan(0.95);
    expect(last?.location.jp_magnet_plants?.valueAddedMovedAbroad ?? 0).toBeGreaterThan(0);
  });

  it("a debrief of doing nothing shows a visible cost against Japan's actual path: margins, dependence and objectives", () => {
    const model = prepareModel(scenario);
    const none = runSummary(model, run(scenario, new Map()).results);
    const actualRun = runSummary(model, state.results);
    // Thrift and recycling cut what industry paid for its inputs; diversification cut dependence.
    // (About 14 % more since a lasting Dy rent draws smuggling, which caps doing nothing's Dy
    // peak too; above 20 % before.)
    expect(none.extraInputCost).toBeGreaterThan(actualRun.extraInputCost * 1.1);
    expect(none.worstMarginSqueeze).toBeGreaterThan(actualRun.worstMarginSqueeze);
    expect(none.controlledShareAtEnd).toBeGreaterThan(actualRun.controlledShareAtEnd + 0.05);
    expect(none.objectivesMet).toBeLessThan(actualRun.objectivesMet);
    // No stoppage was reported in Japan on the actual path, and the model shows none.
    expect(actualRun.worstShortfallShare).toBeLessThan(0.005);
  });

  it("without diversification (no Lynas, no Indian offtake) China's share stays higher", () => {
    const none = run(scenario, without(actualPlan, ["lynas_jare", "india_offtake"]));
    expect(chinaShare(scenario, none, "2014")).toBeGreaterThan(
      chinaShare(scenario, state, "2014") + 0.03,
    );
  });

  it("a price floor keeps a loss-making project alive that would otherwise close", () => {
    const impatient = structuredClone(scenario);
    for (const l of impatient.levers)
      if (l.id === "lynas_jare" && l.kind === "diversify") l.closeAfterLossTurns = 4;
    const closed = run(impatient, actualPlan);
    expect(closed.projects.find((p) => p.lever === "lynas_jare")?.status).toBe("closed");
    const floored = run(
      impatient,
      withDecisions(actualPlan, at(impatient, "2013-Q1"), [
        { team: "meti", actions: [{ op: "activate", lever: "lynas_price_floor", scale: 1 }] },
      ]),
    );
    const lynas = floored.projects.find((p) => p.lever === "lynas_jare");
    expect(lynas?.status).toBe("active");
    expect(floored.spent.meti ?? 0).toBeGreaterThan(closed.spent.meti ?? 0);
  });

  it("a timely stockpile release shrinks the loss from a hard embargo", () => {
    // A counterfactual: the 2010 halt as a full embargo on Japan for two quarters.
    const hard = structuredClone(scenario);
    for (const e of hard.events)
      if (e.id === "japan_halt_2010" && e.effect.kind === "destination_ban") {
        e.effect.leakage = 0;
        e.durationTurns = 3;
      }
    const buy: TeamDecision[] = [
      { team: "jogmec", actions: [{ op: "buy", lever: "jogmec_dy_stockpile", tonnes: 40 }] },
    ];
    let stocked: Plan = actualPlan;
    for (const q of ["2009-Q1", "2009-Q2", "2009-Q3", "2009-Q4"])
      stocked = withDecisions(stocked, at(hard, q), buy);
    let released = stocked;
    for (const q of ["2010-Q4", "2011-Q1", "2011-Q2", "2011-Q3"])
      released = withDecisions(released, at(hard, q), [
        { team: "jogmec", actions: [{ op: "release", lever: "jogmec_dy_stockpile", tonnes: 40 }] },
      ]);
    const lost = (s: EngineState) => {
      const model = prepareModel(hard);
      return s.results.reduce((a, r) => a + turnMetrics(model, r).valueAddedLost, 0);
    };
    const kept = run(hard, stocked);
    const used = run(hard, released);
    expect(lost(kept)).toBeGreaterThan(0);
    expect(lost(used)).toBeLessThan(lost(kept));
  });

  it("China's state holds back NdPr output only in the bust after the 2011 peak (Baotou's halts from October 2011), never in the 2010 recovery", () => {
    const held = state.results
      .filter((r) =>
        r.materials.ndpr_oxide?.causes.some(
          (c) => c.kind === "parameter" && c.id === "controller_price_support" && c.amount < 0,
        ),
      )
      .map((r) => r.label);
    expect(held.length).toBeGreaterThan(0);
    // The first quarter with output held back comes after the peak quarter (2011-Q3).
    expect((held[0] ?? "") > "2011-Q3").toBe(true);
  });

  it("Monte Carlo over the scenario's parameter distributions puts the historical Nd and Dy price peaks inside their 5–95 % bands", () => {
    const mc = monteCarlo(scenario, actualPlan, { runs: 200, baseSeed: 1 });
    const nd = mc.totals.peakPriceMultiple.ndpr_oxide;
    expect(nd?.p5 ?? 0).toBeLessThanOrEqual(19);
    expect(nd?.p95 ?? 0).toBeGreaterThanOrEqual(19);
    const dy = mc.totals.peakPriceMultiple.dy_oxide;
    expect(dy?.p5 ?? 0).toBeLessThanOrEqual(22);
    expect(dy?.p95 ?? 0).toBeGreaterThanOrEqual(22);
  });

  it("Monte Carlo holds the reconstructed NdPr series inside its 5–95 % band in all but at most one of its quarters, and the band keeps its width through 2014", () => {
    const mc = monteCarlo(scenario, actualPlan, { runs: 200, baseSeed: 1 });
    // The record's quarters are the scenario's own NdPr price checks (in and out of sample).
    const quarters = scenario.history.filter(
      (h) =>
        h.metric.kind === "price_multiple" && h.metric.material === "ndpr_oxide" && h.stat === "at",
    );
    expect(quarters.length).toBeGreaterThanOrEqual(10);
    const outside = quarters.filter((h) => {
      const band = mc.turns[at(scenario, String(h.period))]?.priceMultiple.ndpr_oxide;
      const v = h.expected ?? Number.NaN;
      return !band || !(v >= band.p5 && v <= band.p95);
    });
    expect(
      outside.map((h) => h.period).length,
      outside.map((h) => h.period).join(", "),
    ).toBeLessThanOrEqual(1);
    const last = mc.turns[mc.turns.length - 1]?.priceMultiple.ndpr_oxide;
    expect((last?.p95 ?? 0) / (last?.p5 ?? 1)).toBeGreaterThan(1.15);
  });
});

describe("the 2023–2026 scenarios against the record", () => {
  const score = (id: string) => {
    const b = builtInScenarios().find((x) => x.id === id);
    const r = b ? loadScenarioFile(b.file) : undefined;
    if (!r?.ok) throw new Error(`cannot load ${id}`);
    const model = prepareModel(r.value);
    return checkHistory(model, runPlan(model, 7, new Map()).state.results);
  };

  it("gallium-germanium-2023: exports near zero for two months from August 2023, partial recovery, no cut-off to Japan in December 2024", () => {
    const r = score("gallium-germanium-2023");
    const pass = new Map(r.results.map((x) => [x.check.id, x.pass]));
    for (const id of [
      "ga_exports_aug_sep",
      "ge_exports_aug_sep",
      "ge_exports_oct",
      "ga_exports_nov",
      "japan_ga_dec_2024",
      // Reviewers approve Japan's applications at a quarter of others' rate (approvalWeights).
      "japan_ga_aug23_jul24",
    ])
      expect(pass.get(id), id).toBe(true);
    expect(r.passed).toBe(r.total);
  });

  it("heavy-rare-earths-2025: magnet exports about half in April and a quarter in May 2025, above the 2024 level from July; Dy/Tb oxide zero in May", () => {
    const r = score("heavy-rare-earths-2025");
    const pass = new Map(r.results.map((x) => [x.check.id, x.pass]));
    for (const id of [
      "magnet_exports_apr",
      "magnet_exports_may",
      "magnet_exports_jul_dec",
      "heavy_oxide_exports_may",
    ])
      expect(pass.get(id), id).toBe(true);
    expect(r.passed).toBeGreaterThanOrEqual(6);
  });
});

describe("supplier choice never depends on ids or file order", () => {
  it("renaming the Lynas lever to sort first changes nothing (China's 2013 NdPr share, state)", () => {
    const renamed = structuredClone(scenario);
    for (const l of renamed.levers) if (l.id === "lynas_jare") l.id = "aaa_lynas";
    for (const t of renamed.teams)
      t.levers = t.levers.map((x) => (x === "lynas_jare" ? "aaa_lynas" : x));
    const plan: Plan = new Map(
      [...actualPlan].map(([turn, ds]) => [
        turn,
        ds.map((d) => ({
          ...d,
          actions: d.actions.map((a) =>
            a.lever === "lynas_jare" ? { ...a, lever: "aaa_lynas" } : a,
          ),
        })),
      ]),
    );
    const a = run(scenario, actualPlan);
    const b = run(renamed, plan);
    const share = (st: EngineState) =>
      st.results
        .filter((r) => r.label.startsWith("2013"))
        .map((r) => r.materials.ndpr_oxide?.controlledShare ?? 0);
    expect(share(b)).toEqual(share(a));
    expect(b.results.map((r) => r.priceMultiples)).toEqual(a.results.map((r) => r.priceMultiples));
  });
});

describe("Monte Carlo over an exercise's whole log", () => {
  it("replays decisions, injects and overrides, so the actual run lies inside its 5–95 % band", () => {
    const model = prepareModel(scenario);
    // Japan's decisions, plus a second halt fired by hand and a price override with a reason.
    const log: EngineEvent[] = [];
    let state = initialState(model, 2010);
    const push = (e: EngineEvent) => {
      const r = applyEvent(model, state, e);
      if (!r.ok) throw new Error(`${e.type}: ${r.error.message}`);
      state = r.state;
      log.push(e);
    };
    for (let turn = 0; turn < scenario.calendar.turns; turn++) {
      for (const d of actualPlan.get(turn) ?? [])
        push({ type: "decisions_locked", turn, team: d.team, actions: d.actions });
      if (model.labels[turn] === "2012-Q1")
        push({ type: "inject_fired", turn, inject: "second_halt" });
      if (model.labels[turn] === "2013-Q1")
        push({
          type: "outcome_overridden",
          turn,
          target: { kind: "price", material: "ndpr_oxide", value: 0.12 },
          reason: "Facilitator: a speculative squeeze the scenario does not model",
        });
      push({ type: "turn_resolved", turn });
    }
    const mc = monteCarloLog(scenario, log, { runs: 200, baseSeed: 2010 });
    expect(mc.turns).toHaveLength(scenario.calendar.turns);
    const inside = state.results.filter((r, t) => {
      const band = mc.turns[t]?.priceMultiple.ndpr_oxide;
      const m = r.priceMultiples.ndpr_oxide ?? 0;
      return band !== undefined && m >= band.p5 - 1e-9 && m <= band.p95 + 1e-9;
    });
    const outside = state.results
      .filter((r) => !inside.includes(r))
      .map(
        (r) =>
          `${r.label} ${r.priceMultiples.ndpr_oxide} ${JSON.stringify(mc.turns[r.turn]?.priceMultiple.ndpr_oxide)}`,
      );
    expect(outside).toEqual([]);
    // The override turn is in every run: the band moves with it.
    const at2013 = mc.turns[model.labels.indexOf("2013-Q1")]?.priceMultiple.ndpr_oxide;
    expect(at2013?.p5 ?? 0).toBeGreaterThan(5);
    expect(describeVariation(mc, "en")).toMatch(/200 runs with seeds 2010–2209/);
    expect(describeVariation(mc, "ja")).toContain("インジェクト");
  });
});

describe("explanations name everyone who moved the outcome", () => {
  it("2009-Q1 with no shock: the teams' purchases for stock are named, with sign and size", () => {
    const model = prepareModel(scenario);
    const plan: Plan = new Map([
      [
        0,
        [
          { team: "jogmec", actions: [{ op: "buy", lever: "jogmec_ndpr_stockpile", tonnes: 150 }] },
          {
            team: "magnet_maker",
            actions: [{ op: "buy", lever: "magnet_maker_inventory", tonnes: 100 }],
          },
        ],
      ],
    ]);
    const st = run(scenario, plan);
    const first = st.results[0];
    if (!first) throw new Error("no turn");
    const en = explainTurn(model, first, "en").find(
      (e) => e.subject.kind === "material" && e.subject.id === "ndpr_oxide",
    );
    expect(en?.text).toContain(
      "JOGMEC NdPr stockpile (JOGMEC (stockpiling, resource security)) bought for stock (−150 t from the market)",
    );
    expect(en?.text).toContain("buyers drew on their stock");
    expect(en?.text).toMatch(
      /Magnet maker's raw-material inventory \(Magnet maker\) bought for stock \(−100 t/,
    );
    const ja = explainTurn(model, first, "ja").find(
      (e) => e.subject.kind === "material" && e.subject.id === "ndpr_oxide",
    );
    expect(ja?.text).toContain(
      "JOGMEC ネオジム備蓄（JOGMEC（備蓄・資源確保））が備蓄用に購入（市場から −150 t）",
    );
  });

  it("an override appears in its turn's explanations with its reason, in both languages", () => {
    const model = prepareModel(scenario);
    let state = initialState(model, 1);
    const ok = (r: ReturnType<typeof applyEvent>) => {
      if (!r.ok) throw new Error(r.error.message);
      return r.state;
    };
    state = ok(
      applyEvent(model, state, {
        type: "outcome_overridden",
        turn: 0,
        target: { kind: "price", material: "dy_oxide", value: 0.2 },
        reason: "Rumours of a ban in the trade press",
      }),
    );
    state = ok(applyEvent(model, state, { type: "turn_resolved", turn: 0 }));
    const r = state.results[0];
    if (!r) throw new Error("no turn");
    expect(explainTurn(model, r, "en")[0]?.text).toBe(
      "Facilitator override: Dysprosium oxide price 113 USD/kg (1.0×) → 200 USD/kg (1.8×). Reason: Rumours of a ban in the trade press",
    );
    expect(explainTurn(model, r, "ja")[0]?.text).toContain("理由: Rumours of a ban");
  });
});

describe("team objectives", () => {
  it("are scored every turn; Japan's actual path keeps the lines running and Lynas alive but leaves the Dy stockpile short of 60 days", () => {
    const model = prepareModel(scenario);
    const scores = scoreObjectives(model, run(scenario, actualPlan).results);
    const met = Object.fromEntries(scores.map((s) => [s.objective.id, s.met]));
    expect(met).toEqual({
      meti_dependence: true,
      jogmec_dy_cover: false,
      maker_no_loss: true,
      automaker_no_loss: true,
      trading_lynas_alive: true,
    });
    for (const s of scores) expect(s.values).toHaveLength(scenario.calendar.turns);
    // Filling the stockpile early meets JOGMEC's objective.
    const fill = new Map(actualPlan);
    for (const q of ["2009-Q1", "2009-Q2", "2009-Q3", "2009-Q4"])
      fill.set(at(scenario, q), [
        { team: "jogmec", actions: [{ op: "buy", lever: "jogmec_dy_stockpile", tonnes: 30 }] },
      ]);
    const again = scoreObjectives(model, run(scenario, fill).results);
    expect(again.find((s) => s.objective.id === "jogmec_dy_cover")?.met).toBe(true);
  });
});
