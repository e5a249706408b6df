/**
 * A shallow copy of a small id-keyed record. A plain loop: V8's object spread takes a slow path
 * on these dictionary-like objects, and this runs every turn of every Monte Carlo run.
 */
export function copyRecord<T>(src: Readonly<Record<string, T>>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const k in src) out[k] = src[k] as T;
  return out;
}
