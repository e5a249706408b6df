import type { ExerciseState, Genesis } from "./exercise-state.ts";
import { initialExerciseState } from "./exercise-state.ts";

/**
 * The format of a folded state written as text. Raise it when a field of `ExerciseState`
 * changes meaning: snapshots of another format are not read (the log is folded from the start).
 */
export const SNAPSHOT_FORMAT = 1;

/**
 * An exercise's folded state as JSON text, for a reload that starts from it instead of from
 * the first event (refolding a 40,000-event log held the event loop for 1.5 s, and even in
 * pages it reads and folds the whole log). The genesis is left out: it comes from the session
 * row and holds the scenario and its model. Maps and sets are written as tagged entry lists, so
 * a field added to the state later is carried without a change here.
 */
export function snapshotText(state: ExerciseState): string {
  const { genesis: _genesis, ...rest } = state;
  return JSON.stringify(
    { format: SNAPSHOT_FORMAT, fields: Object.keys(rest).sort(), state: rest },
    tag,
  );
}

/**
 * The state a snapshot holds, on this genesis — or null when it cannot be trusted as one: not
 * JSON, another format, another set of fields than today's state has (an old snapshot), or
 * another exercise's seq range. The caller then folds the whole log.
 */
export function stateFromSnapshot(
  genesis: Genesis,
  text: string,
  seq: number,
): ExerciseState | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text, untag);
  } catch {
    return null;
  }
  if (!parsed || typeof parsed !== "object") return null;
  const { format, fields, state } = parsed as {
    format?: unknown;
    fields?: unknown;
    state?: unknown;
  };
  if (format !== SNAPSHOT_FORMAT || !state || typeof state !== "object") return null;
  const { genesis: _genesis, ...today } = initialExerciseState(genesis);
  const want = Object.keys(today).sort();
  const have = Object.keys(state).sort();
  if (!Array.isArray(fields) || fields.join() !== want.join() || have.join() !== want.join())
    return null;
  const restored = { ...(state as Omit<ExerciseState, "genesis">), genesis } as ExerciseState;
  return restored.seq === seq ? restored : null;
}

function tag(_key: string, value: unknown): unknown {
  if (value instanceof Map) return { $map: [...value.entries()] };
  if (value instanceof Set) return { $set: [...value] };
  return value;
}

function untag(_key: string, value: unknown): unknown {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const o = value as { $map?: unknown; $set?: unknown };
    if (Array.isArray(o.$map) && Object.keys(o).length === 1)
      return new Map(o.$map as [unknown, unknown][]);
    if (Array.isArray(o.$set) && Object.keys(o).length === 1) return new Set(o.$set);
  }
  return value;
}
