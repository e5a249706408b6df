import {
  type AdvanceTurnInput,
  AppError,
  type BroadcastInput,
  type CreateExerciseInput,
  type EditDraftInput,
  type FireInjectInput,
  type JoinInput,
  type JoinOptionsInput,
  type LockDecisionInput,
  type MoveParticipantInput,
  type OverrideInput,
  type RemoveParticipantInput,
  type ResolutionModeInput,
  type SessionControlInput,
} from "@chokepoint/contracts";
import {
  type Database,
  type ExerciseStore,
  hashToken,
  isWellFormedJoinCode,
  isWellFormedObserverCode,
  JOIN_CODE_LENGTH,
  newId,
  newToken,
  normaliseJoinCode,
  PrismaExerciseStore,
  revokedHash,
} from "@chokepoint/db";
import type { z } from "zod";
import { buildExerciseView, type Command, type ExerciseView, type Member } from "../core/index.ts";
import { DEFAULT_LIMITS, type Limits } from "../limits.ts";
import type { ScenarioCatalog } from "../scenario-catalog.ts";
import { AfterChange } from "./after-change.ts";
import { type Broadcaster, silentBroadcaster } from "./broadcaster.ts";
import { ExerciseRunner } from "./exercise-runner.ts";
import { RateLimit } from "./rate-limit.ts";
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

  private readonly limits: Limits;
  private readonly now: () => Date;
  /** Draft edits and locks per participant (each is a stored event). */
  private readonly draftEdits: RateLimit;
  private readonly locks: RateLimit;
  /** Places taken per exercise and network address (joins in this process). */
  private readonly placesTaken = new Map<string, number>();

  constructor(
    storage: Database | ExerciseStore,
    readonly catalog: ScenarioCatalog,
    broadcaster: Broadcaster = silentBroadcaster,
    timers?: TurnTimers,
    opts: { limits?: Limits; now?: () => Date; pipelined?: boolean } = {},
  ) {
    const store = "append" in storage ? storage : new PrismaExerciseStore(storage);
    this.limits = opts.limits ?? DEFAULT_LIMITS;
    this.now = opts.now ?? (() => new Date());
    const clock = () => this.now().getTime();
    this.draftEdits = new RateLimit(this.limits.draftEditsPerMinute, 60_000, clock);
    this.locks = new RateLimit(this.limits.locksPerMinute, 60_000, clock);
    this.runner = new ExerciseRunner(
      store,
      catalog,
      this.now,
      this.limits.exercisesInMemory,
      opts.pipelined ?? true,
    );
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
        undefined,
        `teams：${entry.scenario.id}にないチームです：${unknown.join("、")}（チーム：${known.join("、")}）`,
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
    if (input.resolution && input.resolution !== "all_locked")
      await this.runner.execute(
        r.sessionId,
        { participantId: r.facilitator.participantId },
        { type: "set_resolution_mode", mode: input.resolution },
      );
    return { sessionId: r.sessionId, joinCode: r.joinCode, token: r.facilitator.token };
  }

  /** What a join screen may show for a code: the exercise's title and teams (public, no state). */
  async joinOptions({ joinCode }: JoinOptionsInput) {
    const { sessionId, via } = await this.sessionForCode(joinCode);
    const state = await this.runner.read(sessionId);
    if (state.status === "ended")
      throw new AppError(
        "bad_join_code",
        `no open exercise uses the join code '${joinCode}'`,
        undefined,
        `参加コード「${joinCode}」の開いている演習はありません`,
      );
    const s = state.genesis.scenario;
    return {
      // The client sends it with the join (X-Exercise-Id), so a balancer routes the join to the
      // process that owns the exercise, like every later call.
      exerciseId: state.genesis.sessionId,
      title: s.title,
      /** The facilitator's own title for this exercise (e.g. "METI seminar A"), if any. */
      exerciseTitle: state.genesis.title,
      /** Whoever uses this code joins as an observer (it is the observer code). */
      observer: via === "observer_code",
      teams: s.teams
        .filter((t) => state.genesis.teams.includes(t.id))
        .map((t) => ({ id: t.id, name: t.name })),
    };
  }

  /**
   * Joins with a code. `address` is the caller's network address, when known: joins from one
   * address may take at most `placesPerAddress` of an exercise's places (one client with the
   * join code filled a room to its limit in a second, and real participants were refused).
   */
  async join(
    input: z.input<typeof JoinInput>,
    address?: string,
    /** The token this device already holds for the exercise, if any (the web sends it). */
    heldToken?: string | null,
  ): Promise<{ sessionId: string; participantId: string; token: string }> {
    const { sessionId, via } = await this.sessionForCode(input.joinCode);
    // Removal is a ban for that exercise: the removed person's device still holds the revoked
    // token, and a join from it is refused (before, they rejoined at once with the room code).
    if (typeof heldToken === "string" && heldToken.length >= 10) {
      const revoked = await this.store.participantForToken(revokedHash(hashToken(heldToken)));
      if (revoked?.sessionId === sessionId) throw removedError();
    }
    const share = address === undefined ? undefined : `${sessionId}|${address}`;
    const taken = share ? (this.placesTaken.get(share) ?? 0) : 0;
    if (taken >= this.limits.placesPerAddress)
      throw new AppError(
        "rate_limited",
        `joins from your network address already hold ${taken} places in this exercise (at most ${this.limits.placesPerAddress}); ask the facilitator`,
        { places: this.limits.placesPerAddress },
        `このネットワークアドレスからの参加がすでにこの演習の${taken}席を占めています（最大${this.limits.placesPerAddress}席）。ファシリテーターに相談してください`,
      );
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
        via,
        capacity: this.limits.membersPerExercise,
      },
      { actorId: participantId, credentials: { [participantId]: hash } },
    );
    if (share) {
      if (this.placesTaken.size > 100_000) this.placesTaken.clear();
      this.placesTaken.set(share, taken + 1);
    }
    return { sessionId, participantId, token };
  }

  /**
   * Who a token belongs to; an unknown token is refused. `forCommand`: the membership comes from
   * the state this process knows, without reading the log's tail — the command's own load reads
   * it, and decide takes the caller's role and team from that state, never from this answer.
   * Views, subscriptions and review reads identify on the state brought to the log's head.
   */
  async identify(token: unknown, forCommand = false): Promise<Caller> {
    if (typeof token !== "string" || token.length < 10)
      throw new AppError(
        "forbidden",
        "sign in first: no valid participant token was sent",
        undefined,
        "先に参加してください：有効な参加者トークンがありません",
      );
    let known = this.tokens.get(token);
    if (!known) {
      const hash = hashToken(token);
      known = await this.store.participantForToken(hash);
      if (!known) {
        if (await this.store.participantForToken(revokedHash(hash))) throw removedError();
        throw new AppError(
          "forbidden",
          "this participant token is not known (it may belong to a deleted exercise); join again",
          undefined,
          "この参加者トークンは登録されていません（演習が削除された可能性があります）。もう一度参加してください",
        );
      }
      if (this.tokens.size > 100_000) this.tokens.clear();
      this.tokens.set(token, known);
    }
    const state = await (forCommand
      ? this.runner.known(known.sessionId)
      : this.runner.read(known.sessionId));
    const member = state.members.get(known.participantId);
    if (!member) {
      this.tokens.delete(token);
      if (state.removed.has(known.participantId)) throw removedError();
      throw new Error(`participant ${known.participantId} has a token but no join event`);
    }
    const expired = this.expiredAt(state.endedAt);
    if (expired)
      throw new AppError(
        "forbidden",
        `this exercise ended over ${this.limits.tokenDaysAfterEnd} days ago (${expired}); its links have expired — ask the facilitator for the export`,
        undefined,
        `この演習は${this.limits.tokenDaysAfterEnd}日以上前（${expired}）に終了したため、リンクの有効期限が切れています。ファシリテーターにエクスポートを依頼してください`,
      );
    return { ...member, sessionId: known.sessionId };
  }

  /** The day the exercise ended, when that is longer ago than tokens live after the end. */
  private expiredAt(endedAt: string | null): string | undefined {
    if (!endedAt) return undefined;
    const lifeMs = this.limits.tokenDaysAfterEnd * 86_400_000;
    return this.now().getTime() - Date.parse(endedAt) > lifeMs ? endedAt.slice(0, 10) : undefined;
  }

  async view(token: unknown): Promise<ExerciseView> {
    const caller = await this.identify(token);
    return buildExerciseView(await this.runner.read(caller.sessionId), caller);
  }

  async lockDecision(token: unknown, input: LockDecisionInput) {
    const caller = await this.identify(token, true);
    const wait = this.locks.take(caller.participantId);
    if (wait)
      throw new AppError(
        "rate_limited",
        `too many locks: at most ${this.limits.locksPerMinute} a minute; try again in ${Math.ceil(wait / 1000)} s`,
        { retryAfterMs: wait },
        `決定の確定が多すぎます（1分あたり最大${this.limits.locksPerMinute}回）。${Math.ceil(wait / 1000)}秒後にもう一度お試しください`,
      );
    return this.commandAs(caller, input, (i: LockDecisionInput) => ({
      type: "lock",
      turn: i.turn,
      actions: i.actions,
    }));
  }
  async editDraft(token: unknown, input: EditDraftInput) {
    const caller = await this.identify(token, true);
    const wait = this.draftEdits.take(caller.participantId);
    if (wait)
      throw new AppError(
        "rate_limited",
        `too many draft edits: at most ${this.limits.draftEditsPerMinute} a minute; try again in ${Math.ceil(wait / 1000)} s`,
        { retryAfterMs: wait },
        `下書きの変更が多すぎます（1分あたり最大${this.limits.draftEditsPerMinute}回）。${Math.ceil(wait / 1000)}秒後にもう一度お試しください`,
      );
    return this.commandAs(caller, input, (i: EditDraftInput) => ({
      type: "edit_draft",
      turn: i.turn,
      lever: i.lever,
      actions: i.actions,
    }));
  }
  setResolutionMode(token: unknown, input: ResolutionModeInput) {
    return this.command(token, input, (i: ResolutionModeInput) => ({
      type: "set_resolution_mode",
      mode: i.mode,
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
  removeParticipant(token: unknown, input: RemoveParticipantInput) {
    return this.command(token, input, (i: RemoveParticipantInput) => ({
      type: "remove",
      participantId: i.participantId,
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
    return this.commandAs(await this.identify(token, true), input, toCommand);
  }

  /** The write path for a caller already identified (to count a rate limit first). */
  private async commandAs<I extends object>(
    caller: Caller,
    input: I,
    toCommand: (input: I) => Command,
  ): Promise<ExerciseView> {
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

  /**
   * The exercise a typed code opens, and which kind of code it is: the join code (6 characters)
   * or the observer code (the join code and 6 more). A wrong observer suffix is a wrong code.
   */
  private async sessionForCode(
    joinCode: string,
  ): Promise<{ sessionId: string; via: "join_code" | "observer_code" }> {
    const code = normaliseJoinCode(joinCode);
    const observer = isWellFormedObserverCode(code);
    if (!observer && !isWellFormedJoinCode(code))
      throw new AppError(
        "bad_join_code",
        `'${joinCode}' is not a join code: codes are 6 letters and digits, like K7M2QX`,
        undefined,
        `「${joinCode}」は参加コードではありません。参加コードはK7M2QXのような6文字の英数字です`,
      );
    const id = await this.store.sessionIdForJoinCode(code.slice(0, JOIN_CODE_LENGTH));
    const wrong = () =>
      new AppError(
        "bad_join_code",
        `no exercise uses the ${observer ? "observer code" : "join code"} '${code}'; check it with your facilitator`,
        undefined,
        `コード「${code}」の演習はありません。ファシリテーターに確認してください`,
      );
    if (!id) throw wrong();
    if (observer && (await this.runner.read(id)).genesis.observerCode !== code) throw wrong();
    return { sessionId: id, via: observer ? "observer_code" : "join_code" };
  }
}

function removedError(): AppError {
  return new AppError(
    "forbidden",
    "the facilitator removed you from this exercise",
    undefined,
    "ファシリテーターによりこの演習から退出させられました",
  );
}
