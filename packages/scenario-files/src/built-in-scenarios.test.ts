import {
  applyEvent,
  checkHistory,
  type EngineState,
  historyPanel,
  initialState,
  type LeverAction,
  type Plan,
  prepareModel,
  runPlan,
  type Scenario,
  turnIndexOf,
  viewFor,
} from "@chokepoint/engine";
import { describe, expect, it } from "vitest";
import { builtInScenarios } from "./built-in-scenarios.ts";
import { loadDecisionsFile, loadScenarioFile } from "./load-scenario-file.ts";

function load(id: string): Scenario {
  const b = builtInScenarios().find((s) => s.id === id);
  if (!b) throw new Error(`no built-in scenario '${id}'`);
  const r = loadScenarioFile(b.file);
  if (!r.ok) throw new Error(`${id}: ${JSON.stringify(r.issues)}`);
  return r.value;
}
const run = (s: Scenario, plan: Plan = new Map(), seed = 7) => runPlan(prepareModel(s), seed, plan);
const at = (s: Scenario, st: EngineState, label: string) => {
  const r = st.results[turnIndexOf(s.calendar, label) ?? -1];
  if (!r) throw new Error(`no turn ${label}`);
  return r;
};
const plan = (s: Scenario, entries: [string, string, LeverAction[]][]): Plan => {
  const p = new Map<number, { team: string; actions: LeverAction[] }[]>();
  for (const [label, team, actions] of entries) {
    const idx = turnIndexOf(s.calendar, label) ?? -1;
    p.set(idx, [...(p.get(idx) ?? []), { team, actions }]);
  }
  return p;
};
const shortOver = (s: Scenario, st: EngineState, labels: string[], material: string) =>
  labels.reduce((a, l) => a + (at(s, st, l).materials[material]?.shortfall ?? 0), 0);
/**
 * heavy-rare-earths-2025 with the 80 days of Dy/Tb cover first assumed instead of the calibrated
 * 100: at 100 no run runs short (the record has one stopped line), so the levers' effect on a
 * shortfall is tested where stocks do run out.
 */
const thinStock = (s: Scenario): Scenario => ({
  ...s,
  materials: s.materials.map((m) =>
    m.id === "heavy_ree_oxide" && m.market ? { ...m, market: { ...m.market, coverDays: 80 } } : m,
  ),
});
/** Shortfall of June–August 2025 summed over seeds 1–10. */
const shortOverSeeds = (s: Scenario, p: Plan, material: string) =>
  [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].reduce(
    (a, seed) =>
      a + shortOver(s, run(s, p, seed).state, ["2025-06", "2025-07", "2025-08"], material),
    0,
  );

describe("built-in scenarios of the 2023–2026 controls", () => {
  const ids = [
    "gallium-germanium-2023",
    "heavy-rare-earths-2025",
    "rare-earth-package-2025-10",
    "japan-dual-use-2026",
  ];

  it("are all present, and each runs to the end with the disruption visible when nobody acts", () => {
    const present = builtInScenarios().map((b) => b.id);
    for (const id of ids) {
      expect(present).toContain(id);
      const s = load(id);
      const { state } = run(s);
      expect(state.results).toHaveLength(s.calendar.turns);
      // Each scenario's controls bite after its first turn (for the 2025-10 package, the April
      // licensing is already in force at the start and the October measures come on top):
      // value added is lost, a price at least doubles, or China's deliveries fall by a third.
      const first = state.results[0];
      const bites = state.results.slice(1).some((r) => {
        const lost = (x: typeof r) =>
          Object.values(x.sectors).reduce((a, o) => a + o.valueAddedLost, 0);
        return (
          lost(r) > (first ? lost(first) : 0) + 100 ||
          Object.values(r.priceMultiples).some((m) => m >= 2) ||
          Object.values(r.materials).some(
            (f) => (f.byCountry.CN ?? 0) < 0.67 * (first?.materials[f.material]?.byCountry.CN ?? 0),
          )
        );
      });
      expect(bites, `${id}: the disruption is visible when nobody acts`).toBe(true);
    }
  });

  it("every team of every scenario sees only its own budget, stockpiles, projects, decisions and sectors", () => {
    for (const id of [...ids, "rare-earth-2010"]) {
      const s = load(id);
      // Every team activates or releases its first lever in turn 0, so there is something to hide.
      const first = (t: Scenario["teams"][number]): LeverAction | undefined => {
        const l = s.levers.find((x) => x.id === t.levers[0]);
        if (!l) return undefined;
        return l.kind === "stockpile"
          ? { op: "buy", lever: l.id, tonnes: Math.min(1, l.maxFlowPerTurn) }
          : { op: "activate", lever: l.id, scale: 1 };
      };
      const seen = new Set<string>();
      const decisions = s.teams.flatMap((t) => {
        const a = first(t);
        if (!a || seen.has(a.lever)) return [];
        seen.add(a.lever);
        return [{ team: t.id, actions: [a] }];
      });
      const { state } = run(s, new Map([[0, decisions]]));
      const model = prepareModel(s);
      for (const t of s.teams) {
        const v = viewFor(model, state, { kind: "team", team: t.id });
        expect(Object.keys(v.budgets), `${id}/${t.id}`).toEqual([t.id]);
        expect(
          Object.values(v.stockpiles).every((x) => x.team === t.id),
          `${id}/${t.id} stockpiles`,
        ).toBe(true);
        expect(
          v.projects.every((p) => p.team === t.id),
          `${id}/${t.id} projects`,
        ).toBe(true);
        for (const h of v.history) {
          expect(
            Object.keys(h.sectors).every((sec) => t.sectors.includes(sec)),
            `${id}/${t.id} sectors`,
          ).toBe(true);
          expect(Object.keys(h.teams), `${id}/${t.id} team outcomes`).toEqual([t.id]);
        }
        const others = s.teams.filter((o) => o.id !== t.id).map((o) => o.id);
        for (const o of others)
          expect(v.locked[o], `${id}/${t.id} sees ${o}'s decisions`).toBeUndefined();
      }
    }
  });
});

