import { historyPanel, type Locale, type PanelScore, prepareModel } from "@chokepoint/engine";
import { builtInScenarios } from "@chokepoint/scenario-files";
import { formatTable } from "../format-table.ts";
import { loadPlan, loadScenario } from "../load-or-exit.ts";
import { t } from "../messages.ts";

export interface HistoryOptions {
  seeds: number[];
  lang: Locale;
}

/**
 * Scores each scenario against its historical record over a panel of seeds, apart for the
 * checks it was calibrated on (in sample) and those held out (out of sample). A scenario is
 * played on the path history took: its `decisions-*actual*` file if it has one (what Japan
 * did), else without decisions (nothing of note was done in the period it covers).
 */
export function historyCommand(scenarios: readonly string[], o: HistoryOptions): number {
  const ids = scenarios.length ? scenarios : builtInScenarios().map((s) => s.id);
  const rows: string[][] = [];
  for (const id of ids) {
    const scenario = loadScenario(id, o.lang);
    const actual = builtInScenarios()
      .find((s) => s.id === id)
      ?.decisions.find((f) => /actual/.test(f));
    const plan = loadPlan(actual, scenario, o.lang);
    const panel = historyPanel(prepareModel(scenario), plan, o.seeds);
    rows.push([
      id,
      actual ? t(o.lang, "pathActual") : t(o.lang, "pathNone"),
      score(panel.calibration),
      score(panel.holdout),
    ]);
  }
  console.log(
    `${t(o.lang, "historyPanel")} — ${t(o.lang, "seeds")} ${o.seeds[0]}…${o.seeds[o.seeds.length - 1]} (${o.seeds.length})`,
  );
  console.log(
    formatTable(
      [t(o.lang, "scenario"), t(o.lang, "path"), t(o.lang, "inSample"), t(o.lang, "outOfSample")],
      rows,
    ),
  );
  console.log(t(o.lang, "historyPanelNote"));
  return 0;
}

/** "14 / 19 (worst 12)", or a dash for a scenario with no checks of this kind. */
function score(s: PanelScore): string {
  if (!s.total) return "–";
  return `${s.median} / ${s.total} (${s.worst})`;
}
