import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  applyEvent,
  type EngineEvent,
  type EngineState,
  initialState,
  type LeverAction,
  prepareModel,
  replay,
  stateHash,
} from "../src/index.ts";
import { tinyScenario } from "./fixture.ts";

const scenario = tinyScenario((s) => {
  s.allocation = "priority";
  s.injects = [
    ...(s.injects ?? []),
    {
      id: "ban",
      title: { ja: "禁輸", en: "Ban" },
      durationTurns: 2,
      effect: {
        kind: "destination_ban",
        country: "CN",
        materials: [],
        destinations: ["JP"],
        leakage: 0.1,
      },
    },
    {
      id: "licence",
      title: { ja: "許可", en: "Licence" },
      effect: {
        kind: "licence_regime",
        country: "CN",
        materials: ["oxide"],
        approvalDelayDays: 120,
        denialRate: 0.4,
        denialSpread: 0.3,
      },
    },
    {
      id: "shock",
      title: { ja: "需要", en: "Demand" },
      durationTurns: 3,
      effect: { kind: "demand_shock", sectors: ["auto"], multiplier: 1.8 },
    },
    {
      id: "listed",
      title: { ja: "リスト", en: "Listed" },
      effect: {
        kind: "end_user_ban",
        country: "CN",
        materials: [],
        sectors: ["auto"],
        leakage: 0.2,
      },
    },
    {
      id: "pause",
      title: { ja: "停止", en: "Pause" },
      durationTurns: 2,
      effect: { kind: "suspend_event", targets: ["quota"] },
    },
  ];
});
const model = prepareModel(scenario);

const action: fc.Arbitrary<{ team: string; action: LeverAction }> = fc.oneof(
  fc.record({
    team: fc.constant("agency"),
    action: fc.record({
      op: fc.constantFrom("buy" as const, "release" as const),
      lever: fc.constant("oxide_stock"),
      tonnes: fc.double({ min: 1, max: 80, noNaN: true }),
    }),
  }),
  fc.record({
    team: fc.constant("agency"),
    action: fc.record({
      op: fc.constant("activate" as const),
      lever: fc.constant("mine_abroad"),
      scale: fc.double({ min: 0.1, max: 1, noNaN: true }),
    }),
  }),
  fc.record({
    team: fc.constant("maker"),
    action: fc.record({
      op: fc.constant("activate" as const),
      lever: fc.constantFrom("thrift", "recycling", "offtake"),
      scale: fc.constant(1),
    }),
  }),
  fc.record({
    team: fc.constant("gov"),
    action: fc.record({
      op: fc.constant("activate" as const),
      lever: fc.constantFrom("wto", "floor", "own_controls", "screening"),
      scale: fc.constant(1),
    }),
  }),
);
const turnPlan = fc.record({
  actions: fc.array(action, { maxLength: 4 }),
  inject: fc.option(fc.constantFrom("quota", "ban", "licence", "shock", "pause", "listed"), {
    nil: undefined,
  }),
});
const plans = fc.record({
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  turns: fc.array(turnPlan, { minLength: 8, maxLength: 8 }),
});

/** Builds a log from a random plan, keeping only the events the engine accepts. */
type TurnPlan = { actions: { team: string; action: LeverAction }[]; inject: string | undefined };

function buildLog(
  seed: number,
  turns: readonly TurnPlan[],
): { log: EngineEvent[]; states: EngineState[] } {
  let state = initialState(model, seed);
  const log: EngineEvent[] = [];
  const states: EngineState[] = [state];
  const tryApply = (e: EngineEvent) => {
    const r = applyEvent(model, state, e);
    if (r.ok) {
      state = r.state;
      log.push(e);
    }
  };
  turns.forEach((t, turn) => {
    if (t.inject) tryApply({ type: "inject_fired", turn, inject: t.inject });
    for (const team of ["agency", "maker", "gov"]) {
      const actions = t.actions.filter((a) => a.team === team).map((a) => a.action);
      if (actions.length) tryApply({ type: "decisions_locked", turn, team, actions });
    }
    tryApply({ type: "turn_resolved", turn });
    states.push(state);
  });
  return { log, states };
}

