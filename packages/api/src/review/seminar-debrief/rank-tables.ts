import type { DebriefOutcome } from "@chokepoint/contracts";

type Ranked = { label: string; outcome: Pick<DebriefOutcome, RankedBy> };
type RankedBy = "objectivesMet" | "valueAddedLost" | "peakShortfallShare" | "spend";

/** Best first: more objectives met, then less value added lost, a lower peak shortfall, less spent. */
function compare(a: Ranked["outcome"], b: Ranked["outcome"]): number {
  return (
    b.objectivesMet - a.objectivesMet ||
    a.valueAddedLost - b.valueAddedLost ||
    a.peakShortfallShare - b.peakShortfallShare ||
    a.spend - b.spend
  );
}

/**
 * The tables best first (ties in the seminar's order) and each table's place. Tables whose
 * outcomes are the same share a place ("joint 1st of 12"), and the next place skips as many:
 * twelve tables that all did nothing came joint first, not 1st to 12th by their letters.
 */
export function rankTables(tables: readonly Ranked[]): {
  order: string[];
  place: Map<string, { rank: number; tiedWith: number }>;
} {
  const sorted = tables
    .map((t, i) => ({ t, i }))
    .sort((a, b) => compare(a.t.outcome, b.t.outcome) || a.i - b.i)
    .map((x) => x.t);
  const place = new Map<string, { rank: number; tiedWith: number }>();
  for (let i = 0; i < sorted.length; ) {
    const head = sorted[i] as Ranked;
    let j = i + 1;
    while (j < sorted.length && compare(head.outcome, (sorted[j] as Ranked).outcome) === 0) j++;
    for (const t of sorted.slice(i, j)) place.set(t.label, { rank: i + 1, tiedWith: j - i });
    i = j;
  }
  return { order: sorted.map((t) => t.label), place };
}
