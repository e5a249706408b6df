import {
  type EventEffect,
  type FiredEvent,
  type LocalizedText,
  turnLabel,
} from "@chokepoint/engine";
import type { Recorded } from "./evolve.ts";
import type { ExerciseState } from "./exercise-state.ts";

/** When an event of the scenario (scheduled, triggered or injected) reached the room. */
export interface NewsStamp {
  eventId: string;
  seq: number;
  at: string;
  /** A custom inject's own text (the scenario's events and injects are looked up by id). */
  description: LocalizedText | null;
}

/**
 * Stamps each event the engine fired with the log position and time it arrived, so the
 * news feed can say when it came and clients can count what they have not read.
 */
export function evolveNews(
  before: ExerciseState,
  after: ExerciseState,
  r: Recorded,
): readonly NewsStamp[] {
  if (after.engine.fired === before.engine.fired) return before.news;
  const known = new Set(before.engine.fired.map((f) => f.id));
  const custom =
    r.event.type === "inject_fired" && r.event.custom ? r.event.custom.description : undefined;
  const fresh = after.engine.fired
    .filter((f) => !known.has(f.id))
    .map((f) => ({ eventId: f.id, seq: r.seq, at: r.at, description: custom ?? null }));
  return fresh.length ? [...before.news, ...fresh] : before.news;
}

/** One card of the news feed: what happened, when in the scenario and in the room, what it changes. */
export interface NewsItem {
  eventId: string;
  seq: number;
  /** When it reached the room (ISO). */
  at: string;
  origin: FiredEvent["origin"];
  title: LocalizedText;
  description: LocalizedText | null;
  effect: EventEffect;
  startTurn: number;
  startLabel: string;
  /** The last turn it is in force (null while open-ended). */
  lastTurn: number | null;
  lastLabel: string | null;
}

/** The feed, newest first. Fired events are public: every viewer gets the same feed. */
export function newsView(state: ExerciseState): NewsItem[] {
  const s = state.genesis.scenario;
  const byId = new Map(state.engine.fired.map((f) => [f.id, f]));
  const items: NewsItem[] = [];
  for (const stamp of state.news) {
    const f = byId.get(stamp.eventId);
    if (!f) continue;
    const def = [...s.events, ...s.injects].find((e) => e.id === f.id);
    const last = f.endTurn === null ? null : f.endTurn - 1;
    items.push({
      eventId: f.id,
      seq: stamp.seq,
      at: stamp.at,
      origin: f.origin,
      title: f.title,
      description: stamp.description ?? def?.description ?? null,
      effect: f.effect,
      startTurn: f.startTurn,
      startLabel: turnLabel(s.calendar, f.startTurn),
      lastTurn: last,
      lastLabel: last === null ? null : turnLabel(s.calendar, last),
    });
  }
  return items.reverse();
}