describe("heavy-rare-earths-2025", () => {
  const s = load("heavy-rare-earths-2025");
  const none = run(s).state;
  const magnetsToSectors = (st: EngineState, label: string) =>
    at(s, st, label).materials.ndfeb_magnet?.toSectors ?? 0;

  it("with no lever used, China's heavy rare earths and magnets stop reaching Japan from April 2025; working stock bridges, and in some runs it runs out", () => {
    const fromChina = (l: string, m: string) => at(s, none, l).materials[m]?.byCountry.CN ?? 0;
    expect(fromChina("2025-05", "heavy_ree_oxide")).toBeLessThan(
      0.1 * fromChina("2025-03", "heavy_ree_oxide"),
    );
    expect(fromChina("2025-05", "ndfeb_magnet")).toBeLessThan(
      0.5 * fromChina("2025-03", "ndfeb_magnet"),
    );
    // Stocks carry the sectors through April and May, then run short.
    expect(magnetsToSectors(none, "2025-05")).toBeGreaterThan(
      0.99 * magnetsToSectors(none, "2025-03"),
    );
    expect(at(s, none, "2025-05").materials.heavy_ree_oxide?.stockEnd ?? 0).toBeLessThan(
      0.5 * (at(s, none, "2025-03").materials.heavy_ree_oxide?.stockEnd ?? 0),
    );
    // Whether it runs out, and how badly, depends on the licence draws (the seed) and on the
    // stock buyers held: with 80 days of Dy/Tb cover instead of the calibrated 100, some runs do.
    const thin = thinStock(s);
    const outputs = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].flatMap((seed) => {
      const st = run(thin, new Map(), seed).state;
      return ["2025-06", "2025-07", "2025-08"].flatMap((l) =>
        Object.values(at(thin, st, l).sectors).map((o) => o.output),
      );
    });
    expect(Math.min(...outputs)).toBeLessThan(0.99);
  });

  it("a timely stockpile release reduces the shortfall", () => {
    const b = builtInScenarios().find((x) => x.id === s.id);
    const decisions = loadDecisionsFile(
      b?.decisions.find((f) => f.includes("early-release")) ?? "",
      s,
    );
    if (!decisions.ok) throw new Error(JSON.stringify(decisions.issues));
    expect(run(s, decisions.value).refused).toEqual([]);
    // Whether stocks run out depends on the licence draws, so the shortfall is summed over a
    // panel of seeds: the release must lower it where there is one.
    const without = shortOverSeeds(thinStock(s), new Map(), "heavy_ree_oxide");
    expect(without).toBeGreaterThan(0);
    expect(shortOverSeeds(thinStock(s), decisions.value, "heavy_ree_oxide")).toBeLessThan(without);
  });

  it("an allied offtake signed ahead reduces the heavy rare-earth shortfall in the months it delivers", () => {
    const offtake = plan(s, [
      ["2025-02", "jogmec", [{ op: "activate", lever: "lynas_heavy_offtake", scale: 1 }]],
    ]);
    expect(shortOverSeeds(thinStock(s), offtake, "heavy_ree_oxide")).toBeLessThan(
      shortOverSeeds(thinStock(s), new Map(), "heavy_ree_oxide"),
    );
  });
});

