import { describe, expect, it } from "vitest";
import { clearControllerMarket } from "../src/market/controller-market.ts";
import { ControllerMarket } from "../src/scenario/market-schema.ts";
import { calmController, controllerTurn } from "./controller-quota-fixture.ts";

const cm = (momentumNeedsMeasures: number) =>
  ControllerMarket.parse({
    useRatio: 1.5,
    coverDays: 91,
    priceResponse: 3.4,
    speculation: 4,
    fearFromMomentum: 3,
    momentumThreshold: 0.5,
    momentumNeedsMeasures,
    fearFromMeasures: 0,
    source: "test",
  });

// Its industry wants 40 % more this turn (a demand recovery): the home price runs well past the
// threshold within the turn. measuresSeen equals measures, so no news raises an alarm.
const run = (needs: number, measures: number) =>
  clearControllerMarket(
    cm(needs),
    calmController,
    controllerTurn({ cycle: 1.4, measures, measuresSeen: measures }),
  );

describe("a run of the controlling country's price starts hoarding in a measure's context (momentumNeedsMeasures)", () => {
  it("the same run raises its traders' fear under an export measure, not without one", () => {
    const calm = run(1, 0);
    const restricted = run(1, 0.3);
    // The run itself is the same (the measure moves no price within this turn) …
    expect(Math.log(calm.price)).toBeGreaterThan(0.5);
    expect(restricted.price).toBeCloseTo(calm.price, 9);
    // … but only under the measure is it read as scarcity to come.
    expect(calm.risk).toBe(0);
    expect(restricted.risk).toBeCloseTo(Math.min(1, 3 * (Math.log(calm.price) - 0.5)), 9);
  });

  it("0 (the default) keeps every run counting, as before", () => {
    expect(
      ControllerMarket.parse({ ...cm(0), momentumNeedsMeasures: undefined }).momentumNeedsMeasures,
    ).toBe(0);
    expect(run(0, 0).risk).toBeCloseTo(run(1, 0.3).risk, 9);
    expect(run(0, 0).risk).toBeGreaterThan(0.1);
  });
});
