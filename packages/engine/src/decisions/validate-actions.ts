import { upfrontCost } from "../levers/lever-cost.ts";
import { leverTakes } from "../levers/lever-kinds.ts";
import type { Model } from "../model/model.ts";
import type { EngineState } from "../model/state.ts";
import type { ScenarioIssue } from "../scenario/scenario-issue.ts";
import type { LeverAction } from "./action-schema.ts";

/**
 * Checks a team's decisions for the current turn against the scenario and the state: the
 * team may only use its own levers and budget; stockpiles stay within capacity, flow limits
 * and what they hold; a project lever runs once at a time. Returns every problem with its path.
 */
export function validateActions(
  model: Model,
  state: EngineState,
  team: string,
  actions: readonly LeverAction[],
): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const add = (path: (string | number)[], message: string, ja: string) =>
    issues.push({ path, message, ja });
  const t = model.teams.get(team);
  if (!t) {
    const teams = [...model.teams.keys()].join(", ");
    add(
      ["team"],
      `unknown team '${team}' (teams: ${teams})`,
      `チーム '${team}' はこのシナリオにありません（チーム: ${teams}）`,
    );
    return issues;
  }
  const money = model.scenario.units.money;
  let budget = state.budgets[team] ?? 0;
  const stockUse = new Map<string, { buy: number; release: number }>();
  for (const [i, a] of actions.entries()) {
    const path = ["actions", i];
    const lever = model.levers.get(a.lever);
    if (!lever) {
      add([...path, "lever"], `unknown lever '${a.lever}'`, `レバー '${a.lever}' はありません`);
      continue;
    }
    // Both name the lever as participants see it; the English keeps the id in brackets (logs
    // and tools match on it).
    const en = `${lever.name.en} ('${a.lever}')`;
    const ja = `「${lever.name.ja}」`;
    if (!t.levers.includes(a.lever)) {
      add(
        [...path, "lever"],
        `${t.name.en} cannot use ${en} (its levers: ${t.levers.join(", ") || "none"})`,
        `${t.name.ja}は${ja}を使えません`,
      );
      continue;
    }
    if (!leverTakes(lever.kind, a.op)) {
      if (lever.kind === "stockpile")
        add(
          [...path, "op"],
          `${en} is a stockpile: buy or release`,
          `${ja}は購入か放出を選んでください`,
        );
      else
        add(
          [...path, "op"],
          `${en} is started, not bought or released`,
          `${ja}は「実施」を選んでください`,
        );
      continue;
    }
    if (lever.kind === "stockpile" && a.op !== "activate") {
      const st = state.stockpiles[a.lever];
      const use = stockUse.get(a.lever) ?? { buy: 0, release: 0 };
      use[a.op] += a.tonnes;
      stockUse.set(a.lever, use);
      if (use.buy > 0 && use.release > 0)
        add(
          [...path, "op"],
          `${en} cannot buy and release in the same turn`,
          `${ja}は同じターンに購入と放出を両方はできません`,
        );
      if (use[a.op] > lever.maxFlowPerTurn)
        add(
          [...path, "tonnes"],
          `at most ${lever.maxFlowPerTurn} t per turn can be ${a.op === "buy" ? "bought" : "released"} (asked ${use[a.op]} t)`,
          `1ターンに${a.op === "buy" ? "購入" : "放出"}できるのは ${lever.maxFlowPerTurn} t までです（指定 ${use[a.op]} t）`,
        );
      if (a.op === "buy" && (st?.tonnes ?? 0) + use.buy > lever.capacity)
        add(
          [...path, "tonnes"],
          `${en} holds at most ${lever.capacity} t (it has ${round(st?.tonnes ?? 0)} t now)`,
          `${ja}の容量は ${lever.capacity} t です（現在 ${round(st?.tonnes ?? 0)} t）`,
        );
      if (a.op === "release" && use.release > (st?.tonnes ?? 0) + 1e-9)
        add(
          [...path, "tonnes"],
          `${en} holds only ${round(st?.tonnes ?? 0)} t`,
          `${ja}には ${round(st?.tonnes ?? 0)} t しかありません`,
        );
    } else {
      const running = state.projects.find(
        (p) => p.lever === a.lever && (p.status === "pending" || p.status === "active"),
      );
      if (running)
        add(
          [...path, "lever"],
          `${en} is already under way (since turn ${running.startTurn + 1})`,
          `${ja}は第${running.startTurn + 1}ターンから実施中です`,
        );
      if (actions.slice(0, i).some((b) => b.lever === a.lever))
        add([...path, "lever"], `${en} is started twice`, `${ja}が二重に指定されています`);
    }
    const price = "material" in lever ? (state.prices[lever.material] ?? 0) : 0;
    const cost = upfrontCost(lever, a, price);
    if (cost > 0 && cost > budget + 1e-9)
      add(
        [...path],
        `${en} costs ${round(cost)} ${money.en} but ${t.name.en} has ${round(Math.max(0, budget))} ${money.en} left`,
        `費用 ${round(cost)} ${money.ja} に対し、${t.name.ja}の残り予算は ${round(Math.max(0, budget))} ${money.ja} です`,
      );
    budget -= cost;
  }
  return issues;
}

/** One decimal, as the screens show tonnes and money. */
function round(x: number): number {
  return Math.round(x * 10) / 10;
}
