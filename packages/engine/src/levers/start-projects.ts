import type { LeverAction } from "../decisions/action-schema.ts";
import type { Model } from "../model/model.ts";
import { type Rng, uniformInt } from "../model/rng.ts";
import type { Project } from "../model/state.ts";
import { unhandledKind } from "./lever-kinds.ts";

/** Turns an `activate` action into a project that plays out over the coming turns. */
export function startProject(
  model: Model,
  team: string,
  action: Extract<LeverAction, { op: "activate" }>,
  turn: number,
  rng: Rng,
): Project {
  const lever = model.levers.get(action.lever);
  if (!lever)
    throw new Error(
      `lever '${action.lever}' is not in the scenario; validate decisions before resolving them`,
    );
  let readyTurn = turn;
  let status: Project["status"] = "active";
  switch (lever.kind) {
    case "diversify":
    case "substitute":
    case "recycle":
    case "allied_offtake":
      readyTurn = turn + lever.leadTimeTurns;
      status = "pending";
      break;
    case "wto_case":
      // The ruling's date is uncertain: drawn when the case is filed.
      readyTurn = turn + uniformInt(rng, lever.minTurnsToRuling, lever.maxTurnsToRuling);
      status = "pending";
      break;
    case "demand_procurement":
    case "export_control":
    case "investment_screening":
      break;
    case "stockpile":
      throw new Error(`stockpile lever '${lever.id}' takes 'buy' or 'release', not 'activate'`);
    default:
      unhandledKind(lever);
  }
  // One literal in one field order (no spread): every project object has the same shape.
  return {
    id: `${lever.id}@${turn}`,
    lever: lever.id,
    kind: lever.kind,
    team,
    scale: action.scale,
    startTurn: turn,
    lossTurns: 0,
    progress: 0,
    readyTurn,
    status,
  };
}
