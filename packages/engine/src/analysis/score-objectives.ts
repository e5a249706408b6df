import type { Model } from "../model/model.ts";
import type { TurnResult } from "../model/state.ts";
import type { Objective } from "../scenario/objective-schema.ts";
import { controlledImports } from "./dependency.ts";

export interface ObjectiveScore {
  objective: Objective;
  /** The metric in each turn played, and whether the target held. */
  values: number[];
  held: boolean[];
  /** Met: held every turn ("every_turn") or in the last turn ("end"). */
  met: boolean;
}

/**
 * Scores each of the scenario's team objectives over a run, turn by turn. Run it on an
 * exercise and on a reference path (Japan's actual decisions) to draw both on the scorecard.
 * @example scoreObjectives(model, state.results).filter((s) => s.objective.team === "jogmec")
 */
export function scoreObjectives(model: Model, results: readonly TurnResult[]): ObjectiveScore[] {
  return model.scenario.objectives.map((o) => {
    const values = results.map((r) => measure(model, r, o));
    const held = values.map((v) =>
      o.atLeast !== undefined ? v >= o.atLeast - 1e-9 : v <= (o.atMost ?? 0) + 1e-9,
    );
    const met =
      held.length > 0 && (o.when === "end" ? held[held.length - 1] === true : held.every(Boolean));
    return { objective: o, values, held, met };
  });
}

function measure(model: Model, r: TurnResult, o: Objective): number {
  const m = o.metric;
  switch (m.kind) {
    case "sector_output":
      return Math.min(...m.sectors.map((id) => r.sectors[id]?.output ?? 1));
    case "controlled_share": {
      const c = controlledImports(model, r, m.materials);
      return c.imported > 0 ? c.fromController / c.imported : 0;
    }
    case "stockpile_days": {
      const l = model.levers.get(m.lever);
      if (l?.kind !== "stockpile") return 0;
      const use = model.normalUse.get(l.material) ?? 0;
      return use > 0 ? ((r.stockpiles[m.lever] ?? 0) / use) * model.turnDays : 0;
    }
    case "project_active":
      return r.projects.some((p) => p.lever === m.lever && p.status === "active") ? 1 : 0;
    case "budget_left":
      return r.teams[m.team]?.budgetLeft ?? 0;
  }
}
