"use client";
import type { ExerciseView } from "@chokepoint/api";
import { type LeverAction, type LeverDefinition, upfrontCost } from "@chokepoint/engine";
import { useI18n } from "../i18n/use-i18n";

/** What the draft would cost now, against the team's budget, before it is locked. */
export function CostPreview({
  view,
  levers,
  actions,
}: {
  view: ExerciseView;
  levers: LeverDefinition[];
  actions: LeverAction[];
}) {
  const { t, n: nf } = useI18n();
  const cost = actions.reduce((sum, a) => {
    const lv = levers.find((x) => x.id === a.lever);
    if (!lv) return sum;
    const price = "material" in lv ? (view.state.prices[lv.material] ?? 0) : 0;
    return sum + upfrontCost(lv, a, price);
  }, 0);
  const budget = view.me.team ? (view.state.budgets[view.me.team] ?? 0) : 0;
  const n = (x: number) => nf.money(x, view.scenario.units, 1);
  return (
    <p data-testid="cost-preview" data-over={cost > budget ? "true" : "false"}>
      {t("previewCost")}: <strong>{n(cost)}</strong> · {t("previewLeft")}:{" "}
      <strong className={cost > budget ? "error" : undefined}>{n(budget - cost)}</strong>
      {cost > budget ? ` (${t("previewOver")})` : null}
      {actions.some((a) => {
        const kind = levers.find((x) => x.id === a.lever)?.kind;
        return kind === "allied_offtake" || kind === "demand_procurement";
      }) ? (
        <small className="muted" data-testid="preview-running">
          {" "}
          {t("previewRunning")}
        </small>
      ) : null}
    </p>
  );
}
