/**
 * A shallow copy of a small id-keyed record. Turn resolution copies records only when the turn
 * changes them (copy-on-write), because copying on every turn showed up in Monte Carlo profiles.
 */
export function copyRecord<T>(src: Readonly<Record<string, T>>): Record<string, T> {
  return Object.assign({}, src);
}
