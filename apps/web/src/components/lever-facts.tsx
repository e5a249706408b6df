"use client";
import type { ExerciseView } from "@chokepoint/api";
import { type LeverDefinition, moneyText } from "@chokepoint/engine";
import type { MessageKey } from "../i18n/messages";
import { useI18n } from "../i18n/use-i18n";

/**
 * What a participant needs to decide on a lever, from the scenario: its description, cost or
 * price in display units, lead time, capacity and limits, odds, and whether it is under way.
 */
export function LeverFacts({ lever, view }: { lever: LeverDefinition; view: ExerciseView }) {
  const { t, l, locale } = useI18n();
  const u = view.scenario.units;
  const n = (x: number, digits = 0) =>
    new Intl.NumberFormat(locale === "ja" ? "ja-JP" : "en-US", {
      maximumFractionDigits: digits,
    }).format(x);
  const fill = (key: MessageKey, vars: Record<string, string | number>) =>
    t(key).replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ""));
  const money = (x: number) => moneyText(u, x, locale, x < 10 ? 1 : 0);
  const pct = (x: number) => `${n(x * 100)} %`;
  const tonnes = (x: number) => `${n(x, x < 10 ? 1 : 0)} t`;
  const facts: string[] = [];
  switch (lever.kind) {
    case "stockpile": {
      const price = (view.state.prices[lever.material] ?? 0) * lever.buyPriceMultiple;
      facts.push(
        fill("cardHolds", {
          now: tonnes(view.state.stockpiles[lever.id]?.tonnes ?? 0),
          cap: tonnes(lever.capacity),
        }),
        fill("cardPerTurn", { max: tonnes(lever.maxFlowPerTurn) }),
        fill("cardPriceNow", { price: `${n(price * u.priceScale)} ${l(u.price)}` }),
      );
      break;
    }
    case "diversify":
      facts.push(
        fill("cardCapex", { money: money(lever.capex) }),
        fill("cardLead", { n: lever.leadTimeTurns }),
        fill("cardCapacity", { t: tonnes(lever.capacity) }),
        fill("cardSuccess", { p: pct(lever.successProbability) }),
        fill("cardBreakeven", { x: n(lever.breakevenPriceMultiple, 2) }),
      );
      break;
    case "substitute":
      facts.push(
        fill("cardCost", { money: money(lever.cost) }),
        fill("cardLead", { n: lever.leadTimeTurns }),
        fill("cardIntensity", { p: pct(lever.intensityReduction) }),
        fill("cardSuccess", { p: pct(lever.successProbability) }),
      );
      break;
    case "recycle":
      facts.push(
        fill("cardCapex", { money: money(lever.capex) }),
        fill("cardLead", { n: lever.leadTimeTurns }),
        fill("cardCapacity", { t: tonnes(lever.capacity) }),
        fill("cardUnitCost", { money: money(lever.costPerTonne) }),
      );
      break;
    case "allied_offtake":
      facts.push(
        fill("cardVolume", { t: tonnes(lever.volumePerTurn), n: lever.durationTurns }),
        fill("cardPriceMultiple", { x: n(lever.priceMultiple, 2) }),
        fill("cardLead", { n: lever.leadTimeTurns }),
      );
      break;
    case "demand_procurement":
      facts.push(
        fill("cardFloor", { x: n(lever.floorPriceMultiple, 2) }),
        t("cardFloorCost"),
        fill("cardVolume", { t: tonnes(lever.volumePerTurn), n: lever.durationTurns }),
      );
      break;
    case "export_control":
      facts.push(
        fill("cardCost", { money: money(lever.cost) }),
        fill("cardVaLoss", { money: money(lever.valueAddedLossPerTurn) }),
      );
      break;
    case "investment_screening":
      facts.push(fill("cardCost", { money: money(lever.cost) }));
      break;
    case "wto_case":
      facts.push(
        fill("cardCost", { money: money(lever.cost) }),
        fill("cardRuling", { min: lever.minTurnsToRuling, max: lever.maxTurnsToRuling }),
        fill("cardWin", { p: pct(lever.winProbability) }),
      );
      break;
  }
  const project = view.state.projects.find(
    (p) => p.lever === lever.id && (p.status === "pending" || p.status === "active"),
  );
  if (project) facts.push(fill("cardRunning", { n: project.startTurn + 1 }));
  const other = view.runByOthers.find((r) => r.lever === lever.id);
  if (other)
    facts.push(
      fill("cardRunByOther", {
        team: l(view.scenario.teams.find((x) => x.id === other.team)?.name) || other.team,
        n: other.startTurn + 1,
      }),
    );
  return (
    <div className="muted" data-testid={`facts-${lever.id}`}>
      {lever.description ? <p>{l(lever.description)}</p> : null}
      <small>{facts.join(" · ")}</small>
    </div>
  );
}