const eps = 1e-6;

describe("engine invariants (property-based)", () => {
  it("allocation never exceeds what is at hand, stocks stay non-negative, prices stay finite and positive, mass balances at every stage with inventories", () => {
    fc.assert(
      fc.property(plans, ({ seed, turns }) => {
        const { states } = buildLog(seed, turns);
        const final = states[states.length - 1] as EngineState;
        expect(final.results).toHaveLength(8);
        for (const r of final.results) {
          for (const f of Object.values(r.materials)) {
            // Stock at start + received + released = used + converted + bought for stock + stock at end.
            const allocated = f.toSectors + f.toDownstream + f.boughtForStock;
            const inflow = f.stockStart + f.supplied;
            expect(Math.abs(inflow - allocated - f.stockEnd)).toBeLessThan(
              eps * Math.max(1, inflow),
            );
            expect(f.stockStart).toBeGreaterThanOrEqual(0);
            expect(f.stockEnd).toBeGreaterThanOrEqual(0);
            expect(allocated).toBeLessThanOrEqual(f.claimed + eps);
            const bySource = Object.values(f.bySource).reduce((a, b) => a + b, 0);
            expect(Math.abs(bySource - f.received)).toBeLessThan(eps);
            expect(Math.abs(f.received + f.released - f.supplied)).toBeLessThan(eps);
            expect(f.rowStock).toBeGreaterThanOrEqual(0);
          }
          // Home production never makes more than its input allows.
          for (const m of scenario.materials) {
            if (!m.input) continue;
            const home = scenario.sources
              .filter((s) => s.domestic && s.material === m.id)
              .reduce((a, s) => a + (r.materials[m.id]?.bySource[s.id] ?? 0), 0);
            const input = r.materials[m.input.material];
            const perTonne = m.input.perTonne * (input?.demandFactor ?? 1);
            expect(home * perTonne).toBeLessThanOrEqual((input?.toDownstream ?? 0) + eps);
          }
          for (const s of Object.values(r.sectors)) {
            expect(s.output).toBeGreaterThanOrEqual(-eps);
            expect(s.output).toBeLessThanOrEqual(1 + eps);
          }
          for (const t of Object.values(r.stockpiles)) expect(t).toBeGreaterThanOrEqual(0);
          for (const p of Object.values(r.prices)) {
            expect(Number.isFinite(p)).toBe(true);
            expect(p).toBeGreaterThan(0);
          }
        }
        for (const st of Object.values(final.stockpiles))
          expect(st.tonnes).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 150 },
    );
  });

  it("replaying a prefix of the log equals the state at that turn", () => {
    fc.assert(
      fc.property(plans, fc.integer({ min: 0, max: 7 }), ({ seed, turns }, k) => {
        const { log, states } = buildLog(seed, turns);
        const cut = log.findIndex((e) => e.type === "turn_resolved" && e.turn === k);
        const prefix = replay(scenario, seed, log.slice(0, cut + 1));
        expect(prefix.ok).toBe(true);
        if (prefix.ok) expect(stateHash(prefix.state)).toBe(stateHash(states[k + 1]));
      }),
      { numRuns: 60 },
    );
  });

  it("a fork at turn k leaves every earlier turn identical", () => {
    fc.assert(
      fc.property(plans, plans, fc.integer({ min: 1, max: 7 }), (a, b, k) => {
        const original = buildLog(a.seed, a.turns);
        const fork = buildLog(a.seed, [...a.turns.slice(0, k), ...b.turns.slice(k)]);
        const o = original.states[8] as EngineState;
        const f = fork.states[8] as EngineState;
        expect(stateHash(f.results.slice(0, k))).toBe(stateHash(o.results.slice(0, k)));
        expect(stateHash(fork.states[k])).toBe(stateHash(original.states[k]));
      }),
      { numRuns: 60 },
    );
  });
});
