import type { LocalizedText, TurnView } from "@chokepoint/engine";
import type { ExerciseView } from "../core/index.ts";

/** The three key indicators of a turn, one point each for the rows' sparklines. */
export interface IndicatorPoint {
  /** The highest price multiple of any material (× its pre-shock price). */
  price: number;
  /** The worst sector's share of claimed material not delivered (0..1). */
  shortfall: number;
  /** Budget left, all teams together (scenario money units). */
  budget: number;
}

/** A threshold the scenario names that the table has crossed (what mission control flags). */
export interface TableFlag {
  kind: "objective" | "budget";
  team: string;
  /** The objective's name (null for a budget run out). */
  name: LocalizedText | null;
}

/** One table's row in mission control, built from the facilitator view every push already carries. */
export interface TableRow {
  label: string;
  exerciseId: string;
  /** The view's version: a row older than the one shown is ignored. */
  seq: number;
  status: ExerciseView["session"]["status"];
  turn: number;
  turns: number;
  turnLabel: string | null;
  deadlineMs: number | null;
  remainingMs: number | null;
  awaitingReveal: boolean;
  joinCode: string | null;
  observerCode: string | null;
  teams: {
    id: string;
    name: LocalizedText;
    members: { participantId: string; displayName: string }[];
    /** When the team locked the open turn (ISO), or null. */
    lockedAt: string | null;
  }[];
  unassigned: { participantId: string; displayName: string }[];
  /** One point per resolved turn, oldest first. */
  points: IndicatorPoint[];
  flags: TableFlag[];
  /** The table's news, newest first (the plenary screen shows the room's news). */
  news: ExerciseView["news"];
}

function pointOf(turn: TurnView): IndicatorPoint {
  let price = 0;
  for (const m of Object.values(turn.priceMultiples)) price = Math.max(price, m);
  let shortfall = 0;
  for (const s of Object.values(turn.sectors)) shortfall = Math.max(shortfall, s.shortfallShare);
  let budget = 0;
  for (const t of Object.values(turn.teams)) budget += t.budgetLeft;
  return { price, shortfall, budget };
}

/**
 * The row for a facilitator view. `previous` and `historyFrom` make it incremental: a push
 * carries the turns resolved since its base, so only those turns are read; the earlier points
 * are the previous row's (the work per push is the new turns', never the log's).
 */
export function tableRow(
  label: string,
  view: ExerciseView,
  previous?: TableRow,
  historyFrom = 0,
): TableRow {
  const history = view.state.history;
  const reuse = previous && previous.points.length >= historyFrom ? historyFrom : 0;
  const points = [
    ...(previous?.points.slice(0, reuse) ?? []),
    ...history.slice(reuse).map(pointOf),
  ];
  const open = view.session.turn;
  const flags: TableFlag[] = [];
  for (const o of view.objectives) {
    const last = o.held.at(-1);
    if (o.when === "every_turn" && last === false)
      flags.push({ kind: "objective", team: o.team, name: o.name });
  }
  const lastTurn = history.at(-1);
  for (const [team, t] of Object.entries(lastTurn?.teams ?? {}))
    if (t.budgetLeft <= 0) flags.push({ kind: "budget", team, name: null });
  const membersOf = (team: string | null) =>
    (view.roster.find((r) => r.team === team)?.members ?? [])
      .filter((m) => m.role !== "facilitator")
      .map((m) => ({ participantId: m.participantId, displayName: m.displayName }));
  return {
    label,
    exerciseId: view.session.id,
    seq: view.session.seq,
    status: view.session.status,
    turn: open,
    turns: view.session.turns,
    turnLabel: view.session.turnLabel,
    deadlineMs: view.session.deadlineMs,
    remainingMs: view.session.remainingMs,
    awaitingReveal: view.session.awaitingReveal,
    joinCode: view.session.joinCode,
    observerCode: view.session.observerCode,
    teams: view.scenario.teams.map((t) => {
      const lock = view.decisions[t.id]?.lock;
      return {
        id: t.id,
        name: t.name,
        members: membersOf(t.id),
        lockedAt: lock && lock.turn === open ? lock.at : null,
      };
    }),
    unassigned: membersOf(null),
    points,
    flags,
    news: view.news.slice(0, 5),
  };
}
