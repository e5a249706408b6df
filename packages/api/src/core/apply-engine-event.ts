import { applyEvent, type EngineEvent, type EngineState, type Model } from "@chokepoint/engine";

type Applied = ReturnType<typeof applyEvent>;

/**
 * The engine's `applyEvent`, remembered per (engine state, event) pair. `decide` applies the
 * events it is about to return (to refuse what the engine would refuse, and to see whether
 * a lock completes the turn), and `evolve` then applies the very same event objects to the
 * very same state: without this, a lock that completes a turn resolved the market twice.
 * Both are immutable and applyEvent is pure, so the memo cannot change a result; weak keys
 * let both go when the exercise moves on.
 */
const applied = new WeakMap<EngineState, WeakMap<EngineEvent, Applied>>();

export function applyEngineEvent(model: Model, engine: EngineState, event: EngineEvent): Applied {
  let byEvent = applied.get(engine);
  const known = byEvent?.get(event);
  if (known) return known;
  const r = applyEvent(model, engine, event);
  if (!byEvent) {
    byEvent = new WeakMap();
    applied.set(engine, byEvent);
  }
  byEvent.set(event, r);
  return r;
}
