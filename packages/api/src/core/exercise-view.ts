import {
  type LeverAction,
  type LeverDefinition,
  type LocalizedText,
  type StateView,
  turnLabel,
  type Viewer,
  viewFor,
} from "@chokepoint/engine";
import { audienceOf, versionFor } from "./audience-version.ts";
import type { ClosedBy, ExerciseState, Member, ResolutionMode, Status } from "./exercise-state.ts";
import { type NewsItem, newsView } from "./news-feed.ts";
import { type OverrideEntry, overrideLog } from "./override-log.ts";
import type { TeamDecision } from "./team-decision.ts";
import {
  type ObjectiveProgress,
  objectivesFor,
  type ProjectNews,
  projectNewsFor,
  type WhyCard,
  whyCardFor,
} from "./team-insight.ts";

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
    /**
     * This audience's version of the state (the last log seq that changed what it sees): a
     * client that sees a gap asks again.
     */
    seq: number;
    turn: number;
    turns: number;
    turnLabel: string | null;
    turnTimerSeconds: number | null;
    /** Epoch ms (server clock) when the open turn's timer runs out; null unless running with a timer. */
    deadlineMs: number | null;
    /** Ms left on the timer while paused (the time resuming carries on with). */
    remainingMs: number | null;
    resolution: ResolutionMode;
    /**
     * Reveal mode: the timer ran out, the teams' decisions stand as they were, and the turn waits
     * for the facilitator's reveal. (Named without "draft": a team's push must not look like one.)
     */
    awaitingReveal: boolean;
    /** How the last resolved turn closed (null before the first). */
    lastClosedBy: ClosedBy | null;
    /** Only the facilitator sees the seed (with it and the scenario, draws could be foreseen). */
    seed: number | null;
    /**
     * Imported from a file without recorded state hashes for every resolved turn: nothing
     * checked that its results are the ones played. Every screen that shows it says so.
     */
    unverified: boolean;
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
  /** Shared drafts and locks: the viewer's own team's (every team's for the facilitator). */
  decisions: Record<string, TeamDecision>;
  /** Events of the scenario and injects as they reached the room, newest first. */
  news: NewsItem[];
  /** The facilitator's overrides with their reasons, as far as this viewer may see the values. */
  overrides: OverrideEntry[];
  /**
   * Levers the viewer's team shares with another team that the other team already runs: the
   * engine refuses a second activation, so the card says so before anyone tries (the fact is
   * in the refusal anyway; only started projects count, never an unresolved decision).
   */
  runByOthers: { lever: string; team: string; startTurn: number }[];
  /**
   * Levers the viewer's team shares with other teams of the exercise: if both start one in the
   * same turn they co-fund one project (costs split by the scale each asked), so the card says so
   * before anyone locks. Which teams could, not what they chose.
   */
  sharedLevers: { lever: string; teams: string[] }[];
  /**
   * What every team played in the last resolved turn — no longer secret — for the projector's
   * reveal and the observers (null for a team, and before the first turn resolves).
   */
  revealed: {
    turn: number;
    label: string;
    decisions: Record<string, LeverAction[]>;
    /** Every team's lever names (observers' views carry no lever definitions). */
    leverNames: Record<string, LocalizedText>;
  } | null;
  /** The viewer's team's objectives (every team's for observers and the facilitator) and how they stand. */
  objectives: ObjectiveProgress[];
  /** Why the last resolved turn came out as it did, filtered to what the viewer may read. */
  why: WhyCard | null;
  /** Projects coming on stream, succeeding, failing, closing or losing money, newest first. */
  projectNews: ProjectNews[];
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
  const state = withCoFunded(viewFor(g.model, ex.engine, viewer), ex, viewer);
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
      seq: versionFor(ex, audienceOf(me)),
      turn: ex.engine.turn,
      turns: turnsTotal,
      turnLabel: ex.engine.turn < turnsTotal ? turnLabel(s.calendar, ex.engine.turn) : null,
      turnTimerSeconds: g.turnTimerSeconds,
      deadlineMs: ex.status === "running" ? ex.clock.deadlineMs : null,
      remainingMs: ex.status === "running" ? null : ex.clock.remainingMs,
      resolution: ex.resolution,
      awaitingReveal: ex.draftingClosed === ex.engine.turn && ex.status !== "ended",
      lastClosedBy: ex.engine.turn > 0 ? (ex.closedBy[ex.engine.turn - 1] ?? null) : null,
      unverified: g.unverified,
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
    decisions: Object.fromEntries(
      [...ex.decisions].filter(([team]) => visibleTeams.includes(team)),
    ),
    news: newsView(ex),
    overrides: overrideLog(ex, me),
    runByOthers: viewer.kind === "team" ? runByOthers(ex, viewer.team) : [],
    sharedLevers: viewer.kind === "team" ? sharedLevers(ex, viewer.team) : [],
    revealed:
      viewer.kind !== "team" && ex.revealed
        ? {
            turn: ex.revealed.turn,
            label: turnLabel(s.calendar, ex.revealed.turn),
            decisions: { ...ex.revealed.decisions },
            leverNames: Object.fromEntries(s.levers.map((l) => [l.id, l.name])),
          }
        : null,
    objectives: objectivesFor(ex, viewer),
    why: whyCardFor(ex, viewer),
    projectNews: projectNewsFor(ex, viewer),
  };
}

