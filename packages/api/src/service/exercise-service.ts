import {
  AdvanceTurnInput,
  AppError,
  BroadcastInput,
  CreateExerciseInput,
  FireInjectInput,
  JoinInput,
  LockDecisionInput,
  type LogEvent,
  MoveParticipantInput,
  OverrideInput,
  SessionControlInput,
} from "@chokepoint/contracts";
import {
  appendEvent,
  authenticate,
  createSession,
  type Database,
  joinSession,
  normaliseJoinCode,
  saveSnapshot,
  setSessionStatus,
} from "@chokepoint/db";
import { applyEvent, type EngineEvent, stateHash } from "@chokepoint/engine";
import { parseInput } from "../parse-input.ts";
import type { ScenarioCatalog } from "../scenario-catalog.ts";
import { type Broadcaster, silentBroadcaster } from "./broadcaster.ts";
import { buildExerciseView, type ExerciseView } from "./exercise-view.ts";
import { KeyedQueue } from "./keyed-queue.ts";
import { foldInto, type LoadedExercise, loadExercise, type Member } from "./loaded-exercise.ts";
import { TurnTimers } from "./turn-timers.ts";

export interface Caller extends Member {
  sessionId: string;
}

/**
 * The live exercise: every command is validated (zod), authorised (facilitator, own team,
 * observer), checked against the engine's rules, appended durably to the event log, applied,
 * and only then acknowledged and broadcast. Commands on one exercise run one at a time.
 */
export class ExerciseService {
  private readonly cache = new Map<string, LoadedExercise>();
  /** Token → caller, so a command costs no database read to authenticate (dropped on team moves). */
  private readonly callers = new Map<string, Caller>();
  private readonly queue = new KeyedQueue();
  readonly timers: TurnTimers;

  constructor(
    private readonly db: Database,
    readonly catalog: ScenarioCatalog,
    private broadcaster: Broadcaster = silentBroadcaster,
    timers?: TurnTimers,
  ) {
    this.timers = timers ?? new TurnTimers();
  }

  setBroadcaster(b: Broadcaster): void {
    this.broadcaster = b;
  }

  /** Drops a cached exercise after its log was written elsewhere (e.g. a headless branch run). */
  async forget(sessionId: string): Promise<void> {
    await this.queue.run(sessionId, async () => {
      this.cache.delete(sessionId);
      this.timers.clear(sessionId);
    });
    this.broadcaster.sessionChanged(sessionId);
  }

  listScenarios() {
    return this.catalog.list().map((s) => ({
      id: s.id,
      version: s.version,
      title: s.title,
      summary: s.summary,
      calendar: s.calendar,
      teams: s.teams.map((t) => ({ id: t.id, name: t.name, role: t.role })),
    }));
  }

  async createExercise(
    raw: unknown,
  ): Promise<{ sessionId: string; joinCode: string; token: string }> {
    const input = parseInput(CreateExerciseInput, raw);
    const entry = this.catalog.get(input.scenarioId);
    if (!entry)
      throw new AppError(
        "invalid_payload",
        `scenarioId: no built-in scenario '${input.scenarioId}' (have: ${this.catalog
          .list()
          .map((s) => s.id)
          .join(", ")})`,
      );
    const known = entry.scenario.teams.map((t) => t.id);
    const teams = input.teams ?? known;
    const unknown = teams.filter((t) => !known.includes(t));
    if (unknown.length)
      throw new AppError(
        "invalid_payload",
        `teams: not in ${entry.scenario.id}: ${unknown.join(", ")} (teams: ${known.join(", ")})`,
      );
    const r = await createSession(this.db, {
      scenarioId: entry.scenario.id,
      scenarioVersion: entry.scenario.version,
      seed: input.seed,
      teams,
      facilitatorName: input.facilitatorName,
      ...(input.title ? { title: input.title } : {}),
      ...(input.turnTimerSeconds ? { turnTimerSeconds: input.turnTimerSeconds } : {}),
    });
    return { sessionId: r.sessionId, joinCode: r.joinCode, token: r.facilitator.token };
  }

  /** What a join screen may show for a code: the exercise's title and teams (public, no state). */
  async joinOptions(raw: unknown): Promise<{
    title: { ja: string; en: string };
    teams: { id: string; name: { ja: string; en: string } }[];
  }> {
    const { joinCode } = parseInput(JoinInput.pick({ joinCode: true }), raw);
    const code = normaliseJoinCode(joinCode);
    const row = await this.db.exerciseSession.findUnique({
      where: { joinCode: code },
      include: { teams: true },
    });
    if (!row || row.status === "ended")
      throw new AppError("bad_join_code", `no open exercise uses the join code '${code}'`);
    const entry = this.catalog.get(row.scenarioId);
    if (!entry)
      throw new AppError("session_not_found", `scenario '${row.scenarioId}' is not on this server`);
    const fielded = new Set(row.teams.map((t) => t.key));
    return {
      title: entry.scenario.title,
      teams: entry.scenario.teams
        .filter((t) => fielded.has(t.id))
        .map((t) => ({ id: t.id, name: t.name })),
    };
  }

