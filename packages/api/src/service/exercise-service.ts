import {
  type AdvanceTurnInput,
  AppError,
  type BroadcastInput,
  type CreateExerciseInput,
  type FireInjectInput,
  type JoinInput,
  type JoinOptionsInput,
  type LockDecisionInput,
  type MoveParticipantInput,
  type OverrideInput,
  type SessionControlInput,
} from "@chokepoint/contracts";
import {
  type Database,
  type ExerciseStore,
  hashToken,
  isWellFormedJoinCode,
  newId,
  newToken,
  normaliseJoinCode,
  PrismaExerciseStore,
} from "@chokepoint/db";
import type { z } from "zod";
import { buildExerciseView, type Command, type ExerciseView, type Member } from "../core/index.ts";
import type { ScenarioCatalog } from "../scenario-catalog.ts";
import { AfterChange } from "./after-change.ts";
import { type Broadcaster, silentBroadcaster } from "./broadcaster.ts";
import { ExerciseRunner } from "./exercise-runner.ts";
import { TurnTimers } from "./turn-timers.ts";

export interface Caller extends Member {
  sessionId: string;
}

/**
 * The live exercise's edge: identify the caller, parse the input, hand the command to the one
 * write path (queue → load → decide → append → evolve), answer with the caller's view, then
 * push each audience its view. The rules themselves live in the pure core (`../core`).
 */
export class ExerciseService {
  readonly runner: ExerciseRunner;
  /** Token → who it is, so a command costs no database read to authenticate. */
  private readonly tokens = new Map<string, { sessionId: string; participantId: string }>();
  readonly timers: TurnTimers;
  private readonly effects: AfterChange;

  constructor(
    storage: Database | ExerciseStore,
    readonly catalog: ScenarioCatalog,
    broadcaster: Broadcaster = silentBroadcaster,
    timers?: TurnTimers,
  ) {
    const store = "append" in storage ? storage : new PrismaExerciseStore(storage);
    this.runner = new ExerciseRunner(store, catalog);
    this.timers = timers ?? new TurnTimers();
    this.effects = new AfterChange(this.runner, this.timers, broadcaster);
    this.runner.onChange = (w) => this.effects.changed(w);
    this.runner.onLoad = (s) => this.effects.armTimer(s);
  }

  get store(): ExerciseStore {
    return this.runner.store;
  }

  setBroadcaster(b: Broadcaster): void {
    this.effects.broadcaster = b;
  }

  listScenarios() {
    return this.catalog.summaries();
  }