/** A project a team co-funds is its own too: the engine's view lists only the lead team's. */
function withCoFunded(state: StateView, ex: ExerciseState, viewer: Viewer): StateView {
  const team = viewer.kind === "team" ? viewer.team : undefined;
  if (!team) return state;
  const coFunded = ex.engine.projects.filter(
    (p) => p.team !== team && p.funders?.[team] !== undefined,
  );
  return coFunded.length ? { ...state, projects: [...state.projects, ...coFunded] } : state;
}

function runByOthers(ex: ExerciseState, team: string): ExerciseView["runByOthers"] {
  const mine = new Set(ex.genesis.scenario.teams.find((t) => t.id === team)?.levers ?? []);
  return ex.engine.projects
    .filter(
      (p) =>
        p.team !== team &&
        p.funders?.[team] === undefined &&
        mine.has(p.lever) &&
        (p.status === "pending" || p.status === "active"),
    )
    .map((p) => ({ lever: p.lever, team: p.team, startTurn: p.startTurn }));
}

function sharedLevers(ex: ExerciseState, team: string): ExerciseView["sharedLevers"] {
  const teams = ex.genesis.scenario.teams.filter((t) => ex.genesis.teams.includes(t.id));
  const mine = teams.find((t) => t.id === team)?.levers ?? [];
  return mine.flatMap((lever) => {
    const others = teams.filter((t) => t.id !== team && t.levers.includes(lever)).map((t) => t.id);
    return others.length ? [{ lever, teams: others }] : [];
  });
}

/** A stand-in member for an audience (a room shares one view; `me` is filled in by the client). */
export function audienceMember(role: Member["role"], team: string | null): Member {
  return { participantId: "", displayName: "", role, team };
}

/** Every audience of an exercise, as pushes are addressed: facilitator, observers, each team. */
export function audiencesOf(ex: ExerciseState): string[] {
  return ["facilitator", "observer", ...ex.genesis.teams.map((t) => `team:${t}`)];
}

/** The view one audience shares ("facilitator", "observer", "team:<id>"), `me` a stand-in. */
export function audienceView(ex: ExerciseState, audience: string): ExerciseView {
  if (audience === "facilitator") return buildExerciseView(ex, audienceMember("facilitator", null));
  if (audience.startsWith("team:"))
    return buildExerciseView(ex, audienceMember("participant", audience.slice("team:".length)));
  return buildExerciseView(ex, audienceMember("observer", null));
}

/** One view per audience (facilitator, observers, each team). */
export function audienceViews(ex: ExerciseState): { audience: string; view: ExerciseView }[] {
  return audiencesOf(ex).map((audience) => ({ audience, view: audienceView(ex, audience) }));
}
