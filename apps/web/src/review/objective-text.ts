import type { MoneyUnits } from "@chokepoint/engine";
import type { Tr } from "./format";

/**
 * An objective's value as the scorecard prints it, in the unit it is read in: shares as %, stock
 * as days, money, and a project's state as "running" / "not running" (never a bare ✓ or "≥ ✓").
 */
export function objectiveText(tr: Tr, units: MoneyUnits, metric: string, v: number): string {
  const f = tr.n;
  switch (metric) {
    case "sector_output":
    case "controlled_share":
      return f.pct(v);
    case "stockpile_days":
      return tr.f("objectiveDays", { n: f.num(v) });
    case "budget_left":
      return f.money(v, units);
    default:
      return tr.t(v >= 0.5 ? "objectiveYes" : "objectiveNo");
  }
}

/** "≥ 98 % (every turn)", "≤ 75 % (at the end)", "running (at the end)". */
export function objectiveTargetText(
  tr: Tr,
  units: MoneyUnits,
  s: { metric: string; target: number; direction: "atLeast" | "atMost"; when: string },
): string {
  const value = objectiveText(tr, units, s.metric, s.target);
  // A yes/no objective has no direction: "at least running" says nothing more than "running".
  const sign = s.metric === "project_active" ? "" : s.direction === "atLeast" ? "≥ " : "≤ ";
  const when = tr.t(s.when === "end" ? "atEnd" : "everyTurn");
  // format.ts's `paren`, written out: importing format.ts would pull JSX into unit tests.
  return `${sign}${value}${tr.locale === "ja" ? `（${when}）` : ` (${when})`}`;
}