  async join(raw: unknown): Promise<{ sessionId: string; participantId: string; token: string }> {
    const input = parseInput(JoinInput, raw);
    // Join inside the exercise's queue, so the join's log entry never races a command's.
    const found = await this.db.exerciseSession.findUnique({
      where: { joinCode: normaliseJoinCode(input.joinCode) },
      select: { id: true },
    });
    const doJoin = () =>
      joinSession(this.db, {
        joinCode: input.joinCode,
        displayName: input.displayName,
        role: input.role,
        team: input.team ?? null,
      });
    if (!found) await doJoin(); // throws the precise bad_join_code error
    const r = await this.queue.run(found?.id ?? "", async () => {
      const joined = await doJoin();
      // Fold the join into the cached exercise (or reload it if the cache is behind the log).
      const ex = this.cache.get(joined.sessionId);
      if (ex && ex.seq === joined.seq - 1) {
        foldInto(
          ex,
          joined.seq,
          {
            type: "participant_joined",
            participantId: joined.credentials.participantId,
            displayName: input.displayName.trim(),
            role: input.role,
            team: input.team ?? null,
          },
          new Date(),
        );
      } else this.cache.delete(joined.sessionId);
      return joined;
    });
    this.broadcaster.sessionChanged(r.sessionId);
    return {
      sessionId: r.sessionId,
      participantId: r.credentials.participantId,
      token: r.credentials.token,
    };
  }

  /** Who a token belongs to; an unknown token is refused. */
  async identify(token: unknown): Promise<Caller> {
    if (typeof token !== "string" || token.length < 10)
      throw new AppError("forbidden", "sign in first: no valid participant token was sent");
    const known = this.callers.get(token);
    if (known) return known;
    const p = await authenticate(this.db, token);
    if (!p)
      throw new AppError(
        "forbidden",
        "this participant token is not known (it may belong to a deleted exercise); join again",
      );
    const caller: Caller = {
      sessionId: p.sessionId,
      participantId: p.id,
      displayName: p.displayName,
      role: p.role as Member["role"],
      team: p.team?.key ?? null,
    };
    if (this.callers.size > 100_000) this.callers.clear();
    this.callers.set(token, caller);
    return caller;
  }

  async view(token: unknown): Promise<ExerciseView> {
    const caller = await this.identify(token);
    const ex = await this.exercise(caller.sessionId);
    return buildExerciseView(ex, ex.members.get(caller.participantId) ?? caller);
  }

  /** Views for many callers of one exercise at once (for pushing after a change). */
  async viewsFor(sessionId: string, callers: readonly Member[]): Promise<ExerciseView[]> {
    const ex = await this.exercise(sessionId);
    return callers.map((c) => buildExerciseView(ex, ex.members.get(c.participantId) ?? c));
  }

  /**
   * One view per audience (facilitator, each team, observers), with `me` left to the client:
   * what a push sends to a whole room, built and serialised once instead of once per person.
   */
  async audienceViews(sessionId: string): Promise<{ audience: string; view: ExerciseView }[]> {
    const ex = await this.exercise(sessionId);
    const stand = (role: Member["role"], team: string | null): Member => ({
      participantId: "",
      displayName: "",
      role,
      team,
    });
    return [
      { audience: "facilitator", view: buildExerciseView(ex, stand("facilitator", null)) },
      { audience: "observer", view: buildExerciseView(ex, stand("observer", null)) },
      ...ex.teams.map((t) => ({
        audience: `team:${t}`,
        view: buildExerciseView(ex, stand("participant", t)),
      })),
    ];
  }

  async lockDecision(token: unknown, raw: unknown): Promise<ExerciseView> {
    const caller = await this.identify(token);
    const input = parseInput(LockDecisionInput, raw);
    if (caller.role !== "participant")
      throw new AppError("forbidden", `only team members lock decisions (you are ${caller.role})`);
    return this.command(caller, async (ex, me) => {
      if (!me.team)
        throw new AppError(
          "forbidden",
          "you are not on a team yet; ask the facilitator to assign you",
        );
      this.requireRunning(ex);
      await this.applyEngine(
        ex,
        { type: "decisions_locked", turn: input.turn, team: me.team, actions: input.actions },
        caller,
        input.idempotencyKey,
      );
      await this.autoAdvance(ex);
    });
  }

