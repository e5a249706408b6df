import {
  type LeverDefinition,
  type LocalizedText,
  type StateView,
  turnLabel,
  viewFor,
} from "@chokepoint/engine";
import type { LoadedExercise, Member } from "./loaded-exercise.ts";

/** Everything one viewer's screen shows, already filtered for them (the only state that leaves the server). */
export interface ExerciseView {
  session: {
    id: string;
    title: string | null;
    status: LoadedExercise["status"];
    /** Only the facilitator sees the join code. */
    joinCode: string | null;
    seq: number;
    turn: number;
    turns: number;
    turnLabel: string | null;
    turnTimerSeconds: number | null;
  };
  me: Member;
  scenario: {
    id: string;
    version: string;
    title: LocalizedText;
    summary: LocalizedText;
    units: { money: LocalizedText; price: LocalizedText; priceScale: number };
    materials: { id: string; name: LocalizedText }[];
    sectors: { id: string; name: LocalizedText }[];
    /** The viewer's own team (all teams for the facilitator): briefing, budget and levers. */
    teams: {
      id: string;
      name: LocalizedText;
      role: string;
      briefing: LocalizedText | null;
      levers: LeverDefinition[];
    }[];
    injects: { id: string; title: LocalizedText }[];
  };
  /** Who is in each team and whether it has locked this turn (names only). */
  roster: {
    team: string | null;
    members: { participantId: string; displayName: string; role: Member["role"] }[];
    locked: boolean;
  }[];
  state: StateView;
  messages: LoadedExercise["messages"];
}

export function buildExerciseView(ex: LoadedExercise, me: Member): ExerciseView {
  const s = ex.scenario;
  const facilitator = me.role === "facilitator";
  const viewer = facilitator
    ? { kind: "facilitator" as const }
    : me.role === "participant" && me.team
      ? { kind: "team" as const, team: me.team }
      : { kind: "observer" as const };
  const state = viewFor(ex.model, ex.state, viewer);
  const visibleTeams = facilitator ? ex.teams : me.team ? [me.team] : [];
  const turnsTotal = s.calendar.turns;
  const rosterTeams: (string | null)[] = [...ex.teams, null];
  return {
    session: {
      id: ex.sessionId,
      title: ex.title,
      status: ex.status,
      joinCode: facilitator ? ex.joinCode : null,
      seq: ex.seq,
      turn: ex.state.turn,
      turns: turnsTotal,
      turnLabel: ex.state.turn < turnsTotal ? turnLabel(s.calendar, ex.state.turn) : null,
      turnTimerSeconds: ex.turnTimerSeconds,
    },
    me,
    scenario: {
      id: s.id,
      version: s.version,
      title: s.title,
      summary: s.summary,
      units: s.units,
      materials: s.materials.map((m) => ({ id: m.id, name: m.name })),
      sectors: s.sectors.map((x) => ({ id: x.id, name: x.name })),
      teams: s.teams
        .filter((t) => ex.teams.includes(t.id))
        .map((t) => {
          const mine = visibleTeams.includes(t.id);
          return {
            id: t.id,
            name: t.name,
            role: t.role,
            briefing: mine ? t.briefing : null,
            levers: mine ? s.levers.filter((l) => t.levers.includes(l.id)) : [],
          };
        }),
      injects: facilitator ? s.injects.map((e) => ({ id: e.id, title: e.title })) : [],
    },
    roster: rosterTeams.map((team) => ({
      team,
      members: [...ex.members.values()]
        .filter((m) => m.team === team)
        .map((m) => ({ participantId: m.participantId, displayName: m.displayName, role: m.role })),
      locked: team !== null && state.lockedTeams.includes(team),
    })),
    state,
    messages: ex.messages.slice(-20),
  };
}
