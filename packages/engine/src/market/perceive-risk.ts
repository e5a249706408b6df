import type { MarketParams } from "../scenario/market-schema.ts";

/** What buyers saw this turn, which their fear learns from. */
export interface RiskInputs {
  /** Announced restriction in force (0..1, weighted by the controlling country's share). */
  restriction: number;
  /** Share of buyers' use that this turn's deliveries did not cover (0..1): they drew on stock. */
  shortShare: number;
  /** The turn's price change as a log ratio (ln 2 ≈ 0.69 when the price doubled). */
  momentum: number;
}

/** Buyers' fear after the turn. */
export interface Fear {
  risk: number;
  alarm: number;
  restrictionSeen: number;
}

/**
 * Perceived supply risk learns from experience (after Sterman 2000, ch. 20, on expectations
 * formed from recent experience): it is driven by the larger of
 * - the alarm from news — a tightening raises it by its size, and it fades over `newsTurns`;
 * - what buyers experience — deliveries short of their use, and rising prices.
 * Risk moves toward that driver quickly when it rises (`riskUpTurns`) and slowly when it
 * falls (`riskDownTurns`). So precautionary stocks built on a shock unwind once deliveries
 * normalise, even while a quota stays in force but no longer binds (the 2012 "inventory
 * adjustment"), and build again only when deliveries fall short or prices run.
 * @example perceiveRisk(mp, { risk: 0, alarm: 0, restrictionSeen: 0 }, { restriction: 0.3, shortShare: 0, momentum: 0 })
 */
export function perceiveRisk(mp: MarketParams, before: Fear, seen: RiskInputs): Fear {
  const rise = Math.max(0, seen.restriction - before.restrictionSeen);
  const alarm = Math.min(1, before.alarm * (1 - 1 / mp.newsTurns) + rise);
  const experience = Math.min(
    1,
    mp.fearFromShortfall * Math.max(0, seen.shortShare) +
      mp.fearFromMomentum * Math.max(0, seen.momentum),
  );
  const signal = Math.max(alarm, experience);
  const risk =
    before.risk +
    (signal - before.risk) / (signal > before.risk ? mp.riskUpTurns : mp.riskDownTurns);
  return { risk, alarm, restrictionSeen: seen.restriction };
}
