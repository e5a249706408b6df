import type { LeverAction } from "../decisions/action-schema.ts";
import type { LeverDefinition } from "../scenario/lever-schema.ts";

/**
 * Money an action commits when it is taken. Stockpile purchases are estimated at the
 * current price; running costs (offtake deliveries, price floors, holding) are paid per turn.
 */
export function upfrontCost(lever: LeverDefinition, action: LeverAction, price: number): number {
  if (action.op === "buy")
    return lever.kind === "stockpile" ? action.tonnes * price * lever.buyPriceMultiple : 0;
  if (action.op === "release") return 0;
  switch (lever.kind) {
    case "diversify":
      return lever.capex * lever.fundedShare * action.scale;
    case "recycle":
      return lever.capex * action.scale;
    case "substitute":
    case "export_control":
    case "investment_screening":
    case "wto_case":
      return lever.cost;
    case "allied_offtake":
    case "demand_procurement":
    case "stockpile":
      return 0;
  }
}
