import type { LogEvent } from "@chokepoint/contracts";
import { explainTurn, type LeverAction, type TurnMetrics, turnMetrics } from "@chokepoint/engine";
import type { ExerciseState } from "../core/index.ts";

export interface TimelineTurn {
  turn: number;
  label: string;
  metrics: TurnMetrics;
  decisions: Record<string, LeverAction[]>;
  injects: string[];
  overrides: { target: string; reason: string }[];
  explanations: { ja: string[]; en: string[] };
}

type TurnLog = Pick<TimelineTurn, "decisions" | "injects" | "overrides">;

/** Each resolved turn as it was: metrics, each team's decisions, injects, overrides, the engine's explanations. */
export function timelineTurns(state: ExerciseState, log: readonly LogEvent[]): TimelineTurn[] {
  const byTurn = new Map<number, TurnLog>();
  const slot = (t: number): TurnLog => {
    const s = byTurn.get(t) ?? { decisions: {}, injects: [], overrides: [] };
    byTurn.set(t, s);
    return s;
  };
  for (const event of log) {
    if (event.type === "decisions_locked") slot(event.turn).decisions[event.team] = event.actions;
    if (event.type === "inject_fired")
      slot(event.turn).injects.push(event.inject ?? event.custom?.id ?? "custom");
    if (event.type === "outcome_overridden")
      slot(event.turn).overrides.push({ target: `${event.target.kind}`, reason: event.reason });
  }
  const model = state.genesis.model;
  return state.engine.results.map((r) => ({
    turn: r.turn,
    label: r.label,
    metrics: turnMetrics(model, r),
    ...(byTurn.get(r.turn) ?? { decisions: {}, injects: [], overrides: [] }),
    explanations: {
      ja: explainTurn(model, r, "ja").map((e) => e.text),
      en: explainTurn(model, r, "en").map((e) => e.text),
    },
  }));
}

/** Per-turn metrics and decisions as CSV (one row per turn and team). */
export function timelineCsv(
  turns: readonly TimelineTurn[],
  teams: readonly string[],
  materials: readonly string[],
): string {
  const header = [
    "turn",
    "label",
    "team",
    "decisions",
    "shortfall_share",
    "value_added_lost",
    "spend",
    "controlled_share",
    ...materials.map((m) => `price_multiple_${m}`),
    "injects",
  ];
  const q = (s: string) => `"${s.replaceAll('"', '""')}"`;
  const rows = turns.flatMap((turn) =>
    teams.map((team) =>
      [
        turn.turn + 1,
        turn.label,
        team,
        q(
          (turn.decisions[team] ?? [])
            .map((a) => (a.op === "activate" ? a.lever : `${a.op} ${a.tonnes} ${a.lever}`))
            .join("; "),
        ),
        turn.metrics.shortfallShare,
        turn.metrics.valueAddedLost,
        turn.metrics.spend,
        turn.metrics.controlledShare,
        ...materials.map((m) => turn.metrics.priceMultiple[m] ?? ""),
        q(turn.injects.join(" ")),
      ].join(","),
    ),
  );
  return `${header.join(",")}\n${rows.join("\n")}\n`;
}
