import { upfrontCost } from "../levers/lever-cost.ts";
import type { Model } from "../model/prepare-model.ts";
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
  const t = model.teams.get(team);
  if (!t)
    return [
      {
        path: ["team"],
        message: `unknown team '${team}' (teams: ${[...model.teams.keys()].join(", ")})`,
      },
    ];
  let budget = state.budgets[team] ?? 0;
  const stockUse = new Map<string, { buy: number; release: number }>();
  for (const [i, a] of actions.entries()) {
    const path = ["actions", i];
    const lever = model.levers.get(a.lever);
    if (!lever) {
      issues.push({ path: [...path, "lever"], message: `unknown lever '${a.lever}'` });
      continue;
    }
    if (!t.levers.includes(a.lever)) {
      issues.push({
        path: [...path, "lever"],
        message: `team '${team}' cannot use lever '${a.lever}' (its levers: ${t.levers.join(", ") || "none"})`,
      });
      continue;
    }
    if (lever.kind === "stockpile") {
      if (a.op === "activate") {
        issues.push({
          path: [...path, "op"],
          message: `stockpile '${a.lever}' takes 'buy' or 'release'`,
        });
        continue;
      }
      const st = state.stockpiles[a.lever];
      const use = stockUse.get(a.lever) ?? { buy: 0, release: 0 };
      use[a.op] += a.tonnes;
      stockUse.set(a.lever, use);
      if (use.buy > 0 && use.release > 0)
        issues.push({
          path: [...path, "op"],
          message: `stockpile '${a.lever}' cannot buy and release in the same turn`,
        });
      if (use[a.op] > lever.maxFlowPerTurn)
        issues.push({
          path: [...path, "tonnes"],
          message: `at most ${lever.maxFlowPerTurn} t per turn can be ${a.op === "buy" ? "bought" : "released"} (asked ${use[a.op]} t)`,
        });
      if (a.op === "buy" && (st?.tonnes ?? 0) + use.buy > lever.capacity)
        issues.push({
          path: [...path, "tonnes"],
          message: `stockpile '${a.lever}' holds at most ${lever.capacity} t (has ${round(st?.tonnes ?? 0)} t)`,
        });
      if (a.op === "release" && use.release > (st?.tonnes ?? 0) + 1e-9)
        issues.push({
          path: [...path, "tonnes"],
          message: `stockpile '${a.lever}' holds only ${round(st?.tonnes ?? 0)} t`,
        });
    } else {
      if (a.op !== "activate") {
        issues.push({
          path: [...path, "op"],
          message: `lever '${a.lever}' (${lever.kind}) takes 'activate'`,
        });
        continue;
      }
      const running = state.projects.find(
        (p) => p.lever === a.lever && (p.status === "pending" || p.status === "active"),
      );
      if (running)
        issues.push({
          path: [...path, "lever"],
          message: `lever '${a.lever}' is already under way (since turn ${running.startTurn + 1})`,
        });
      if (actions.slice(0, i).some((b) => b.lever === a.lever))
        issues.push({ path: [...path, "lever"], message: `lever '${a.lever}' is activated twice` });
    }
    const price = "material" in lever ? (state.prices[lever.material] ?? 0) : 0;
    const cost = upfrontCost(lever, a, price);
    if (cost > 0 && cost > budget + 1e-9)
      issues.push({
        path: [...path],
        message: `costs ${round(cost)} but team '${team}' has ${round(Math.max(0, budget))} left`,
      });
    budget -= cost;
  }
  return issues;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
