import type { Model } from "../model/model.ts";
import type { Project, ProjectEconomics } from "../model/state.ts";

/** Money moved by a project this turn, to be booked by the caller. */
export interface FloorPayment {
  /** The price-floor project that pays (its team, or its co-funders by share). */
  project: Project;
  amount: number;
}

/**
 * Books a turn of each diversification project's economics: it sells its output at the
 * market price (or a procurement floor, which the floor's team pays the difference for),
 * pays its unit cost (`breakevenPriceMultiple` × base price), and tracks cumulative cash,
 * NPV at the scenario's discount rate and the turn its current losses began. After
 * `closeAfterLossTurns` loss-making turns in a row the operator closes it — unless a floor
 * holds the price it receives at or above its cost. This is how "diversification lowered
 * dependence but some projects lost money once prices fell" shows up in a run.
 */
export function bookProjectEconomics(
  model: Model,
  projects: readonly Project[],
  prices: Readonly<Record<string, number>>,
  sold: ReadonlyMap<string, number>,
  turn: number,
): { projects: Project[]; payments: FloorPayment[]; notes: string[] } {
  const payments: FloorPayment[] = [];
  const notes: string[] = [];
  if (!projects.some((p) => p.kind === "diversify"))
    return { projects: projects as Project[], payments, notes };
  const floors = projects.filter((p) => p.kind === "demand_procurement" && p.status === "active");
  const perTurn = (1 + model.scenario.discountRatePerYear) ** (model.turnDays / 365) - 1;
  const out = projects.map((p) => {
    const l = model.levers.get(p.lever);
    if (l?.kind !== "diversify" || (p.status !== "active" && p.status !== "pending")) return p;
    const base = model.materials.get(l.material)?.basePrice.value ?? 1;
    const prev: ProjectEconomics = p.economics ?? startEconomics(l.capex * p.scale);
    if (p.status === "pending") {
      // A project still being built books nothing: after its first turn it is unchanged.
      if (p.economics && prev.output === 0 && prev.cashFlow === 0) return p;
      return { ...p, economics: { ...prev, output: 0, cashFlow: 0 } };
    }
    const price = prices[l.material] ?? base;
    const output = sold.get(p.id) ?? 0;
    let received = price;
    for (const f of floors) {
      const fl = model.levers.get(f.lever);
      if (fl?.kind !== "demand_procurement" || fl.material !== l.material) continue;
      const fp = base * fl.floorPriceMultiple;
      if (fp > price) {
        const covered = Math.min(fl.volumePerTurn * f.scale, output);
        payments.push({ project: f, amount: covered * (fp - price) });
        received = Math.max(received, output > 0 ? price + (covered * (fp - price)) / output : fp);
      }
    }
    const unitCost = base * l.breakevenPriceMultiple;
    const cashFlow = output * (received - unitCost);
    const losing = received < unitCost - 1e-12;
    const lossTurns = losing ? p.lossTurns + 1 : 0;
    const closed = lossTurns >= l.closeAfterLossTurns;
    if (closed) notes.push(`${p.id}:closed_for_losses`);
    const economics: ProjectEconomics = {
      output,
      cashFlow,
      cumulativeCash: prev.cumulativeCash + cashFlow,
      npv: prev.npv + cashFlow / (1 + perTurn) ** Math.max(0, turn - p.startTurn),
      lossSinceTurn: losing ? (prev.lossSinceTurn ?? turn) : null,
    };
    // A plain copy, then its fields: V8's fast clone (a spread followed by overrides is not),
    // with the same keys in the same order.
    const next: Project = { ...p };
    next.lossTurns = lossTurns;
    next.status = closed ? "closed" : p.status;
    next.economics = economics;
    return next;
  });
  return { projects: out, payments, notes };
}

function startEconomics(capex: number): ProjectEconomics {
  return { output: 0, cashFlow: 0, cumulativeCash: -capex, npv: -capex, lossSinceTurn: null };
}
