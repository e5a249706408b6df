import { AppError, refusal } from "@chokepoint/contracts";
import type { EngineEvent, LeverAction } from "@chokepoint/engine";
import type { ExerciseState } from "../core/index.ts";
import { DEFAULT_LIMITS } from "../limits.ts";
import type { ExerciseRunner } from "./exercise-runner.ts";

export type TurnDecisions = ReadonlyMap<
  number,
  readonly { team: string; actions: LeverAction[] }[]
>;

export interface HeadlessResult {
  state: ExerciseState;
  turnsPlayed: number;
  /**
   * Decisions the engine refused, with its reason (English, and `ja` for a Japanese screen); the
   * rest of the run went on without them.
   */
  refused: { turn: number; team: string; message: string; ja: string }[];
}

/**
 * The one headless runner (the CLI's stored run, the review's branch runs): from the turn the
 * exercise is at to the end, lock each team's decisions, then resolve — each as the facilitator,
 * through the exercise's write path and queue, like a live command. The last turn ends it.
 */
export async function runToEnd(
  runner: ExerciseRunner,
  sessionId: string,
  facilitatorId: string,
  decisions: TurnDecisions,
): Promise<HeadlessResult> {
  const as = { participantId: facilitatorId };
  let state = await runner.read(sessionId);
  if (state.status === "ended") throw refusal("branch_run_ended", {});
  const start = state.engine.turn;
  const refused: HeadlessResult["refused"] = [];
  for (let turn = start; turn < state.genesis.scenario.calendar.turns; turn++) {
    for (const d of decisions.get(turn) ?? []) {
      const lock: EngineEvent = {
        type: "decisions_locked",
        turn,
        team: d.team,
        actions: d.actions,
      };
      try {
        state = (await runner.execute(sessionId, as, { type: "replay_engine", events: [lock] }))
          .state;
      } catch (e) {
        if (!(e instanceof AppError) || e.code !== "rule_violation") throw e;
        refused.push({ turn, team: d.team, message: e.message, ja: e.ja });
      }
    }
    const resolve: EngineEvent = { type: "turn_resolved", turn };
    state = (await runner.execute(sessionId, as, { type: "replay_engine", events: [resolve] }))
      .state;
  }
  return { state, turnsPlayed: state.engine.turn - start, refused };
}

/** Appends already decided engine events (an import, a fork's history) as one checked batch. */
export async function replayInto(
  runner: ExerciseRunner,
  sessionId: string,
  facilitatorId: string,
  events: EngineEvent[],
  batchEvents = DEFAULT_LIMITS.replayBatchEvents,
): Promise<ExerciseState> {
  if (!events.length) return runner.read(sessionId);
  // In batches, one transaction each, with a turn of the event loop between them: a long log
  // (an import of tens of thousands of events) must not hold the database and every other
  // request until it is done.
  let state: ExerciseState | undefined;
  for (let i = 0; i < events.length; i += batchEvents) {
    if (i > 0) await new Promise((r) => setImmediate(r));
    state = (
      await runner.execute(
        sessionId,
        { participantId: facilitatorId },
        { type: "replay_engine", events: events.slice(i, i + batchEvents) },
      )
    ).state;
  }
  return state as ExerciseState;
}
