"use client";
import type { ExerciseView } from "@chokepoint/api";
import type { LeverDefinition } from "@chokepoint/engine";
import { useI18n } from "../i18n/use-i18n";

/**
 * What a participant needs to decide on a lever, from the scenario: its description, cost or
 * price in display units, lead time, capacity and limits, odds, and whether it is under way.
 */
export function LeverFacts({ lever, view }: { lever: LeverDefinition; view: ExerciseView }) {
  const { t, f, l, n: nf } = useI18n();
  const u = view.scenario.units;
  const n = nf.num;
  const money = (x: number) => nf.money(x, u, x < 10 ? 1 : 0);
  const pct = (x: number) => nf.pct(x, 0);
  const tonnes = (x: number) => nf.tonnes(x, x < 10 ? 1 : 0);
  const facts: string[] = [];
  switch (lever.kind) {
    case "stockpile": {
      const price = (view.state.prices[lever.material] ?? 0) * lever.buyPriceMultiple;
      facts.push(
        f("cardHolds", {
          now: tonnes(view.state.stockpiles[lever.id]?.tonnes ?? 0),
          cap: tonnes(lever.capacity),
        }),
        f("cardPerTurn", { max: tonnes(lever.maxFlowPerTurn) }),
        f("cardPriceNow", { price: `${n(price * u.priceScale)} ${l(u.price)}` }),
      );
      break;
    }
    case "diversify":
      facts.push(
        f("cardCapex", { money: money(lever.capex) }),
        f("cardLead", { n: lever.leadTimeTurns }),
        f("cardCapacity", { t: tonnes(lever.capacity) }),
        f("cardSuccess", { p: pct(lever.successProbability) }),
        f("cardBreakeven", { x: n(lever.breakevenPriceMultiple, 2) }),
      );
      break;
    case "substitute":
      facts.push(
        f("cardCost", { money: money(lever.cost) }),
        f("cardLead", { n: lever.leadTimeTurns }),
        f("cardIntensity", { p: pct(lever.intensityReduction) }),
        f("cardSuccess", { p: pct(lever.successProbability) }),
      );
      break;
    case "recycle":
      facts.push(
        f("cardCapex", { money: money(lever.capex) }),
        f("cardLead", { n: lever.leadTimeTurns }),
        f("cardCapacity", { t: tonnes(lever.capacity) }),
        f("cardUnitCost", { money: money(lever.costPerTonne) }),
      );
      break;
    case "allied_offtake":
      facts.push(
        f("cardVolume", { t: tonnes(lever.volumePerTurn), n: lever.durationTurns }),
        f("cardPriceMultiple", { x: n(lever.priceMultiple, 2) }),
        f("cardLead", { n: lever.leadTimeTurns }),
      );
      break;
    case "demand_procurement":
      facts.push(
        f("cardFloor", { x: n(lever.floorPriceMultiple, 2) }),
        t("cardFloorCost"),
        f("cardVolume", { t: tonnes(lever.volumePerTurn), n: lever.durationTurns }),
      );
      break;
    case "export_control":
      facts.push(
        f("cardCost", { money: money(lever.cost) }),
        f("cardVaLoss", { money: money(lever.valueAddedLossPerTurn) }),
      );
      break;
    case "investment_screening":
      facts.push(f("cardCost", { money: money(lever.cost) }));
      break;
    case "wto_case":
      facts.push(
        f("cardCost", { money: money(lever.cost) }),
        f("cardRuling", { min: lever.minTurnsToRuling, max: lever.maxTurnsToRuling }),
        f("cardWin", { p: pct(lever.winProbability) }),
      );
      break;
  }
  const project = view.state.projects.find(
    (p) => p.lever === lever.id && (p.status === "pending" || p.status === "active"),
  );
  if (project) facts.push(f("cardRunning", { n: project.startTurn + 1 }));
  const teamName = (id: string) => l(view.scenario.teams.find((x) => x.id === id)?.name) || id;
  const sep = l({ ja: "、", en: ", " });
  // A co-funded project is this team's too: say with whom and what share of its costs is ours.
  const me = view.me.team ?? "";
  const partners = project?.funders ? Object.keys(project.funders).filter((x) => x !== me) : [];
  const coFunded =
    project?.funders && partners.length
      ? f("cardCoFunded", {
          teams: partners.map(teamName).join(sep),
          share: nf.wholePct(project.funders[me] ?? 0),
        })
      : null;
  const shared = view.sharedLevers.find((x) => x.lever === lever.id);
  const sharedNote =
    shared && !project && !view.runByOthers.some((r) => r.lever === lever.id)
      ? f("cardSharedBefore", { teams: shared.teams.map(teamName).join(sep) })
      : null;
  const other = view.runByOthers.find((r) => r.lever === lever.id);
  if (other)
    facts.push(
      f("cardRunByOther", {
        team: l(view.scenario.teams.find((x) => x.id === other.team)?.name) || other.team,
        n: other.startTurn + 1,
      }),
    );
  return (
    <div className="muted" data-testid={`facts-${lever.id}`}>
      {lever.description ? <p>{l(lever.description)}</p> : null}
      <small>{facts.join(" · ")}</small>
      {coFunded ? (
        <p className="small" data-testid={`cofunded-${lever.id}`}>
          {coFunded}
        </p>
      ) : null}
      {sharedNote ? (
        <p className="small" data-testid={`shared-${lever.id}`}>
          {sharedNote}
        </p>
      ) : null}
    </div>
  );
}
