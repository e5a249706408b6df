import type { DebriefTableRef, LogEvent } from "@chokepoint/contracts";
import type { MonteCarloResult } from "@chokepoint/engine";
import type { ExerciseState } from "../../core/index.ts";
import { scorecard, timelineTurns } from "../timeline.ts";
import type { TableReview } from "./table-input.ts";

/**
 * One table as the debrief reads it, from its state and log: the review's turns (without the
 * engine's explanations, which the debrief does not print) and scorecard, and the names of
 * what the scenario holds. Proportional to the turns played, not to the log's length.
 */
export function readTable(
  ref: DebriefTableRef,
  state: ExerciseState,
  log: readonly LogEvent[],
  bands: MonteCarloResult | null,
): TableReview {
  const g = state.genesis;
  const s = g.scenario;
  return {
    label: ref.label,
    exerciseId: ref.exerciseId,
    title: g.title,
    seed: g.seed,
    status: state.status,
    scenario: {
      id: s.id,
      title: s.title,
      units: s.units,
      materials: s.materials.map((m) => ({ id: m.id, name: m.name })),
      sectors: s.sectors.map((x) => ({ id: x.id, name: x.name })),
      levers: s.levers.map((l) => ({ id: l.id, name: l.name, kind: l.kind })),
      teams: g.teams.map((id) => {
        const team = s.teams.find((x) => x.id === id);
        return { id, name: team?.name ?? { ja: id, en: id }, levers: team?.levers ?? [] };
      }),
    },
    turns: timelineTurns(state, log, { explain: false }),
    scorecard: scorecard(g.model, state),
    bands,
  };
}