  async advanceTurn(token: unknown, raw: unknown): Promise<ExerciseView> {
    const caller = await this.facilitator(token);
    const input = parseInput(AdvanceTurnInput, raw);
    return this.command(caller, async (ex) => {
      this.requireRunning(ex);
      await this.resolve(ex, input.turn, caller.participantId, input.idempotencyKey);
    });
  }

  async fireInject(token: unknown, raw: unknown): Promise<ExerciseView> {
    const caller = await this.facilitator(token);
    const input = parseInput(FireInjectInput, raw);
    return this.command(caller, (ex) =>
      this.applyEngine(
        ex,
        {
          type: "inject_fired",
          turn: input.turn,
          ...(input.inject ? { inject: input.inject } : {}),
          ...(input.custom ? { custom: input.custom } : {}),
        },
        caller,
        input.idempotencyKey,
      ),
    );
  }

  async override(token: unknown, raw: unknown): Promise<ExerciseView> {
    const caller = await this.facilitator(token);
    const input = parseInput(OverrideInput, raw);
    return this.command(caller, (ex) =>
      this.applyEngine(
        ex,
        {
          type: "outcome_overridden",
          turn: input.turn,
          target: input.target,
          reason: input.reason,
        },
        caller,
        input.idempotencyKey,
      ),
    );
  }

  async broadcastMessage(token: unknown, raw: unknown): Promise<ExerciseView> {
    const caller = await this.facilitator(token);
    const input = parseInput(BroadcastInput, raw);
    return this.command(caller, async (ex) => {
      await this.append(
        ex,
        { type: "message_broadcast", text: input.text },
        caller.participantId,
        input.idempotencyKey,
      );
      const m = ex.messages[ex.messages.length - 1];
      if (m) this.broadcaster.message(ex.sessionId, m);
    });
  }

  async moveParticipant(token: unknown, raw: unknown): Promise<ExerciseView> {
    const caller = await this.facilitator(token);
    const input = parseInput(MoveParticipantInput, raw);
    return this.command(caller, async (ex) => {
      const member = ex.members.get(input.participantId);
      if (!member)
        throw new AppError(
          "participant_not_found",
          `no participant '${input.participantId}' in this exercise`,
        );
      if (member.role !== "participant")
        throw new AppError(
          "rule_violation",
          `${member.displayName} is ${member.role === "facilitator" ? "the facilitator" : "an observer"}, not a team member`,
        );
      if (input.team !== null && !ex.teams.includes(input.team))
        throw new AppError(
          "team_not_found",
          `no team '${input.team}' in this exercise (teams: ${ex.teams.join(", ")})`,
        );
      const team =
        input.team === null
          ? null
          : await this.db.team.findUnique({
              where: { sessionId_key: { sessionId: ex.sessionId, key: input.team } },
            });
      await this.db.$transaction(async (tx) => {
        await tx.participant.update({
          where: { id: member.participantId },
          data: { teamId: team?.id ?? null },
        });
      });
      await this.append(
        ex,
        { type: "participant_moved", participantId: member.participantId, team: input.team },
        caller.participantId,
      );
      for (const [token, c] of this.callers)
        if (c.participantId === member.participantId) this.callers.delete(token);
      this.broadcaster.memberChanged(ex.sessionId, {
        participantId: member.participantId,
        team: input.team,
      });
    });
  }

  async control(token: unknown, raw: unknown): Promise<ExerciseView> {
    const caller = await this.facilitator(token);
    const { action } = parseInput(SessionControlInput, raw);
    return this.command(caller, async (ex) => {
      const allowed: Record<typeof action, LoadedExercise["status"][]> = {
        start: ["lobby"],
        pause: ["running"],
        resume: ["paused"],
        end: ["lobby", "running", "paused"],
      };
      if (!allowed[action].includes(ex.status))
        throw new AppError("rule_violation", `cannot ${action} an exercise that is ${ex.status}`);
      const event: LogEvent = {
        start: { type: "session_started" as const },
        pause: { type: "session_paused" as const },
        resume: { type: "session_resumed" as const },
        end: { type: "session_ended" as const },
      }[action];
      await this.append(ex, event, caller.participantId);
      await setSessionStatus(this.db, ex.sessionId, ex.status);
      if (ex.status === "running") this.armTimer(ex);
      else this.timers.clear(ex.sessionId);
    });
  }

  // — internals —

  private async facilitator(token: unknown): Promise<Caller> {
    const caller = await this.identify(token);
    if (caller.role !== "facilitator")
      throw new AppError("forbidden", "only the facilitator can do this");
    return caller;
  }

  private requireRunning(ex: LoadedExercise): void {
    if (ex.status !== "running")
      throw new AppError("rule_violation", `the exercise is ${ex.status}; it must be running`);
  }

