import type { Model } from "../model/model.ts";
import type { TurnResult } from "../model/state.ts";

/** Share of imports (supply from outside `home`) that comes from the controlling country, 0..1. */
export function importShare(
  byCountry: Readonly<Record<string, number>>,
  total: number,
  home: string,
  controller: string,
): number {
  const imported = total - (byCountry[home] ?? 0);
  return imported > 0 ? (byCountry[controller] ?? 0) / imported : 0;
}

/** Herfindahl–Hirschman index of supply by country, 0..10,000 (10,000 = one country). */
export function hhi(byCountry: Readonly<Record<string, number>>, total: number): number {
  if (total <= 0) return 0;
  let h = 0;
  for (const c in byCountry) {
    const share = ((byCountry[c] ?? 0) / total) * 100;
    h += share * share;
  }
  return h;
}

/**
 * Home's imports of the named materials, and the part from the controlling country, weighted
 * by each material's oxide equivalent (1 when it has none), so tonnes of different materials
 * are only added on a common basis.
 */
export function controlledImports(
  model: Model,
  r: TurnResult,
  materials: readonly string[],
): { fromController: number; imported: number } {
  const s = model.scenario;
  let fromController = 0;
  let imported = 0;
  for (const id of materials) {
    const f = r.materials[id];
    if (!f) continue;
    const w = model.materials.get(id)?.oxideEquivalent ?? 1;
    fromController += (f.byCountry[s.controllingCountry] ?? 0) * w;
    imported += (f.received - (f.byCountry[s.home] ?? 0)) * w;
  }
  return { fromController, imported };
}
