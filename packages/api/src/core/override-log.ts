import type { Model, OverrideRecord } from "@chokepoint/engine";
import type { ExerciseState, Member } from "./exercise-state.ts";

/** A facilitator's override as a viewer may read it: what, from and to (model units), and why. */
export interface OverrideEntry {
  turn: number;
  kind: "price" | "budget" | "stockpile";
  /** The material, team or stockpile lever it changed. */
  subject: string;
  from: number;
  to: number;
  reason: string;
}

/**
 * Every override of the exercise, oldest first, that this viewer may see. Overrides are never
 * hidden as such — a room must be able to tell the facilitator changed the world — but they
 * follow the same secrecy as the values they change: a price is public; a budget or a
 * stockpile is its team's (and the facilitator's) alone, as in the engine's views.
 */
export function overrideLog(ex: ExerciseState, me: Member): OverrideEntry[] {
  // The engine keeps every override of the exercise (each turn's results copy that turn's).
  const all = ex.engine.overrides;
  const model = ex.genesis.model;
  return all.flatMap((o) => {
    const entry = toEntry(o);
    return entry && mayRead(model, me, entry) ? [entry] : [];
  });
}

function toEntry(o: OverrideRecord): OverrideEntry | undefined {
  const [kind, subject = ""] = o.target.split(":");
  if (kind !== "price" && kind !== "budget" && kind !== "stockpile") return undefined;
  return { turn: o.turn, kind, subject, from: o.from, to: o.to, reason: o.reason };
}

function mayRead(model: Model, me: Member, o: OverrideEntry): boolean {
  if (me.role === "facilitator" || o.kind === "price") return true;
  if (me.role !== "participant" || !me.team) return false;
  if (o.kind === "budget") return o.subject === me.team;
  return model.scenario.teams.find((t) => t.id === me.team)?.levers.includes(o.subject) ?? false;
}
