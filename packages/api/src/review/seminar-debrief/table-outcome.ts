import type {
  DebriefAction,
  DebriefEntry,
  DebriefOutcome,
  DebriefTable,
} from "@chokepoint/contracts";
import type { TimelineTurn } from "../timeline.ts";
import type { TableReview } from "./table-input.ts";

/** A turn's decisions as one flat list, teams in the exercise's order, each lever's amount. */
export function turnActions(turn: TimelineTurn, teams: readonly string[]): DebriefAction[] {
  return teams.flatMap((teamId) =>
    (turn.decisions[teamId] ?? []).map((a) => ({
      teamId,
      leverId: a.lever,
      op: a.op,
      amount: a.op === "activate" ? a.scale : a.tonnes,
    })),
  );
}

/** What reached the table in a turn: events and injects by id, overrides by target and value. */
export function turnEntries(turn: TimelineTurn): DebriefEntry[] {
  // A project's outcome follows from the decisions and the draws the table already shows.
  return turn.entries.flatMap((e): DebriefEntry[] =>
    e.kind === "project"
      ? []
      : e.kind === "override"
        ? [
            {
              kind: "override",
              key: `${e.target}=${e.to}`,
              title: { ja: e.reason, en: e.reason },
            },
          ]
        : [{ kind: e.kind, key: e.id, title: e.title }],
  );
}

const peakOf = (values: readonly number[]) => {
  let turn: number | null = null;
  let value = 0;
  values.forEach((v, i) => {
    if (turn === null || v > value) {
      turn = i;
      value = v;
    }
  });
  return { value, turn: turn as number | null };
};

/** Objectives met, value added lost, peak prices, spend and dependence over the turns played. */
export function tableOutcome(t: TableReview): DebriefOutcome {
  const turns = t.turns;
  const shortfall = peakOf(turns.map((x) => x.metrics.shortfallShare));
  const teams = new Set(t.scenario.teams.map((x) => x.id));
  const objectives = t.scorecard
    .filter((o) => teams.has(o.team))
    .map((o) => ({ id: o.id, teamId: o.team, name: o.name, met: o.met }));
  const mc = t.bands?.totals.valueAddedLost ?? null;
  return {
    objectivesMet: objectives.filter((o) => o.met).length,
    objectivesTotal: objectives.length,
    objectives,
    valueAddedLost: turns.reduce((s, x) => s + x.metrics.valueAddedLost, 0),
    peakShortfallShare: turns.length ? shortfall.value : 0,
    peakShortfallTurn: shortfall.turn,
    peakPrices: t.scenario.materials.flatMap((m) => {
      const p = peakOf(turns.map((x) => x.materials[m.id]?.priceMultiple ?? 1));
      return p.turn === null ? [] : [{ materialId: m.id, multiple: p.value, turn: p.turn }];
    }),
    spend: turns.reduce((s, x) => s + x.metrics.spend, 0),
    dependenceFirst: turns[0]?.metrics.controlledShare ?? 0,
    dependenceLast: turns.at(-1)?.metrics.controlledShare ?? 0,
    valueAddedLostBand: mc ? { p5: mc.p5, p50: mc.p50, p95: mc.p95 } : null,
  };
}

/** The table's path on the debrief's charts, each metric with its band turn by turn. */
export function tablePaths(t: TableReview): DebriefTable["paths"] {
  const bandAt = <T>(get: (b: NonNullable<TableReview["bands"]>["turns"][number]) => T) =>
    t.bands
      ? t.turns.map((_, i) => {
          const b = t.bands?.turns[i];
          return b ? get(b) : null;
        })
      : null;
  return {
    shortfallShare: {
      actual: t.turns.map((x) => x.metrics.shortfallShare),
      band: bandAt((b) => b.shortfallShare),
    },
    valueAddedLost: {
      actual: t.turns.map((x) => x.metrics.valueAddedLost),
      band: bandAt((b) => b.valueAddedLost),
    },
    spend: { actual: t.turns.map((x) => x.metrics.spend), band: bandAt((b) => b.spend) },
    controlledShare: {
      actual: t.turns.map((x) => x.metrics.controlledShare),
      band: bandAt((b) => b.controlledShare),
    },
    priceMultiple: Object.fromEntries(
      t.scenario.materials.map((m) => [
        m.id,
        {
          actual: t.turns.map((x) => x.materials[m.id]?.priceMultiple ?? 1),
          band: bandAt((b) => b.priceMultiple[m.id] ?? null),
        },
      ]),
    ),
  };
}
