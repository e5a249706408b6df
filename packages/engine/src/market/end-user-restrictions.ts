import type { EndUserRule } from "../events/effect-context.ts";
import type { Cause } from "../model/state.ts";
import { allocateScarceSupply, type Claim } from "./allocate-scarce-supply.ts";

/** What end-user bans mean for one material this turn. */
export interface Restriction {
  countries: ReadonlySet<string>;
  /** Per claim index: the most it may take from the restricted countries (Infinity if unrestricted). */
  capFromRestricted: number[];
  /** The most all buyers together can use from the restricted countries. */
  usableFromRestricted: number;
  rules: EndUserRule[];
}

/** Builds the restriction for a material's claims, or undefined when no end-user ban touches it. */
export function restrictionFor(
  rules: readonly EndUserRule[],
  material: string,
  claims: readonly (Claim & { kind: string; id: string })[],
): Restriction | undefined {
  const applying = rules.filter((r) => r.materials.size === 0 || r.materials.has(material));
  if (!applying.length) return undefined;
  const capFromRestricted = claims.map((c) => {
    let cap = Number.POSITIVE_INFINITY;
    for (const r of applying)
      if (c.kind === "sector" && r.sectors.has(c.id)) cap = Math.min(cap, c.tonnes * r.leakage);
    return cap;
  });
  const usableFromRestricted = claims.reduce(
    (a, c, k) => a + Math.min(c.tonnes, capFromRestricted[k] ?? 0),
    0,
  );
  return {
    countries: new Set(applying.map((r) => r.country)),
    capFromRestricted,
    usableFromRestricted,
    rules: applying,
  };
}

/**
 * Allocates in two pools: what came from the restricted countries goes only to buyers who may
 * take it (listed end users up to their leakage), then everything else fills what is left.
 * Modelling assumption: non-restricted supply is steered to listed end users as far as the
 * scenario's allocation rule allows (importers re-source for their listed customers).
 */
export function allocateWithRestriction(
  fromRestricted: number,
  fromOthers: number,
  claims: readonly Claim[],
  rule: "pro_rata" | "priority",
  restriction: Restriction,
): number[] {
  const capped = claims.map((c, k) => ({
    tonnes: Math.min(c.tonnes, restriction.capFromRestricted[k] ?? 0),
    priority: c.priority,
  }));
  const first = allocateScarceSupply(fromRestricted, capped, rule);
  const rest = claims.map((c, k) => ({
    tonnes: Math.max(0, c.tonnes - (first[k] ?? 0)),
    priority: c.priority,
  }));
  const second = allocateScarceSupply(fromOthers, rest, rule);
  return claims.map((_, k) => (first[k] ?? 0) + (second[k] ?? 0));
}

/** Causes to show on restricted sectors: the events that listed them. */
export function restrictionCauses(
  restriction: Restriction,
  sector: string,
  shortTonnes: number,
): Cause[] {
  return restriction.rules
    .filter((r) => r.sectors.has(sector))
    .map((r) => ({ kind: "event" as const, id: r.event, amount: -shortTonnes }));
}
