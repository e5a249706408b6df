/** An array of n zeros, packed (V8's `new Array(n).fill(0)` is holey and slower on this hot path). */
export function zeros(n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(0);
  return out;
}
