/** Share of imports (supply from outside `home`) that comes from the controlling country, 0..1. */
export function importShare(
  byCountry: Readonly<Record<string, number>>,
  total: number,
  home: string,
  controller: string,
): number {
  const imported = total - (byCountry[home] ?? 0);
  return imported > 0 ? (byCountry[controller] ?? 0) / imported : 0;
}

/** Herfindahl–Hirschman index of supply by country, 0..10,000 (10,000 = one country). */
export function hhi(byCountry: Readonly<Record<string, number>>, total: number): number {
  if (total <= 0) return 0;
  let h = 0;
  for (const c in byCountry) {
    const share = ((byCountry[c] ?? 0) / total) * 100;
    h += share * share;
  }
  return h;
}
