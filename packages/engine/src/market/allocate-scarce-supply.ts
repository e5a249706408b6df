export interface Claim {
  key: string;
  tonnes: number;
  /** Higher is served first under the priority rule. */
  priority: number;
}

/**
 * Shares `supply` among claims. Never hands out more than the supply nor more than a claim.
 * - pro_rata: every claim gets the same share.
 * - priority: higher-priority claims are filled first; equal priorities share pro rata.
 * @example allocateScarceSupply(60, [{ key: "ev", tonnes: 80, priority: 2 }, { key: "wind", tonnes: 40, priority: 1 }], "priority")
 * // Map { "ev" => 60, "wind" => 0 }
 */
export function allocateScarceSupply(
  supply: number,
  claims: readonly Claim[],
  rule: "pro_rata" | "priority",
): Map<string, number> {
  const out = new Map<string, number>();
  const total = claims.reduce((a, c) => a + c.tonnes, 0);
  if (total <= supply) {
    for (const c of claims) out.set(c.key, c.tonnes);
    return out;
  }
  if (rule === "pro_rata") {
    const share = total > 0 ? Math.max(0, supply) / total : 0;
    for (const c of claims) out.set(c.key, c.tonnes * share);
    return out;
  }
  let left = Math.max(0, supply);
  const tiers = [...new Set(claims.map((c) => c.priority))].sort((a, b) => b - a);
  for (const tier of tiers) {
    const inTier = claims.filter((c) => c.priority === tier);
    const need = inTier.reduce((a, c) => a + c.tonnes, 0);
    const share = need > 0 ? Math.min(1, left / need) : 0;
    for (const c of inTier) out.set(c.key, c.tonnes * share);
    left = Math.max(0, left - need * share);
  }
  return out;
}