  async createExercise(input: CreateExerciseInput) {
    const entry = this.catalog.require(input.scenarioId);
    const known = entry.scenario.teams.map((t) => t.id);
    const teams = input.teams ?? known;
    const unknown = teams.filter((t) => !known.includes(t));
    if (unknown.length)
      throw new AppError(
        "invalid_payload",
        `teams: not in ${entry.scenario.id}: ${unknown.join(", ")} (teams: ${known.join(", ")})`,
      );
    const r = await this.store.create({
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
  async joinOptions({ joinCode }: JoinOptionsInput) {
    const state = await this.runner.read(await this.sessionForCode(joinCode));
    if (state.status === "ended")
      throw new AppError("bad_join_code", `no open exercise uses the join code '${joinCode}'`);
    const s = state.genesis.scenario;
    return {
      // The client sends it with the join (X-Exercise-Id), so a balancer routes the join to the
      // process that owns the exercise, like every later call.
      exerciseId: state.genesis.sessionId,
      title: s.title,
      teams: s.teams
        .filter((t) => state.genesis.teams.includes(t.id))
        .map((t) => ({ id: t.id, name: t.name })),
    };
  }

  async join(
    input: z.input<typeof JoinInput>,
  ): Promise<{ sessionId: string; participantId: string; token: string }> {
    const sessionId = await this.sessionForCode(input.joinCode);
    const participantId = newId();
    const { token, hash } = newToken();
    await this.runner.execute(
      sessionId,
      { participantId: null },
      {
        type: "join",
        participantId,
        displayName: input.displayName,
        role: input.role ?? "participant",
        team: input.team ?? null,
      },
      { actorId: participantId, credentials: { [participantId]: hash } },
    );
    return { sessionId, participantId, token };
  }

  /** Who a token belongs to; an unknown token is refused. */
  async identify(token: unknown): Promise<Caller> {
    if (typeof token !== "string" || token.length < 10)
      throw new AppError("forbidden", "sign in first: no valid participant token was sent");
    let known = this.tokens.get(token);
    if (!known) {
      known = await this.store.participantForToken(hashToken(token));
      if (!known)
        throw new AppError(
          "forbidden",
          "this participant token is not known (it may belong to a deleted exercise); join again",
        );
      if (this.tokens.size > 100_000) this.tokens.clear();
      this.tokens.set(token, known);
    }
    const state = await this.runner.read(known.sessionId);
    const member = state.members.get(known.participantId);
    if (!member)
      throw new Error(`participant ${known.participantId} has a token but no join event`);
    return { ...member, sessionId: known.sessionId };
  }

  async view(token: unknown): Promise<ExerciseView> {
    const caller = await this.identify(token);
    return buildExerciseView(await this.runner.read(caller.sessionId), caller);
  }

  lockDecision(token: unknown, input: LockDecisionInput) {
    return this.command(token, input, (i: LockDecisionInput) => ({
      type: "lock",
      turn: i.turn,
      actions: i.actions,
    }));
  }
  advanceTurn(token: unknown, input: AdvanceTurnInput) {
    return this.command(token, input, (i: AdvanceTurnInput) => ({ type: "advance", turn: i.turn }));
  }
  fireInject(token: unknown, input: FireInjectInput) {
    return this.command(token, input, (i: FireInjectInput) => ({
      type: "inject",
      turn: i.turn,
      ...(i.inject ? { inject: i.inject } : {}),
      ...(i.custom ? { custom: i.custom } : {}),
    }));
  }
  override(token: unknown, input: OverrideInput) {
    return this.command(token, input, (i: OverrideInput) => ({
      type: "override",
      turn: i.turn,
      target: i.target,
      reason: i.reason,
    }));
  }
  broadcastMessage(token: unknown, input: BroadcastInput) {
    return this.command(token, input, (i: BroadcastInput) => ({ type: "broadcast", text: i.text }));
  }
  moveParticipant(token: unknown, input: MoveParticipantInput) {
    return this.command(token, input, (i: MoveParticipantInput) => ({
      type: "move",
      participantId: i.participantId,
      team: i.team,
    }));
  }
  control(token: unknown, input: SessionControlInput) {
    return this.command(token, input, (i: SessionControlInput) => ({
      type: "control",
      action: i.action,
    }));
  }

  // — internals —

  /** identify → the write path → the caller's view (the input was parsed at the edge). */
  private async command<I extends object>(
    token: unknown,
    input: I,
    toCommand: (input: I) => Command,
  ): Promise<ExerciseView> {
    const caller = await this.identify(token);
    const key =
      "idempotencyKey" in input ? (input.idempotencyKey as string | undefined) : undefined;
    const { state } = await this.runner.execute(
      caller.sessionId,
      { participantId: caller.participantId },
      toCommand(input),
      { idempotencyKey: key ?? null },
    );
    return buildExerciseView(state, state.members.get(caller.participantId) ?? caller);
  }

  private async sessionForCode(joinCode: string): Promise<string> {
    const code = normaliseJoinCode(joinCode);
    if (!isWellFormedJoinCode(code))
      throw new AppError(
        "bad_join_code",
        `'${joinCode}' is not a join code: codes are 6 letters and digits, like K7M2QX`,
      );
    const id = await this.store.sessionIdForJoinCode(code);
    if (!id)
      throw new AppError(
        "bad_join_code",
        `no exercise uses the join code '${code}'; check it with your facilitator`,
      );
    return id;
  }
}
