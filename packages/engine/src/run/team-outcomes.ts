import { hhi, importShare } from "../analysis/dependency.ts";
import type { Model } from "../model/prepare-model.ts";
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
  for (const team of model.teams.values()) {
    const byCountry: Record<string, number> = {};
    let total = 0;
    for (const m of model.teamMaterials.get(team.id) ?? []) {
      const countries = flows[m]?.byCountry;
      for (const c in countries) {
        const t = countries[c] ?? 0;
        byCountry[c] = (byCountry[c] ?? 0) + t;
        total += t;
      }
    }
    out[team.id] = {
      team: team.id,
      spent: spentNow[team.id] ?? 0,
      budgetLeft: budgets[team.id] ?? 0,
      controlledShare: importShare(
        byCountry,
        total,
        model.scenario.home,
        model.scenario.controllingCountry,
      ),
      hhi: hhi(byCountry, total),
    };
  }
  return out;
}
