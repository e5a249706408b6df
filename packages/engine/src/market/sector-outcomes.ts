import type { EffectContext } from "../events/effect-context.ts";
import type { DemandPair, Model } from "../model/model.ts";
import type { Cause, MaterialFlow, Project, SectorOutcome } from "../model/state.ts";
import type { FlowResult } from "./flow-materials.ts";

/**
 * Output, lost value added and extra input cost per sector. Modelling assumption: materials
 * are not interchangeable within a turn (Leontief), so the worst-served material sets the
 * shortfall, and output falls by the sector's `inputCriticality` times that shortfall (work
 * that does not need the input, reformulation and catch-up keep the rest).
 * Re-export rules cost an exposed sector part of its exports; an own export control costs the
 * sector named by the lever.
 */
export function sectorOutcomes(
  model: Model,
  ctx: EffectContext,
  flow: FlowResult,
  prices: Readonly<Record<string, number>>,
  projects: readonly Project[],
): Record<string, SectorOutcome> {
  const out: Record<string, SectorOutcome> = {};
  for (let si = 0; si < model.sectors.length; si++) {
    const sec = model.sectors[si] as (typeof model.sectors)[number];
    let output = 1;
    let extraInputCost = 0;
    const given = flow.sectorCauses.get(sec.id);
    // Lean turns (Monte Carlo) carry no causes: one shared, frozen empty list.
    const causes: Cause[] = flow.lean ? NO_CAUSES : given ? [...given] : [];
    const pairs = model.pairsBySector[si] as number[];
    for (let j = 0; j < pairs.length; j++) {
      const k = pairs[j] as number;
      const pair = model.demandPairs[k] as DemandPair;
      const mat = pair.material;
      const claimed = flow.pairClaimed[k] ?? 0;
      const received = flow.pairReceived[k] ?? 0;
      if (claimed > 0) {
        const served = received / claimed;
        if (served < output) output = served;
        if (served < 1 - 1e-9 && !flow.lean) addShortCauses(causes, flow.flows[mat]);
      }
      const base = pair.basePrice;
      extraInputCost += received * Math.max(0, (prices[mat] ?? base) - base);
    }
    // Short-run production function: output falls by inputCriticality × the worst input's shortfall.
    output = 1 - sec.inputCriticality * (1 - output);
    const demand = ctx.demandMultiplier.get(sec.id) ?? 1;
    const va = sec.valueAdded.value * demand;
    let lost = va * (1 - output);
    for (const rule of ctx.reexportRules) {
      const exposed =
        Object.keys(sec.demand).some((m) => rule.materials.has(m)) &&
        sec.controlledContentShare >= rule.threshold;
      if (!exposed) continue;
      const loss = va * output * sec.exportShare * rule.lossRate;
      lost += loss;
      if (!flow.lean) causes.push({ kind: "event", id: rule.event, amount: -loss });
    }
    for (const p of projects) {
      const l = model.levers.get(p.lever);
      if (p.status === "active" && l?.kind === "export_control" && l.sector === sec.id) {
        lost += l.valueAddedLossPerTurn;
        if (!flow.lean)
          causes.push({ kind: "lever", id: l.id, team: p.team, amount: -l.valueAddedLossPerTurn });
      }
    }
    const shortfallShare = 1 - output;
    out[sec.id] = {
      sector: sec.id,
      output,
      shortfallShare,
      valueAddedLost: lost,
      extraInputCost,
      causes,
    };
  }
  return out;
}

/** A short material's events and levers become the sector's causes (not buyers' own behaviour). */
function addShortCauses(into: Cause[], flow: MaterialFlow | undefined): void {
  if (!flow) return;
  for (let i = 0; i < flow.causes.length; i++) {
    const c = flow.causes[i] as Cause;
    if (c.kind === "event" || c.kind === "lever") into.push(c);
  }
}

const NO_CAUSES: Cause[] = Object.freeze([]) as unknown as Cause[];
