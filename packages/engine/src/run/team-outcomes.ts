import type { Model } from "../model/prepare-model.ts";
import type { MaterialFlow, TeamOutcome } from "../model/state.ts";

/**
 * Dependency per team: the share of its materials' imports from the controlling country,
 * and the Herfindahl–Hirschman index over supplying countries (0–10,000), tonnage-weighted
 * over the materials its sectors use (every sector-used material for teams without sectors).
 */
export function teamOutcomes(model: Model, flows: Readonly<Record<string, MaterialFlow>>, budgets: Readonly<Record<string, number>>, spentNow: Readonly<Record<string, number>>): Record<string, TeamOutcome> {
  const out: Record<string, TeamOutcome> = {};
  const national = new Set(model.sectors.flatMap((s) => Object.keys(s.demand)));
  for (const team of model.teams.values()) {
    const mats = team.sectors.length ? new Set(team.sectors.flatMap((id) => Object.keys(model.sectors.find((s) => s.id === id)?.demand ?? {}))) : national;
    const byCountry: Record<string, number> = {};
    let total = 0;
    for (const m of mats) {
      for (const [c, t] of Object.entries(flows[m]?.byCountry ?? {})) {
        byCountry[c] = (byCountry[c] ?? 0) + t;
        total += t;
      }
    }
    out[team.id] = {
      team: team.id,
      spent: spentNow[team.id] ?? 0,
      budgetLeft: budgets[team.id] ?? 0,
      controlledShare: importShare(byCountry, total, model.scenario.home, model.scenario.controllingCountry),
      hhi: total > 0 ? Object.values(byCountry).reduce((a, t) => a + ((t / total) * 100) ** 2, 0) : 0,
    };
  }
  return out;
}

export function importShare(byCountry: Readonly<Record<string, number>>, total: number, home: string, controller: string): number {
  const imported = total - (byCountry[home] ?? 0);
  return imported > 0 ? (byCountry[controller] ?? 0) / imported : 0;
}
