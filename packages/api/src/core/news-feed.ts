import {
  type EventEffect,
  type FiredEvent,
  fire,
  type LocalizedText,
  type ScenarioEvent,
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
  const fired = after.engine.fired !== before.engine.fired;
  // A turn opens (the start, or the last one resolved): tell its certain scheduled events now,
  // as a tabletop's inject opens the round, so teams can answer them in that turn. The engine
  // applies them when the turn resolves; their card then carries on unchanged.
  const opened =
    (before.status === "lobby" && after.status === "running") ||
    (after.status !== "lobby" && after.engine.turn !== before.engine.turn);
  // Most events (locks, drafts, joins) do neither: nothing to look at on the fold's hot path.
  if (!fired && !opened) return before.news;
  const custom = (r.event.type === "inject_fired" && r.event.custom?.description) || null;
  const candidates = [
    ...(fired ? after.engine.fired.map((f) => ({ id: f.id, description: custom })) : []),
    ...(opened
      ? certainAt(after, after.engine.turn).map((e) => ({ id: e.id, description: null }))
      : []),
  ];
  const told = new Set(before.news.map((n) => n.eventId));
  const fresh: NewsStamp[] = [];
  for (const c of candidates)
    if (!told.has(c.id)) {
      told.add(c.id);
      fresh.push({ eventId: c.id, seq: r.seq, at: r.at, description: c.description });
    }
  return fresh.length ? [...before.news, ...fresh] : before.news;
}

/** The scenario's events scheduled for a turn that will surely fire (probability 1). */
function certainAt(state: ExerciseState, turn: number): ScenarioEvent[] {
  if (turn >= state.genesis.scenario.calendar.turns) return [];
  return (state.genesis.model.scheduled.get(turn) ?? []).filter((e) => e.probability >= 1);
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
  /** False while the turn it comes with is open: told, not yet applied by the engine. */
  applied: boolean;
}

/**
 * The feed, newest first. Fired events are public, and so is the scenario's timetable for the
 * open turn: every viewer gets the same feed.
 */
export function newsView(state: ExerciseState): NewsItem[] {
  const s = state.genesis.scenario;
  const byId = new Map(state.engine.fired.map((f) => [f.id, f]));
  const items: NewsItem[] = [];
  for (const stamp of state.news) {
    const def = [...s.events, ...s.injects].find((e) => e.id === stamp.eventId);
    // Told when its turn opened and not yet applied: the card says what the turn brings.
    const f =
      byId.get(stamp.eventId) ??
      (def ? fire(def, scheduledTurn(state, def.id) ?? state.engine.turn, "scheduled") : null);
    if (!f) continue;
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
      applied: byId.has(stamp.eventId),
    });
  }
  return items.reverse();
}

function scheduledTurn(state: ExerciseState, eventId: string): number | undefined {
  for (const [turn, events] of state.genesis.model.scheduled)
    if (events.some((e) => e.id === eventId)) return turn;
  return undefined;
}
