/**
 * An array of n zeros, packed and exactly sized. V8's `new Array(n).fill(0)` is holey, and
 * pushing into `[]` reserves 17 slots on the first push — both cost in the per-turn hot path,
 * where most of these arrays hold one to a handful of materials, claims or suppliers.
 */
export function zeros(n: number): number[] {
  switch (n) {
    case 0:
      return [];
    case 1:
      return [0];
    case 2:
      return [0, 0];
    case 3:
      return [0, 0, 0];
    case 4:
      return [0, 0, 0, 0];
    case 5:
      return [0, 0, 0, 0, 0];
    case 6:
      return [0, 0, 0, 0, 0, 0];
    default: {
      const out: number[] = [];
      for (let i = 0; i < n; i++) out.push(0);
      return out;
    }
  }
}