describe("heavy-rare-earths-2025, licences rationing by quantity", () => {
  const s = load("heavy-rare-earths-2025");
  it("Dy/Tb stays off its cap at every seed of 1–12: buyers without a licence cannot bid for the held-back tonnes", () => {
    const model = prepareModel(s);
    const cap = model.materials.get("heavy_ree_oxide")?.maxPriceMultiple ?? 0;
    for (let seed = 1; seed <= 12; seed++) {
      const st = runPlan(model, seed, new Map()).state;
      const peak = Math.max(...st.results.map((r) => r.priceMultiples.heavy_ree_oxide ?? 0));
      expect(peak, `seed ${seed}`).toBeLessThan(cap * 0.9);
      // Through June–August, while licences still hold back part of the flow, the price is
      // a few times normal, as reported outside China, not at the cap.
      for (const l of ["2025-06", "2025-07", "2025-08"])
        expect(at(s, st, l).priceMultiples.heavy_ree_oxide ?? 0, `${l} seed ${seed}`).toBeLessThan(
          8,
        );
    }
  });
  it("outside China the price rises at once while nothing is licensed, and eases as approvals flow (the May holdout at every seed of 1–12)", () => {
    const model = prepareModel(s);
    for (let seed = 1; seed <= 12; seed++) {
      const st = runPlan(model, seed, new Map()).state;
      const p = (l: string) => at(s, st, l).priceMultiples.heavy_ree_oxide ?? 0;
      // Buyers without a licence bid for the stock already outside China: about 3× in May
      // (Argus, 6 May 2025), where not bidding at all left it at 1.0×.
      expect(p("2025-05"), `seed ${seed}`).toBeGreaterThan(2);
      expect(p("2025-05"), `seed ${seed}`).toBeLessThan(4.5);
      // Approvals flow from the summer and outside stocks rebuild: lower by December than at
      // the summer's peak, with no rebound when the licences settle.
      const summer = Math.max(p("2025-06"), p("2025-07"), p("2025-08"), p("2025-09"));
      expect(p("2025-12"), `seed ${seed}`).toBeLessThan(summer);
    }
  });
  it("passes all its in-sample checks at the median seed of 1–12, and all but one at the worst", () => {
    const panel = historyPanel(prepareModel(s), new Map(), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(panel.calibration.median).toBe(panel.calibration.total);
    expect(panel.calibration.worst).toBeGreaterThanOrEqual(panel.calibration.total - 1);
  });
});

describe("gallium-germanium-2023", () => {
  const s = load("gallium-germanium-2023");
  const none = run(s).state;
  it("licensing from August 2023 stops Chinese gallium for the review period, and the US ban tightens prices in December 2024", () => {
    const cn = (l: string) => at(s, none, l).materials.gallium?.byCountry.CN ?? 0;
    expect(cn("2023-07")).toBeGreaterThan(1.3);
    expect(cn("2023-08")).toBeLessThan(0.1);
    expect(cn("2023-09")).toBeLessThan(0.1);
    expect(cn("2023-11")).toBeGreaterThan(0.2);
    // The US ban tightens the rest of the world and lifts the price; Japan is not cut off.
    expect(at(s, none, "2025-01").priceMultiples.gallium ?? 0).toBeGreaterThan(
      at(s, none, "2024-11").priceMultiples.gallium ?? 0,
    );
    expect(cn("2024-12")).toBeGreaterThan(0.7 * cn("2024-11"));
  });
  it("licences pass their share of Japan's normal flow, not of spare channel capacity: China's Nov 2023 exports about a third of normal at every seed of 1–12", () => {
    const model = prepareModel(s);
    // China's exports over June 2023's: 1.53 t against ~4.6 t a month (data README, M). With the
    // channel at 1.6 times Japan's modelled flow, the same approvals let 0.59 through.
    for (let seed = 1; seed <= 12; seed++) {
      const st = runPlan(model, seed, new Map()).state;
      const ex = (l: string) => at(s, st, l).materials.gallium?.controllerExports ?? 0;
      const ratio = ex("2023-11") / ex("2023-06");
      expect(ratio, `seed ${seed}`).toBeGreaterThan(0.15);
      expect(ratio, `seed ${seed}`).toBeLessThan(0.55);
    }
  });
  it("releasing the JOGMEC gallium stockpile keeps users' working stock higher while licences are pending", () => {
    const release = plan(s, [
      ["2023-08", "jogmec", [{ op: "release", lever: "jogmec_gallium_stockpile", tonnes: 4 }]],
      ["2023-09", "jogmec", [{ op: "release", lever: "jogmec_gallium_stockpile", tonnes: 4 }]],
    ]);
    const { state } = run(s, release);
    // Six months of users' stock means no shortfall either way (no stoppage was reported);
    // the release shows up as stock that lasts longer.
    const stock = (st: EngineState) => at(s, st, "2023-09").materials.gallium?.stockEnd ?? 0;
    expect(stock(state)).toBeGreaterThan(stock(none) + 4);
  });
  it("reviewers who approve Japan's applications at a quarter of others' rate keep Japan's Aug 2023–Jul 2024 imports from China near the record's −85 % at every seed of 1–20, while China's exports to the world come back as before", () => {
    const model = prepareModel(s);
    // The same scenario with approvals shared by normal trade (the weight left out).
    const even = structuredClone(s);
    for (const e of even.events)
      if (e.effect.kind === "licence_regime") e.effect.approvalWeights = [];
    const evenModel = prepareModel(even);
    const year = (st: EngineState, pick: (r: EngineState["results"][number]) => number) =>
      st.results
        .filter((r) => r.label >= "2023-08" && r.label <= "2024-07")
        .reduce((a, r) => a + pick(r), 0) / 12;
    const japan = (r: EngineState["results"][number]) => r.materials.gallium?.byCountry.CN ?? 0;
    const world = (r: EngineState["results"][number]) =>
      r.materials.gallium?.controllerExports ?? 0;
    for (let seed = 1; seed <= 20; seed++) {
      const st = runPlan(model, seed, new Map()).state;
      const ev = runPlan(evenModel, seed, new Map()).state;
      const june = japan(at(s, st, "2023-06"));
      // Record 0.15 (range 0.05–0.35); shared by normal trade the model gave about 0.6.
      expect(year(st, japan) / june, `seed ${seed}`).toBeLessThan(0.35);
      expect(year(st, japan) / june, `seed ${seed}`).toBeGreaterThan(0.05);
      expect(year(ev, japan) / june, `seed ${seed}`).toBeGreaterThan(0.45);
      // Approvals are moved to other destinations, not lost: the world's year within 5 %.
      expect(year(st, world), `seed ${seed}`).toBeGreaterThan(0.95 * year(ev, world));
      expect(year(st, world), `seed ${seed}`).toBeLessThan(1.05 * year(ev, world));
      // Japanese users bridge on stock and scrap recovery: no stoppage (Yomiuri, Aug 2025).
      const lost = st.results.reduce(
        (a, r) => a + (r.sectors.compound_semis?.valueAddedLost ?? 0),
        0,
      );
      expect(lost, `seed ${seed}`).toBeLessThan(1e-6);
    }
  });
});

describe("rare-earth-package-2025-10", () => {
  const s = load("rare-earth-package-2025-10");
  const none = run(s).state;
  it("suspends the October measures from November 2025 for a year; they return in November 2026", () => {
    expect(at(s, none, "2025-10").activeEvents).toContain("equipment_tech_controls_2025");
    for (const l of ["2025-12", "2026-06", "2026-10"]) {
      expect(at(s, none, l).activeEvents).not.toContain("reexport_rule_2025");
      expect(at(s, none, l).activeEvents).not.toContain("five_elements_2025");
    }
    expect(at(s, none, "2026-11").activeEvents).toEqual(
      expect.arrayContaining(["reexport_rule_2025", "five_elements_2025"]),
    );
    const lost = (l: string) =>
      Object.values(at(s, none, l).sectors).reduce((a, x) => a + x.valueAddedLost, 0);
    expect(lost("2026-11")).toBeGreaterThan(lost("2026-10"));
  });
  it("the facilitator's 'extended' inject keeps them suspended", () => {
    const model = prepareModel(s);
    const idx = turnIndexOf(s.calendar, "2026-11") ?? -1;
    let state: EngineState;
    // Replay to November 2026, fire the inject by hand, and resolve that turn.
    state = initialState(model, 7);
    for (let t = 0; t < idx; t++) {
      const r = applyEvent(model, state, { type: "turn_resolved", turn: t });
      if (r.ok) state = r.state;
    }
    const fired = applyEvent(model, state, {
      type: "inject_fired",
      turn: idx,
      inject: "suspension_extended",
    });
    expect(fired.ok).toBe(true);
    if (!fired.ok) return;
    const r = applyEvent(model, fired.state, { type: "turn_resolved", turn: idx });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.state.results[idx]?.activeEvents).not.toContain("reexport_rule_2025");
  });
});