  /** Runs a command in the exercise's queue, then pushes the change and returns the caller's view. */
  private async command(
    caller: Caller,
    fn: (ex: LoadedExercise, me: Member) => Promise<void>,
  ): Promise<ExerciseView> {
    const view = await this.queue.run(caller.sessionId, async () => {
      const ex = await this.exercise(caller.sessionId);
      const me = ex.members.get(caller.participantId) ?? caller;
      try {
        await fn(ex, me);
      } catch (e) {
        // A failed write leaves the cache possibly ahead of or behind the log: reload it next time.
        if (!(e instanceof AppError) || e.code === "sequence_conflict")
          this.cache.delete(caller.sessionId);
        throw e;
      }
      return buildExerciseView(ex, me);
    });
    this.broadcaster.sessionChanged(caller.sessionId);
    return view;
  }

  private async exercise(sessionId: string): Promise<LoadedExercise> {
    const cached = this.cache.get(sessionId);
    if (cached) return cached;
    const ex = await loadExercise(this.db, this.catalog, sessionId);
    this.cache.set(sessionId, ex);
    if (ex.status === "running") this.armTimer(ex);
    return ex;
  }

  /** Checks an engine event against the rules, stores it durably, then applies it. */
  private async applyEngine(
    ex: LoadedExercise,
    event: EngineEvent,
    caller: Caller,
    idempotencyKey?: string,
  ): Promise<void> {
    const r = applyEvent(ex.model, ex.state, event);
    if (!r.ok)
      throw new AppError("rule_violation", r.error.message, r.error.issues ?? r.error.code);
    const stored = await appendEvent(this.db, {
      sessionId: ex.sessionId,
      expectedSeq: ex.seq,
      event,
      actorId: caller.participantId,
      idempotencyKey: idempotencyKey ? `${caller.participantId}:${idempotencyKey}` : null,
    });
    if (stored.duplicate) return;
    ex.state = r.state;
    ex.seq = stored.stored.seq;
  }

  private async append(
    ex: LoadedExercise,
    event: LogEvent,
    actorId: string,
    idempotencyKey?: string,
  ): Promise<void> {
    const stored = await appendEvent(this.db, {
      sessionId: ex.sessionId,
      expectedSeq: ex.seq,
      event,
      actorId,
      idempotencyKey: idempotencyKey ? `${actorId}:${idempotencyKey}` : null,
    });
    if (!stored.duplicate)
      foldInto(ex, stored.stored.seq, stored.stored.event, stored.stored.createdAt);
  }

  private async resolve(
    ex: LoadedExercise,
    turn: number,
    actorId: string,
    idempotencyKey?: string,
  ): Promise<void> {
    await this.applyEngine(
      ex,
      { type: "turn_resolved", turn },
      {
        ...(ex.members.get(actorId) ?? {
          participantId: actorId,
          displayName: "",
          role: "facilitator",
          team: null,
        }),
        sessionId: ex.sessionId,
      },
      idempotencyKey,
    );
    // The state as it was live after this turn, for the AAR to check replays against.
    await saveSnapshot(this.db, ex.sessionId, {
      turn,
      seq: ex.seq,
      stateHash: stateHash(ex.state),
      state: ex.state,
    });
    if (ex.state.turn >= ex.scenario.calendar.turns) {
      await this.append(ex, { type: "session_ended" }, actorId);
      await setSessionStatus(this.db, ex.sessionId, "ended");
      this.timers.clear(ex.sessionId);
    } else this.armTimer(ex);
  }

  /** When every fielded team with members has locked, the turn resolves by itself. */
  private async autoAdvance(ex: LoadedExercise): Promise<void> {
    const staffed = ex.teams.filter((t) =>
      [...ex.members.values()].some((m) => m.role === "participant" && m.team === t),
    );
    if (staffed.length && staffed.every((t) => ex.state.locked[t] !== undefined)) {
      const facilitator = [...ex.members.values()].find((m) => m.role === "facilitator");
      await this.resolve(ex, ex.state.turn, facilitator?.participantId ?? "system");
    }
  }

  private armTimer(ex: LoadedExercise): void {
    if (!ex.turnTimerSeconds) return;
    const turn = ex.state.turn;
    this.timers.arm(ex.sessionId, ex.turnTimerSeconds * 1000, () => {
      void this.queue
        .run(ex.sessionId, async () => {
          const current = await this.exercise(ex.sessionId);
          if (current.status !== "running" || current.state.turn !== turn) return;
          const facilitator = [...current.members.values()].find((m) => m.role === "facilitator");
          await this.resolve(current, turn, facilitator?.participantId ?? "system");
        })
        .then(() => this.broadcaster.sessionChanged(ex.sessionId))
        .catch(() => this.cache.delete(ex.sessionId));
    });
  }
}
