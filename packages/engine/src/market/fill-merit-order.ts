import { zeros } from "../model/zeros.ts";
import type { Supplier } from "./lever-suppliers.ts";

/**
 * Takes up to `need` from suppliers: contracted supply first (offtakes), then each
 * supplier's term-contract tonnes (pro rata when the need is smaller than all terms), then
 * spot purchases at the lowest score (delivered cost weighted by the buyer's non-price
 * preference) from what capacity is left. Suppliers with equal scores share pro rata to their
 * capacity — never by id or file order. Returns tonnes per supplier, aligned with `list`.
 * @example fillMeritOrder([{ score: 1, capacity: 60 }, { score: 1, capacity: 20 }], 40) // [30, 10]
 */
export function fillMeritOrder(list: readonly Merit[], need: number): number[] {
  const n = list.length;
  const taken = zeros(n);
  if (n === 0 || need <= 0) return taken;
  // Insertion sort of indices: lists are short, and a sort callback would allocate per call.
  // The indices live in one scratch array, read only during this call (it is called several
  // times per material and turn; nothing it calls calls it back).
  if (ORDER.length < n) for (let k = ORDER.length; k < n; k++) ORDER.push(0);
  const order = ORDER;
  for (let k = 0; k < n; k++) {
    const x = list[k] as Merit;
    let j = k;
    while (j > 0 && before(x, list[order[j - 1] as number] as Merit)) {
      order[j] = order[j - 1] as number;
      j--;
    }
    order[j] = k;
  }
  let left = need;
  let i = 0;
  // Offtake contracts, in score tiers.
  while (i < n && left > 1e-12 && (list[order[i] as number] as Merit).contracted) {
    const j = tierEnd(list, order, i);
    left = fillRange(list, order, taken, i, j, left);
    i = j;
  }
  if (left <= 1e-12) return taken;
  while (i < n && (list[order[i] as number] as Merit).contracted) i++;
  // Term contracts with the usual suppliers.
  let terms = 0;
  for (let k = i; k < n; k++) {
    const m = list[order[k] as number] as Merit;
    terms += Math.min(m.term ?? 0, Math.max(0, m.capacity));
  }
  if (terms > 0) {
    const share = Math.min(1, left / terms);
    for (let k = i; k < n; k++) {
      const idx = order[k] as number;
      const m = list[idx] as Merit;
      const t = Math.min(m.term ?? 0, Math.max(0, m.capacity)) * share;
      taken[idx] = t;
      left -= t;
    }
  }
  // Spot, from the capacity terms left.
  while (i < n && left > 1e-12) {
    const j = tierEnd(list, order, i);
    left = fillRange(list, order, taken, i, j, left);
    i = j;
  }
  return taken;
}

/** End (exclusive) of the tier starting at `i`: same contract status, equal score within rounding. */
function tierEnd(list: readonly Merit[], order: readonly number[], i: number): number {
  const first = list[order[i] as number] as Merit;
  let j = i;
  while (j < list.length) {
    const s = list[order[j] as number] as Merit;
    if (
      Boolean(s.contracted) !== Boolean(first.contracted) ||
      Math.abs(s.score - first.score) > 1e-9 * Math.max(1, Math.abs(first.score))
    )
      break;
    j++;
  }
  return j;
}

/** Fills a tier from the capacity it has not yet sold, pro rata; returns what is still needed. */
function fillRange(
  list: readonly Merit[],
  order: readonly number[],
  taken: number[],
  i: number,
  j: number,
  left: number,
): number {
  let cap = 0;
  for (let k = i; k < j; k++) {
    const idx = order[k] as number;
    cap += Math.max(0, (list[idx] as Merit).capacity - (taken[idx] ?? 0));
  }
  const share = cap > 0 ? Math.min(1, left / cap) : 0;
  let rest = left;
  for (let k = i; k < j; k++) {
    const idx = order[k] as number;
    const t = Math.max(0, (list[idx] as Merit).capacity - (taken[idx] ?? 0)) * share;
    taken[idx] = (taken[idx] ?? 0) + t;
    rest -= t;
  }
  return rest;
}

const ORDER: number[] = [];

type Merit = Pick<Supplier, "capacity" | "score" | "contracted"> & { term?: number };

/** Contracted supply first, then the lower score; ties keep list order (they share pro rata anyway). */
function before(a: Merit, b: Merit): boolean {
  const ca = a.contracted === true;
  const cb = b.contracted === true;
  if (ca !== cb) return ca;
  return a.score < b.score;
}
