import { zeros } from "../model/zeros.ts";

export interface Claim {
  tonnes: number;
  /** Higher is served first under the priority rule. */
  priority: number;
}

/**
 * Shares `supply` among claims (the result is aligned with them). Never hands out more than
 * the supply nor more than a claim.
 * - pro_rata: every claim gets the same share.
 * - priority: higher-priority claims are filled first; equal priorities share pro rata.
 * @example allocateScarceSupply(60, [{ tonnes: 80, priority: 2 }, { tonnes: 40, priority: 1 }], "priority")
 * // [60, 0]
 */
export function allocateScarceSupply(
  supply: number,
  claims: readonly Claim[],
  rule: "pro_rata" | "priority",
): number[] {
  let total = 0;
  for (const c of claims) total += c.tonnes;
  const out = zeros(claims.length);
  if (total <= supply || rule === "pro_rata") {
    const share = total <= supply ? 1 : total > 0 ? Math.max(0, supply) / total : 0;
    for (let k = 0; k < claims.length; k++) out[k] = (claims[k]?.tonnes ?? 0) * share;
    return out;
  }
  let left = Math.max(0, supply);
  const tiers = [...new Set(claims.map((c) => c.priority))].sort((a, b) => b - a);
  for (const tier of tiers) {
    let need = 0;
    for (const c of claims) if (c.priority === tier) need += c.tonnes;
    const share = need > 0 ? Math.min(1, left / need) : 0;
    claims.forEach((c, k) => {
      if (c.priority === tier) out[k] = c.tonnes * share;
    });
    left = Math.max(0, left - need * share);
  }
  return out;
}
