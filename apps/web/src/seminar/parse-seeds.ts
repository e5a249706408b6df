/** Seeds typed as "1, 2, 3": whole numbers in the engine's range, or null when one is not. */
export function parseSeeds(text: string): number[] | null {
  const parts = text.split(/[,、\s]+/).filter(Boolean);
  const seeds = parts.map(Number);
  const ok =
    seeds.length > 0 && seeds.every((s) => Number.isInteger(s) && s >= 0 && s <= 2 ** 31 - 1);
  return ok ? seeds : null;
}
