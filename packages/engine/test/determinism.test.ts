import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  applyEvent,
  DecisionsFile,
  parseScenario,
  planFromDecisions,
  prepareModel,
  replay,
  runPlan,
  type Scenario,
  stateHash,
} from "../src/index.ts";
import { tinyScenario } from "./fixture.ts";
import { play } from "./helpers.ts";

const dir = join(import.meta.dirname, "../../../scenarios/rare-earth-2010");
function scenario2010(): Scenario {
  const r = parseScenario(parse(readFileSync(join(dir, "scenario.yaml"), "utf8")));
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.scenario;
}

describe("determinism", () => {
  it("the same scenario, seed and events give an identical state hash", () => {
    const s = tinyScenario((x) => {
      x.events = [
        {
          id: "licence",
          at: "2020-Q2",
          title: { ja: "許可制", en: "Licensing" },
          effect: {
            kind: "licence_regime",
            country: "CN",
            materials: ["oxide"],
            approvalDelayDays: 30,
            denialRate: 0.3,
            denialSpread: 0.2,
          },
        },
      ];
    });
    const a = play(s, 8, () => [], 7);
    const b = play(s, 8, () => [], 7);
    expect(stateHash(a.state)).toBe(stateHash(b.state));
    // The seed matters where the scenario draws: another seed gives another denial path.
    const c = play(s, 8, () => [], 8);
    expect(stateHash(c.state)).not.toBe(stateHash(a.state));
  });

  it("replaying the log of a headless run of the 2010 scenario reproduces its state exactly", () => {
    const s = scenario2010();
    const file = DecisionsFile.parse(
      parse(readFileSync(join(dir, "decisions-japan-actual.yaml"), "utf8")),
    );
    const plan = planFromDecisions(s, file);
    if (!plan.ok) throw new Error(JSON.stringify(plan.issues));
    const run = runPlan(prepareModel(s), 2010, plan.plan);
    expect(run.refused).toEqual([]);
    const again = replay(s, 2010, run.events);
    expect(again.ok).toBe(true);
    if (again.ok) expect(stateHash(again.state)).toBe(stateHash(run.state));
    expect(run.state.results).toHaveLength(24);
  });

  it("the engine never mutates the state it is given", () => {
    const s = tinyScenario();
    const { state, model } = play(s, 2);
    const before = stateHash(state);
    const frozen = JSON.parse(JSON.stringify(state));
    const r = replay(s, 1, [
      { type: "turn_resolved", turn: 0 },
      { type: "turn_resolved", turn: 1 },
      { type: "turn_resolved", turn: 2 },
    ]);
    expect(r.ok).toBe(true);
    expect(stateHash(state)).toBe(before);
    expect(state).toEqual(frozen);
    expect(model.scenario.id).toBe("tiny");
  });

  it("resolving a turn appends to a new results list; the given state's list stays as it was", () => {
    // Folds that own their list (runPlan, replay, Monte Carlo) append in place; applyEvent
    // called from outside must not.
    const s = tinyScenario();
    const { state, model } = play(s, 2);
    const results = state.results;
    const length = results.length;
    const r = applyEvent(model, state, { type: "turn_resolved", turn: state.turn });
    expect(r.ok).toBe(true);
    expect(state.results).toBe(results);
    expect(results).toHaveLength(length);
    if (r.ok) {
      expect(r.state.results).not.toBe(results);
      expect(r.state.results).toHaveLength(length + 1);
      expect(r.state.results.slice(0, length)).toEqual(results);
    }
  });
});
