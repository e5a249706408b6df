import type { Model } from "../model/model.ts";
import type { Rng } from "../model/rng.ts";
import type { FiredEvent, TurnResult } from "../model/state.ts";
import type { Trigger } from "../scenario/effect-schema.ts";
import type { ScenarioEvent } from "../scenario/scenario-schema.ts";
import { isActive } from "./active-events.ts";

/** Turns a scenario event (or inject) into a fired event starting at `turn`. */
export function fire(e: ScenarioEvent, turn: number, origin: FiredEvent["origin"]): FiredEvent {
  return {
    id: e.id,
    title: e.title,
    effect: e.effect,
    origin,
    startTurn: turn,
    endTurn: e.durationTurns === undefined ? null : turn + e.durationTurns,
  };
}

/**
 * Fires the events due at the start of `turn`: those scheduled for it, and triggered ones
 * whose condition held in the last resolved turn. Each fires at most once. An event with a
 * probability below 1 draws from the run's PRNG. `end_event` effects close their targets.
 */
export function fireDueEvents(
  model: Model,
  fired: readonly FiredEvent[],
  last: TurnResult | undefined,
  turn: number,
  rng: Rng,
): { fired: FiredEvent[]; newly: string[] } {
  const scheduled = model.scheduled.get(turn);
  if (!scheduled && model.triggered.length === 0)
    return { fired: fired as FiredEvent[], newly: [] };
  let out = [...fired];
  const newly: string[] = [];
  const already = new Set(fired.map((f) => f.id));
  const due = [
    ...(scheduled ?? []),
    ...model.triggered.filter(
      (e) => e.when && !already.has(e.id) && triggerHolds(e.when, last, fired, turn),
    ),
  ];
  for (const e of due) {
    if (already.has(e.id)) continue;
    if (e.probability < 1 && rng.next() >= e.probability) continue;
    out = closeTargets(out, e, turn);
    out.push(fire(e, turn, e.at ? "scheduled" : "triggered"));
    already.add(e.id);
    newly.push(e.id);
  }
  return { fired: out, newly };
}

/** An `end_event` ends its targets for good from this turn. */
export function closeTargets(fired: FiredEvent[], e: ScenarioEvent, turn: number): FiredEvent[] {
  if (e.effect.kind !== "end_event") return fired;
  const targets = new Set(e.effect.targets);
  return fired.map((f) =>
    targets.has(f.id) && (f.endTurn === null || f.endTurn > turn) ? { ...f, endTurn: turn } : f,
  );
}

function triggerHolds(
  t: Trigger,
  last: TurnResult | undefined,
  fired: readonly FiredEvent[],
  turn: number,
): boolean | undefined {
  switch (t.metric) {
    case "price_multiple":
      return (last?.priceMultiples[t.material] ?? 0) > t.above;
    case "shortfall_share":
      return (last?.sectors[t.sector]?.shortfallShare ?? 0) > t.above;
    case "event_active":
      return fired.some((f) => f.id === t.event && isActive(f, fired, turn - 1));
  }
}
