import type { SeedPolicy, TableLabels } from "@chokepoint/contracts";

const LETTERS = "ABCDEFGHIJKLMNOPQRST";

/** The label of the table at a position (0-based): A…T, or 1…20. */
export function tableLabel(labels: TableLabels, position: number): string {
  return labels === "letters" ? (LETTERS[position] ?? String(position + 1)) : String(position + 1);
}

/** The seed of the table at a position: the one seed, or the declared list in turn (cycling). */
export function tableSeed(policy: SeedPolicy, position: number): number {
  if (policy.policy === "same") return policy.seed;
  return policy.seeds[position % policy.seeds.length] as number;
}
