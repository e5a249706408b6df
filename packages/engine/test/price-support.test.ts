import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { explainTurn } from "../src/index.ts";
import { clearControllerMarket, priceSupport } from "../src/market/controller-market.ts";
import type { MarketState } from "../src/model/state.ts";
import { ControllerMarket } from "../src/scenario/market-schema.ts";
import {
  type Controller,
  calmController,
  controllerTurn,
  withControllerOxide,
} from "./controller-quota-fixture.ts";
import { tinyScenario } from "./fixture.ts";
import { play } from "./helpers.ts";

/** A controlling country whose state defends 70 % of a boom's peak with up to 40 % of its output. */
const cm = ControllerMarket.parse({
  useRatio: 1.5,
  coverDays: 91,
  priceResponse: 3,
  supportBelowPeak: 0.7,
  supportAfterMultiple: 2,
  supportCut: 0.4,
  supportTurns: 2,
  supportMemoryTurns: 8,
  source: "test",
});

describe("the controlling state supports its price in a bust (supportBelowPeak)", () => {
  it("support builds when the price falls below the line under a boom's peak, fades once it is back above it, and ignores a peak that was no boom", () => {
    // Peak 10× base; the price at 5× is below the line (7×): the share builds over 2 turns.
    const falling = priceSupport(cm, { ...calmController, controllerPeak: 10 }, 1, 5, 0);
    expect(falling.share).toBeCloseTo(0.4 / 2, 9);
    const deeper = priceSupport(
      cm,
      { ...calmController, controllerPeak: falling.peak, controllerSupport: falling.share },
      1,
      5,
      0,
    );
    expect(deeper.share).toBeGreaterThan(falling.share);
    expect(deeper.share).toBeLessThan(0.4);
    // The price recovers above the line: support fades rather than stopping at once.
    const recovered = priceSupport(
      cm,
      { ...calmController, controllerPeak: 10, controllerSupport: 0.3 },
      1,
      9,
      0,
    );
    expect(recovered.share).toBeCloseTo(0.15, 9);
    // The peak fades toward the price over supportMemoryTurns, and a new high resets it.
    expect(falling.peak).toBeCloseTo(10 - (10 - 5) / 8, 9);
    expect(priceSupport(cm, { ...calmController, controllerPeak: 10 }, 1, 12, 0).peak).toBe(12);
    // A fall from 1.5× (no boom: under supportAfterMultiple) is not defended.
    const calm = priceSupport(cm, { ...calmController, controllerPeak: 1.5 }, 1, 0.8, 0);
    expect(calm.share).toBe(0);
  });

  it("with support built up, the state takes an overhang off its market: its output falls, its price holds higher, and never past the line", () => {
    // A bust: the price fell from a 10× peak to 4×; after the turn's output the market would
    // hold more than the cover it wants (its price then heads for the cost floor).
    const bust = {
      ...calmController,
      controllerStock: 100,
      controllerPeak: 10,
      controllerSupport: 0.4,
    } as MarketState;
    const turn = controllerTurn({ price: 4, floor: 0.7 });
    const held = clearControllerMarket(cm, bust, turn);
    const free = clearControllerMarket({ ...cm, supportBelowPeak: 0 }, bust, turn);
    expect(held.support?.withheld ?? 0).toBeGreaterThan(0);
    // At most its means: 40 % of what it made this turn (normal use 150 + exports 100).
    expect(held.support?.withheld ?? 0).toBeLessThanOrEqual(0.4 * 250 + 1e-9);
    expect(held.stock).toBeCloseTo(free.stock - (held.support?.withheld ?? 0), 9);
    expect(free.target).toBeCloseTo(0.7, 9);
    expect(held.price).toBeGreaterThan(free.price);
    expect(held.target).toBeLessThanOrEqual(0.7 * 10 + 1e-9);
    // Off: no support state at all (hashes of scenarios without it are unchanged).
    expect(free.support).toBeUndefined();
  });

  it("property: support never lowers the price, never takes more than its means or the stock, and never lifts the target above the line or the unsupported target", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 30, noNaN: true }),
        fc.double({ min: 2, max: 40, noNaN: true }),
        fc.double({ min: 0, max: 2000, noNaN: true }),
        fc.double({ min: 0, max: 0.9, noNaN: true }),
        (price, peak, stock, share) => {
          const ms = {
            ...calmController,
            controllerStock: stock,
            controllerPeak: peak,
            controllerSupport: share,
          } as MarketState;
          const turn = controllerTurn({ price, floor: 0.7 });
          const held = clearControllerMarket(cm, ms, turn);
          const free = clearControllerMarket({ ...cm, supportBelowPeak: 0 }, ms, turn);
          const withheld = held.support?.withheld ?? 0;
          expect(withheld).toBeGreaterThanOrEqual(0);
          expect(withheld).toBeLessThanOrEqual(share * 250 + 1e-9);
          expect(held.price).toBeGreaterThanOrEqual(free.price - 1e-9);
          expect(held.target).toBeLessThanOrEqual(Math.max(free.target, 0.7 * peak) + 1e-9);
        },
      ),
      { numRuns: 200 },
    );
  });
});

/**
 * The fixture's oxide with the controlling country's market, a 60 % rise in world demand for
 * four quarters from 2020-Q2 (a boom that ends), and output that answers price.
 */
const boomAndBust = (controller: Partial<Controller>) =>
  tinyScenario((s) => {
    s.calendar = { ...s.calendar, turns: 16 };
    const oxide = withControllerOxide(s, {
      supplyElasticity: 0.5,
      supplyAdjustTurns: 2,
      ...controller,
    });
    oxide.demandElasticity = 0.3;
    s.events = [
      {
        id: "boom",
        at: "2020-Q2",
        durationTurns: 4,
        title: { ja: "需要急増", en: "Boom" },
        effect: { kind: "world_demand", materials: ["oxide", "magnet"], multiplier: 1.6 },
        source: "test",
      } as NonNullable<typeof s.events>[number],
    ];
  });

describe("a boom that ends, with and without the state's support", () => {
  const support = {
    supportBelowPeak: 0.9,
    supportAfterMultiple: 1.2,
    supportCut: 0.5,
    supportTurns: 1,
  };
  const off = play(boomAndBust({}), 16);
  const on = play(boomAndBust(support), 16);
  const cn = (st: typeof off.state) =>
    st.results.map((r) => r.materials.oxide?.controllerPriceMultiple ?? Number.NaN);

  it("is the same run up to the peak; after it the supported domestic price stays higher, and the explanation names the support in ja and en", () => {
    const a = cn(off.state);
    const b = cn(on.state);
    const peakTurn = a.indexOf(Math.max(...a));
    expect(Math.max(...a)).toBeGreaterThan(1.2);
    for (let t = 0; t <= peakTurn; t++) expect(b[t]).toBeCloseTo(a[t] ?? 0, 9);
    const after = b.slice(peakTurn + 1).map((p, i) => p - (a[peakTurn + 1 + i] ?? 0));
    expect(Math.max(...after)).toBeGreaterThan(0.01);
    const supported = on.state.results.findIndex((r) =>
      r.materials.oxide?.causes.some((c) => c.id === "controller_price_support"),
    );
    expect(supported).toBeGreaterThan(peakTurn);
    const r = on.state.results[supported];
    if (!r) throw new Error("no supported turn");
    const en = explainTurn(on.model, r, "en").find((e) => e.subject.kind === "material");
    const ja = explainTurn(on.model, r, "ja").find((e) => e.subject.kind === "material");
    expect(en?.text).toContain("state price support");
    expect(ja?.text).toContain("価格下支え");
  });
});