describe("japan-dual-use-2026", () => {
  const s = load("japan-dual-use-2026");
  const none = run(s).state;
  it("cuts Japanese military end users and control-listed firms off Chinese supply, naming the measures", () => {
    const causesOf = (st: EngineState, l: string, sector: string) =>
      at(s, st, l).sectors[sector]?.causes.map((c) => c.id) ?? [];
    expect(at(s, none, "2025-12").sectors.defence?.output).toBeCloseTo(1, 6);
    // Defence needs little and is re-sourced outside China while any non-Chinese supply exists;
    // without it (a counterfactual), the ban leaves defence short and is named.
    const cornered = structuredClone(s);
    for (const src of cornered.sources)
      if (src.country !== "CN" && !src.domestic) src.capacity.value = 0;
    const alone = run(cornered).state;
    const janToMay = ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05"];
    expect(
      janToMay.some(
        (l) =>
          (at(cornered, alone, l).sectors.defence?.output ?? 1) < 0.999 &&
          causesOf(alone, l, "defence").includes("military_end_use_ban"),
      ),
    ).toBe(true);
    const causesOfNone = (l: string, sector: string) => causesOf(none, l, sector);
    expect(
      ["2026-02", "2026-03"].some((l) =>
        causesOfNone(l, "control_listed").includes("entity_control_list"),
      ),
    ).toBe(true);
  });
});

