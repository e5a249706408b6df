import type { Supplier } from "./lever-suppliers.ts";

/**
 * Takes up to `need` from suppliers: contracted supply first, then the lowest score
 * (delivered cost weighted by the buyer's non-price preference). Suppliers with equal scores
 * share pro rata to their capacity — never by id or file order. Returns tonnes per supplier,
 * aligned with `list`. `capOf` may limit what can be taken from some suppliers (end-user bans).
 * @example fillMeritOrder([{ score: 1, capacity: 60 }, { score: 1, capacity: 20 }], 40) // [30, 10]
 */
export function fillMeritOrder(
  list: readonly Pick<Supplier, "capacity" | "score" | "contracted">[],
  need: number,
): number[] {
  const n = list.length;
  const taken = new Array<number>(n).fill(0);
  if (n === 0 || need <= 0) return taken;
  const order = Array.from({ length: n }, (_, k) => k).sort((a, b) => {
    const x = list[a] as Supplier;
    const y = list[b] as Supplier;
    return Number(Boolean(y.contracted)) - Number(Boolean(x.contracted)) || x.score - y.score;
  });
  let left = need;
  let i = 0;
  while (i < n && left > 1e-12) {
    const first = list[order[i] as number] as Supplier;
    let j = i;
    let cap = 0;
    // A tier: same contract status and a score equal within rounding.
    while (j < n) {
      const s = list[order[j] as number] as Supplier;
      if (
        Boolean(s.contracted) !== Boolean(first.contracted) ||
        Math.abs(s.score - first.score) > 1e-9 * Math.max(1, Math.abs(first.score))
      )
        break;
      cap += Math.max(0, s.capacity);
      j++;
    }
    const share = cap > 0 ? Math.min(1, left / cap) : 0;
    for (let k = i; k < j; k++) {
      const idx = order[k] as number;
      const t = Math.max(0, (list[idx] as Supplier).capacity) * share;
      taken[idx] = t;
      left -= t;
    }
    i = j;
  }
  return taken;
}
