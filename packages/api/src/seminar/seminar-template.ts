import type { SeedPolicy, TableLabels } from "@chokepoint/contracts";

const LETTERS = "ABCDEFGHIJKLMNOPQRST";

/** The label of the table at a position (0-based): A…T, or 1…20. */
export function tableLabel(labels: TableLabels, position: number): string {
  return labels === "letters" ? (LETTERS[position] ?? String(position + 1)) : String(position + 1);
}

/**
 * A table's exercise title, shown in every header at that table: the seminar's title and the
 * table, in the seminar's language ("METI seminar · Table A", 「METI seminar・テーブル A」). A
 * bare "A" beside the scenario's name did not say it was a table.
 */
export function tableTitle(
  seminarTitle: string | null,
  label: string,
  language: "ja" | "en" | undefined,
): string {
  const table =
    language === "ja" ? `テーブル ${label}` : language === "en" ? `Table ${label}` : label;
  if (!seminarTitle) return table;
  return language === "ja" ? `${seminarTitle}・${table}` : `${seminarTitle} · ${table}`;
}

/** The seed of the table at a position: the one seed, or the declared list in turn (cycling). */
export function tableSeed(policy: SeedPolicy, position: number): number {
  if (policy.policy === "same") return policy.seed;
  return policy.seeds[position % policy.seeds.length] as number;
}
