import {
  type LeverDefinition,
  type LocalizedText,
  type StateView,
  turnLabel,
  viewFor,
} from "@chokepoint/engine";
import type { ExerciseState, Member, Status } from "./exercise-state.ts";

/** Everything one viewer's screen shows, already filtered for them (the only state that leaves the server). */
export interface ExerciseView {
  session: {
    id: string;
    title: string | null;
    status: Status;
    /** Only the facilitator sees the join code. */
    joinCode: string | null;
    /** Only the facilitator sees the observer code (to give to observers alone). */
    observerCode: string | null;
    /** The state's version (its last log seq): a client that sees a gap asks again. */
    seq: number;
    turn: number;
    turns: number;
    turnLabel: string | null;
    turnTimerSeconds: number | null;
    /** Only the facilitator sees the seed (with it and the scenario, draws could be foreseen). */
    seed: number | null;
  };
  me: Member;
  scenario: {
    id: string;
    version: string;
    title: LocalizedText;
    summary: LocalizedText;
    units: { money: LocalizedText; price: LocalizedText; priceScale: number };
    /** What one turn is: the time basis of every flow (tonnes per quarter or per month). */
    period: "quarter" | "month";
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
  messages: ExerciseState["messages"];
}

/**
 * What one viewer may see (boardgame.io's `playerView`); every state leaving the server passes
 * here. Secrecy: before a turn resolves, a team's decisions are seen by that team and the
 * facilitator only (others see that it has locked, not what) — the engine's `viewFor` filters them.
 */
export function buildExerciseView(ex: ExerciseState, me: Member): ExerciseView {
  const g = ex.genesis;
  const s = g.scenario;
  const facilitator = me.role === "facilitator";
  const viewer = facilitator
    ? { kind: "facilitator" as const }
    : me.role === "participant" && me.team
      ? { kind: "team" as const, team: me.team }
      : { kind: "observer" as const };
  const state = viewFor(g.model, ex.engine, viewer);
  const visibleTeams = facilitator ? g.teams : viewer.kind === "team" ? [viewer.team] : [];
  const turnsTotal = s.calendar.turns;
  const rosterTeams: (string | null)[] = [...g.teams, null];
  return {
    session: {
      id: g.sessionId,
      title: g.title,
      status: ex.status,
      joinCode: facilitator ? g.joinCode : null,
      observerCode: facilitator ? g.observerCode : null,
      seed: facilitator ? g.seed : null,
      seq: ex.seq,
      turn: ex.engine.turn,
      turns: turnsTotal,
      turnLabel: ex.engine.turn < turnsTotal ? turnLabel(s.calendar, ex.engine.turn) : null,
      turnTimerSeconds: g.turnTimerSeconds,
    },
    me,
    scenario: {
      id: s.id,
      version: s.version,
      title: s.title,
      summary: s.summary,
      units: s.units,
      period: s.calendar.period,
      materials: s.materials.map((m) => ({ id: m.id, name: m.name })),
      sectors: s.sectors.map((x) => ({ id: x.id, name: x.name })),
      teams: s.teams
        .filter((t) => g.teams.includes(t.id))
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

/** A stand-in member for an audience (a room shares one view; `me` is filled in by the client). */
export function audienceMember(role: Member["role"], team: string | null): Member {
  return { participantId: "", displayName: "", role, team };
}

/** One view per audience (facilitator, observers, each team), built once per change. */
export function audienceViews(ex: ExerciseState): { audience: string; view: ExerciseView }[] {
  return [
    { audience: "facilitator", view: buildExerciseView(ex, audienceMember("facilitator", null)) },
    { audience: "observer", view: buildExerciseView(ex, audienceMember("observer", null)) },
    ...ex.genesis.teams.map((t) => ({
      audience: `team:${t}`,
      view: buildExerciseView(ex, audienceMember("participant", t)),
    })),
  ];
}
