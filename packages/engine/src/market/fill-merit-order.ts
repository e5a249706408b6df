import { zeros } from "../model/zeros.ts";
import type { Supplier } from "./lever-suppliers.ts";

/**
 * Takes up to `need` from suppliers: contracted supply first, then the lowest score
 * (delivered cost weighted by the buyer's non-price preference). Suppliers with equal scores
 * share pro rata to their capacity — never by id or file order. Returns tonnes per supplier,
 * aligned with `list`. `capOf` may limit what can be taken from some suppliers (end-user bans).
 * @example fillMeritOrder([{ score: 1, capacity: 60 }, { score: 1, capacity: 20 }], 40) // [30, 10]
 */
export function fillMeritOrder(list: readonly Merit[], need: number): number[] {
  const n = list.length;
  const taken = zeros(n);
  if (n === 0 || need <= 0) return taken;
  // Insertion sort of indices: lists are short, and a sort callback would allocate per call.
  const order = new Array<number>(n);
  for (let k = 0; k < n; k++) {
    const x = list[k] as Supplier;
    let j = k;
    while (j > 0 && before(x, list[order[j - 1] as number] as Supplier)) {
      order[j] = order[j - 1] as number;
      j--;
    }
    order[j] = k;
  }
  let left = need;
  let i = 0;
  while (i < n && left > 1e-12) {
    const first = list[order[i] as number] as Merit;
    let j = i;
    let cap = 0;
    // A tier: same contract status and a score equal within rounding.
    while (j < n) {
      const s = list[order[j] as number] as Merit;
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
      const t = Math.max(0, (list[idx] as Merit).capacity) * share;
      taken[idx] = t;
      left -= t;
    }
    i = j;
  }
  return taken;
}

type Merit = Pick<Supplier, "capacity" | "score" | "contracted">;

/** Contracted supply first, then the lower score; ties keep list order (they share pro rata anyway). */
function before(a: Merit, b: Merit): boolean {
  const ca = a.contracted === true;
  const cb = b.contracted === true;
  if (ca !== cb) return ca;
  return a.score < b.score;
}
