import type { Model } from "../model/model.ts";
import type { LocationResult, LocationState, MarketState } from "../model/state.ts";
import type { FlowResult } from "./flow-materials.ts";

/**
 * Moves home production abroad under sustained pressure: the share of its input it could
 * not get, the insecurity of that input (buyers' perceived risk), plus the cost gap makers abroad enjoy when they buy the input at the controlling
 * country's domestic price (gap × tonnes of input per tonne ÷ output price). Pressure is a
 * moving average, so a two-month hold moves little and years of a price gap move a lot;
 * capacity comes back only at `returnPerTurn` once pressure is gone.
 */
export function relocateProduction(
  model: Model,
  location: Readonly<Record<string, LocationState>>,
  prices: Readonly<Record<string, number>>,
  market: Readonly<Record<string, MarketState>>,
  flow: FlowResult,
): { location: Record<string, LocationState>; results: Record<string, LocationResult> } {
  const next: Record<string, LocationState> = {};
  // Monte Carlo's lean turns report no locations (no band or trigger reads them).
  const results: Record<string, LocationResult> = flow.lean ? NO_RESULTS : {};
  for (const src of model.scenario.sources) {
    const now = location[src.id];
    if (!src.domestic || !now) continue;
    const r = src.relocation;
    let { homeShare, pressure } = now;
    let causes: LocationResult["pressure"] = NO_PRESSURE;
    const mat = model.materials.get(src.material);
    if (r && mat?.input) {
      const inp = mat.input.material;
      const gap = Math.max(0, (prices[inp] ?? 0) - (market[inp]?.controllerPrice ?? 0));
      const out = prices[src.material] ?? mat.basePrice.value;
      causes = {
        shortage: flow.plantShortage.get(src.id) ?? 0,
        costGap: (r.costGapSensitivity * gap * mat.input.perTonne) / Math.max(1e-12, out),
        insecurity: r.insecuritySensitivity * (market[inp]?.risk ?? 0),
      };
      const raw = causes.shortage + causes.costGap + causes.insecurity;
      pressure += (raw - pressure) / r.pressureTurns;
      if (pressure > 0.02)
        homeShare = Math.max(0, homeShare - r.ratePerTurn * Math.min(1, pressure));
      else homeShare += r.returnPerTurn * (1 - homeShare);
    }
    next[src.id] = { homeShare, pressure };
    if (flow.lean) continue;
    const normal = model.normalPlantOutput.get(src.id) ?? 0;
    results[src.id] = {
      source: src.id,
      material: src.material,
      homeShare,
      pressure: causes,
      valueAddedMovedAbroad: r ? (1 - homeShare) * normal * r.valueAddedPerTonne : 0,
    };
  }
  return { location: next, results };
}

const NO_RESULTS: Record<string, LocationResult> = Object.freeze({}) as Record<
  string,
  LocationResult
>;

const NO_PRESSURE: LocationResult["pressure"] = Object.freeze({
  shortage: 0,
  costGap: 0,
  insecurity: 0,
});
