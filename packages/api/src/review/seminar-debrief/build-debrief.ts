import type {
  DebriefAction,
  DebriefTable,
  SeminarDebrief,
  TableSummaryFacts,
} from "@chokepoint/contracts";
import { firstDivergence } from "./divergence.ts";
import { rankTables } from "./rank-tables.ts";
import type { TableReview } from "./table-input.ts";
import { tableOutcome, tablePaths, turnActions, turnEntries } from "./table-outcome.ts";

function mostUsedLever(decisions: readonly DebriefAction[][]) {
  const turns = new Map<string, number>();
  for (const turn of decisions)
    for (const leverId of new Set(turn.map((a) => a.leverId)))
      turns.set(leverId, (turns.get(leverId) ?? 0) + 1);
  let best: { leverId: string; turns: number } | null = null;
  for (const [leverId, n] of turns) if (!best || n > best.turns) best = { leverId, turns: n };
  return best;
}

function summaryFacts(
  t: Omit<DebriefTable, "summary">,
  place: { rank: number; tiedWith: number },
  of: number,
) {
  const o = t.outcome;
  const firstTurn = t.decisions.findIndex((d) => d.length > 0);
  const first = firstTurn >= 0 ? t.decisions[firstTurn]?.[0] : undefined;
  const peak = [...o.peakPrices].sort((a, b) => b.multiple - a.multiple)[0] ?? null;
  return {
    rank: place.rank,
    tiedWith: place.tiedWith,
    of,
    turnsPlayed: t.decisions.length,
    decisions: t.decisions.reduce((s, d) => s + d.length, 0),
    firstMove: first ? { turn: firstTurn, teamId: first.teamId, action: first } : null,
    mostUsed: mostUsedLever(t.decisions),
    objectivesMet: o.objectivesMet,
    objectivesTotal: o.objectivesTotal,
    valueAddedLost: o.valueAddedLost,
    peakShortfallShare: o.peakShortfallShare,
    peakShortfallTurn: o.peakShortfallTurn,
    peakPrice: peak,
    spend: o.spend,
    dependenceFirst: o.dependenceFirst,
    dependenceLast: o.dependenceLast,
  } satisfies TableSummaryFacts;
}

/**
 * The seminar's cross-table debrief from each table's review (pure: no reads, no clock).
 * Every table must play the same scenario — a seminar is one template — and the caller says
 * so before asking (`seminarDebrief` refuses a mixed list with a reason).
 * @example buildSeminarDebrief([tableA, tableB, tableC], 200).divergence?.turn // 0-based
 */
export function buildSeminarDebrief(
  reviews: readonly TableReview[],
  bandRuns: number,
): SeminarDebrief {
  const first = reviews[0];
  if (!first)
    throw new Error("buildSeminarDebrief needs at least one table: pass the seminar's tables");
  const s = first.scenario;
  const partial = reviews.map((r) => {
    const teams = r.scenario.teams.map((x) => x.id);
    return {
      label: r.label,
      exerciseId: r.exerciseId,
      title: r.title,
      seed: r.seed,
      status: r.status,
      decisions: r.turns.map((x) => turnActions(x, teams)),
      entries: r.turns.map(turnEntries),
      outcome: tableOutcome(r),
      paths: tablePaths(r),
    };
  });
  const { order, place } = rankTables(partial);
  const tables: DebriefTable[] = partial.map((p) => ({
    ...p,
    summary: summaryFacts(p, place.get(p.label) ?? { rank: 0, tiedWith: 1 }, partial.length),
  }));
  const longest = reviews.reduce((a, b) => (b.turns.length > a.turns.length ? b : a), first);
  const turnLabels = longest.turns.map((x) => x.label);
  const used = new Set(
    tables.flatMap((t) => t.decisions.flat().map((a) => `${a.teamId}|${a.leverId}`)),
  );
  // Every team's levers in the scenario's order, kept where any table used them.
  const teamsFielded = new Map<
    string,
    { id: string; name: { ja: string; en: string }; levers: string[] }
  >();
  for (const r of reviews) for (const t of r.scenario.teams) teamsFielded.set(t.id, t);
  const matrixRows = [...teamsFielded.values()].flatMap((team) =>
    s.levers
      .filter((l) => used.has(`${team.id}|${l.id}`))
      .map((l) => ({ teamId: team.id, leverId: l.id })),
  );
  const byLabel = new Map(tables.map((t) => [t.label, t]));
  const best = byLabel.get(order[0] ?? "");
  const worst = byLabel.get(order.at(-1) ?? "");
  return {
    scenario: {
      id: s.id,
      title: s.title,
      units: {
        money: s.units.money,
        price: s.units.price,
        ...(s.units.moneyAlso
          ? {
              moneyAlso: {
                locale: s.units.moneyAlso.locale,
                unit: s.units.moneyAlso.unit,
                perMoneyUnit: s.units.moneyAlso.perMoneyUnit,
                source: s.units.moneyAlso.source,
              },
            }
          : {}),
      },
      materials: s.materials,
      teams: [...teamsFielded.values()].map((t) => ({ id: t.id, name: t.name })),
      levers: s.levers.map((l) => ({
        id: l.id,
        name: l.name,
        kind: l.kind,
        tonnes: l.kind === "stockpile",
      })),
    },
    turnLabels,
    matrixRows,
    tables,
    ranking: order,
    divergence: best && worst && best !== worst ? firstDivergence(best, worst, turnLabels) : null,
    bandRuns,
  };
}