describe("every built-in scenario is checked against the record", () => {
  it("has history checks, each with a source and a tolerance source, held out unless it calibrates", () => {
    for (const b of builtInScenarios()) {
      const s = load(b.id);
      expect(s.history.length, b.id).toBeGreaterThan(0);
      for (const h of s.history) {
        expect(h.source.length, `${b.id}/${h.id}`).toBeGreaterThan(10);
        expect(h.toleranceSource.length, `${b.id}/${h.id}`).toBeGreaterThan(5);
      }
    }
    // The two newest scenarios were given checks after their parameters were set: all held out.
    for (const id of ["rare-earth-package-2025-10", "japan-dual-use-2026"])
      expect(
        load(id).history.every((h) => h.sample === "holdout"),
        id,
      ).toBe(true);
  });
});

describe("heavy-rare-earths-2025: China's own NdPr market", () => {
  it("tightens when a foreign mine stops shipping it ore, so China's domestic price rises while the licences are on heavy rare earths", () => {
    const s = load("heavy-rare-earths-2025");
    const model = prepareModel(s);
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const st = runPlan(model, seed, new Map()).state;
      const domestic = (l: string) =>
        at(s, st, l).materials.ndpr_oxide?.controllerPriceMultiple ?? 0;
      expect(domestic("2025-03"), `seed ${seed}`).toBeCloseTo(1, 2);
      expect(domestic("2025-08"), `seed ${seed}`).toBeGreaterThan(domestic("2025-05"));
      // The held-out record (SMM: CNY 400k/t in January, 630k/t in late August) — not tuned to.
      const check = checkHistory(model, st.results).results.find(
        (r) => r.check.id === "ndpr_china_aug",
      );
      expect(check?.pass, `seed ${seed}`).toBe(true);
    }
    // Heavy rare earths: the licences part the markets. What is not licensed stays in China, so
    // its own price stays near flat while the price outside runs (held out: Dy in China flat,
    // about 3× in Europe by May 2025).
    const st7 = run(s).state;
    const dy = at(s, st7, "2025-08").materials.heavy_ree_oxide;
    expect(dy?.controllerPriceMultiple ?? 0).toBeGreaterThan(0.8);
    expect(dy?.controllerPriceMultiple ?? 0).toBeLessThan(1.25);
    // Licences ration by quantity: buyers without one do not bid for the held-back tonnes, so
    // the price outside rises as licensed buyers' stocks drain, from June (not yet in May:
    // the held-out Argus check of about 3× in May fails).
    expect(at(s, st7, "2025-06").priceMultiples.heavy_ree_oxide ?? 0).toBeGreaterThan(1.5);
    expect(at(s, st7, "2025-08").priceMultiples.heavy_ree_oxide ?? 0).toBeGreaterThan(3);
    // Without the lost feed nothing moves China's NdPr market in 2025.
    const calm = { ...s, events: s.events.filter((e) => e.id !== "mp_halt_2025_04") };
    const st = run(calm).state;
    expect(at(calm, st, "2025-08").materials.ndpr_oxide?.controllerPriceMultiple ?? 0).toBeCloseTo(
      1,
      2,
    );
  });
});
