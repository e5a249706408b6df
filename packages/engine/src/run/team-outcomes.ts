import { hhi, importShare } from "../analysis/dependency.ts";
import type { Model } from "../model/model.ts";
import type { MaterialFlow, TeamOutcome } from "../model/state.ts";

/**
 * Dependency per team: the share of its materials' imports from the controlling country,
 * and the Herfindahl–Hirschman index over supplying countries (0–10,000), tonnage-weighted
 * over the materials its sectors use (every sector-used material for teams without sectors).
 */
export function teamOutcomes(
  model: Model,
  flows: Readonly<Record<string, MaterialFlow>>,
  budgets: Readonly<Record<string, number>>,
  spentNow: Readonly<Record<string, number>>,
): Record<string, TeamOutcome> {
  const out: Record<string, TeamOutcome> = {};
  // Teams measured over the same materials share one list (prepareModel dedupes them):
  // compute each distinct list once.
  let lastList: readonly string[] | undefined;
  let share = 0;
  let index = 0;
  for (const team of model.teams.values()) {
    const list = model.teamMaterials.get(team.id) ?? NO_MATERIALS;
    if (list !== lastList) {
      const byCountry: Record<string, number> = {};
      let total = 0;
      for (let j = 0; j < list.length; j++) {
        const countries = flows[list[j] as string]?.byCountry;
        for (const c in countries) {
          const t = countries[c] ?? 0;
          byCountry[c] = (byCountry[c] ?? 0) + t;
          total += t;
        }
      }
      share = importShare(byCountry, total, model.scenario.home, model.scenario.controllingCountry);
      index = hhi(byCountry, total);
      lastList = list;
    }
    out[team.id] = {
      team: team.id,
      spent: spentNow[team.id] ?? 0,
      budgetLeft: budgets[team.id] ?? 0,
      controlledShare: share,
      hhi: index,
    };
  }
  return out;
}

const NO_MATERIALS: readonly string[] = [];
