import {
  AppError,
  COMMANDS,
  type Command,
  type CommandInput,
  type CommandTable,
  type CreateExerciseInput,
  isAppError,
  type JoinInput,
  type JoinOptionsInput,
  type PlayReceipt,
  type PublishedCommand,
  refusal,
} from "@chokepoint/contracts";
import {
  type ExerciseStore,
  hashToken,
  isLibraryId,
  isWellFormedJoinCode,
  isWellFormedObserverCode,
  JOIN_CODE_LENGTH,
  newId,
  newToken,
  normaliseJoinCode,
  revokedHash,
} from "@chokepoint/db";
import type { z } from "zod";
import {
  audienceOf,
  buildExerciseView,
  type ExerciseState,
  type ExerciseView,
  type Member,
  memberOrRefusal,
  versionFor,
} from "../core/index.ts";
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

/** Whose a token is: known from the store's token index, before the exercise is read. */
interface TokenOwner {
  sessionId: string;
  participantId: string;
}

type PublishedSpec = CommandTable[PublishedCommand];

/** A note's receipt (review notes), or what a play command answers as `P`. */
type Answer<K extends PublishedCommand, P> = CommandTable[K] extends {
  receipt: (...args: never[]) => infer R;
}
  ? R
  : P;

/** What a published command answers in process (`execute`): the caller's view, or a note's receipt. */
export type CommandAnswer<K extends PublishedCommand> = Answer<K, ExerciseView>;

/** What a published command answers on the wire (`send`): its `PlayReceipt`, or a note's receipt. */
export type CommandReceipt<K extends PublishedCommand> = Answer<K, PlayReceipt>;

/**
 * The live exercise's edge: identify the caller, parse the input, hand the command to the one
 * write path (queue → load → decide → append → evolve), answer with a receipt (the version the
 * caller's view reaches), then push each audience its view. The rules themselves live in the
 * pure core (`../core`).
 */
export class ExerciseService {
  readonly runner: ExerciseRunner;
  /** Token → who it is, so a command costs no database read to authenticate. */
  private readonly tokens = new Map<string, TokenOwner>();
  readonly timers: TurnTimers;
  private readonly effects: AfterChange;

  private readonly limits: Limits;
  private readonly now: () => Date;
  /** Draft edits and locks per participant (each is a stored event), checked as they are decided. */
  private readonly rateLimits: Partial<Record<PublishedCommand, (participantId: string) => void>>;
  /** `send` answers whole views, as before receipts (benchmarks compare). */
  private readonly wholeViewAnswers: boolean;
  /** Places taken per exercise and network address (joins in this process). */
  private readonly placesTaken = new Map<string, number>();

  constructor(
    store: ExerciseStore,
    readonly catalog: ScenarioCatalog,
    broadcaster: Broadcaster = silentBroadcaster,
    timers?: TurnTimers,
    opts: {
      limits?: Limits;
      now?: () => Date;
      pipelined?: boolean;
      /** At most one push per exercise in this many ms (`AfterChange`); 0: each loop turn. */
      pushEveryMs?: number;
      /** `send` answers the caller's whole view, as before receipts (benchmarks compare). */
      wholeViewAnswers?: boolean;
      /** Each command reads the log's tail first, as before (`ExerciseRunner.tailReadPerCommand`). */
      tailReadPerCommand?: boolean;
      /** A push waits up to this many ms while its exercise's commands await answers; 0: never. */
      pushDeferMs?: number;
    } = {},
  ) {
    this.limits = opts.limits ?? DEFAULT_LIMITS;
    this.wholeViewAnswers = opts.wholeViewAnswers ?? false;
    this.now = opts.now ?? (() => new Date());
    const clock = () => this.now().getTime();
    const { draftEditsPerMinute, locksPerMinute } = this.limits;
    this.rateLimits = {
      lock: this.limited(
        "too_many_locks",
        new RateLimit(locksPerMinute, 60_000, clock),
        locksPerMinute,
      ),
      edit_draft: this.limited(
        "too_many_draft_edits",
        new RateLimit(draftEditsPerMinute, 60_000, clock),
        draftEditsPerMinute,
      ),
    };
    this.runner = new ExerciseRunner(
      store,
      catalog,
      this.now,
      this.limits.exercisesInMemory,
      opts.pipelined ?? true,
    );
    this.runner.snapshotEvery = this.limits.foldSnapshotEvents;
    this.runner.tailReadPerCommand = opts.tailReadPerCommand ?? false;
    this.timers = timers ?? new TurnTimers();
    this.effects = new AfterChange(
      this.runner,
      this.timers,
      broadcaster,
      undefined,
      opts.pushEveryMs ?? 0,
      opts.pushDeferMs ?? 0,
    );
    this.runner.onChange = (w) => this.effects.changed(w);
    this.runner.onLoad = (s) => this.effects.armTimer(s);
  }

  get store(): ExerciseStore {
    return this.runner.store;
  }

  listScenarios() {
    return this.catalog.summaries();
  }

  async createExercise(input: CreateExerciseInput) {
    const entry = await this.catalog.resolve(input.scenarioId, input.libraryVersion);
    const known = entry.scenario.teams.map((t) => t.id);
    // Each team once: a repeated id failed the teams' unique keys in the database, a 500.
    const teams = [...new Set(input.teams ?? known)];
    const unknown = teams.filter((t) => !known.includes(t));
    if (unknown.length)
      throw refusal("unknown_teams", { scenario: entry.scenario.id, unknown, teams: known });
    const r = await this.store.create({
      // A library scenario is stored by its library id and version number: the exercise
      // replays on that version whatever is saved later.
      scenarioId: isLibraryId(input.scenarioId) ? input.scenarioId : entry.scenario.id,
      scenarioVersion: entry.version,
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
    if (state.status === "ended") throw refusal("no_open_exercise", { joinCode });
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
   * The exercise a device's held token was removed from, if it is a removed participant's
   * (a revoked token): joins carrying it are refused, here and through a seminar's room code.
   */
  async removedFrom(heldToken: unknown): Promise<string | undefined> {
    if (typeof heldToken !== "string" || heldToken.length < 10) return undefined;
    return (await this.store.participantForToken(revokedHash(hashToken(heldToken))))?.sessionId;
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
    if ((await this.removedFrom(heldToken)) === sessionId)
      throw refusal("removed_from_exercise", {});
    const share = address === undefined ? undefined : `${sessionId}|${address}`;
    const taken = share ? (this.placesTaken.get(share) ?? 0) : 0;
    if (taken >= this.limits.placesPerAddress)
      throw refusal("places_per_address", { taken, places: this.limits.placesPerAddress });
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
   * Who a token belongs to (exercise and participant) without reading the exercise: from this
   * process's memory, or the store's token index the first time. An unknown or revoked token
   * is refused here; whether its member is still in the exercise is the core's rule.
   */
  private async tokenOwner(token: unknown): Promise<TokenOwner> {
    if (typeof token !== "string" || token.length < 10) throw refusal("no_token", {});
    const known = this.tokens.get(token);
    if (known) return known;
    const hash = hashToken(token);
    const found = await this.store.participantForToken(hash);
    if (!found) {
      if (await this.store.participantForToken(revokedHash(hash)))
        throw refusal("removed_from_exercise", {});
      throw refusal("unknown_token", {});
    }
    if (this.tokens.size > 100_000) this.tokens.clear();
    this.tokens.set(token, found);
    return found;
  }

  /** The edge's check on the state a token's call is answered from: its links have not expired. */
  private checkExpiry(state: ExerciseState): void {
    const expired = this.expiredAt(state.endedAt);
    if (expired)
      throw refusal("token_expired", { days: this.limits.tokenDaysAfterEnd, ended: expired });
  }

  /**
   * The caller's exercise and member, read once: the token's owner, the exercise's state (one
   * queue hop, one catch-up read) and the member it holds, or the core's refusal.
   */
  async open(token: unknown): Promise<{ caller: Caller; state: ExerciseState }> {
    const owner = await this.tokenOwner(token);
    const state = await this.runner.read(owner.sessionId);
    const member = memberOrRefusal(state, { participantId: owner.participantId });
    if (member instanceof AppError) throw this.forgetToken(token, member);
    this.checkExpiry(state);
    return { caller: { ...member, sessionId: owner.sessionId }, state };
  }

  /** Who a token belongs to; an unknown token is refused. */
  async identify(token: unknown): Promise<Caller> {
    return (await this.open(token)).caller;
  }

  /** The day the exercise ended, when that is longer ago than tokens live after the end. */
  private expiredAt(endedAt: string | null): string | undefined {
    if (!endedAt) return undefined;
    const lifeMs = this.limits.tokenDaysAfterEnd * 86_400_000;
    return this.now().getTime() - Date.parse(endedAt) > lifeMs ? endedAt.slice(0, 10) : undefined;
  }

  async view(token: unknown): Promise<ExerciseView> {
    const { caller, state } = await this.open(token);
    return buildExerciseView(state, caller);
  }

  /**
   * Any command a client sends (the contracts' `COMMANDS` table), as the wire answers it: one
   * pass through the write path (`apply`), then the caller's `PlayReceipt` — the version its
   * view reaches and the open turn — or a review command's receipt. The view itself goes out
   * once per audience with the push; building and serialising it again for each caller made
   * everyone locking at once cost a whole view per lock.
   */
  async send<K extends PublishedCommand>(
    name: K,
    token: unknown,
    input: CommandInput<K>,
  ): Promise<CommandReceipt<K>> {
    const done = await this.apply(name, token, input);
    if ("receipt" in done) return done.receipt as CommandReceipt<K>;
    const { state, me } = done;
    if (this.wholeViewAnswers) return buildExerciseView(state, me) as never;
    return {
      version: versionFor(state, audienceOf(me)),
      turn: state.engine.turn,
    } as CommandReceipt<K>;
  }

  /**
   * The same pass, answered with the caller's whole view (or a note's receipt): for callers in
   * this process (the CLI, tests) that read the outcome from the view.
   */
  async execute<K extends PublishedCommand>(
    name: K,
    token: unknown,
    input: CommandInput<K>,
  ): Promise<CommandAnswer<K>> {
    const done = await this.apply(name, token, input);
    if ("receipt" in done) return done.receipt as CommandAnswer<K>;
    return buildExerciseView(done.state, done.me) as CommandAnswer<K>;
  }

  /**
   * The token's owner, then one pass through the write path — one queue hop, one read of the
   * log's tail, the edge's checks (expiry, rate limit) and the core's `decide` on that state.
   * The input was parsed at the edge.
   */
  private async apply<K extends PublishedCommand>(
    name: K,
    token: unknown,
    input: CommandInput<K>,
  ): Promise<{ receipt: unknown } | { state: ExerciseState; me: Member }> {
    const spec: PublishedSpec = COMMANDS[name];
    const owner = await this.tokenOwner(token);
    const { idempotencyKey, ...payload } = input as { idempotencyKey?: string };
    const command = {
      type: name,
      ...payload,
      ...(spec.stamped ? { at: this.now().toISOString() } : {}),
    } as Command;
    const limit = this.rateLimits[name];
    let counted = false;
    const written = await this.runner
      .execute(owner.sessionId, { participantId: owner.participantId }, command, {
        idempotencyKey: idempotencyKey ?? null,
        admit: (state) => {
          this.checkExpiry(state);
          // Counted once per call, also when a conflict with another process decides it again.
          if (limit && !counted) limit(owner.participantId);
          counted = true;
        },
      })
      .catch((e: unknown) => {
        throw this.forgetToken(token, e);
      });
    if (spec.kind === "note") {
      const receipt = spec.receipt as (input: unknown, stored: boolean) => unknown;
      return { receipt: receipt(input, written.events.length > 0) };
    }
    const { state } = written;
    const me = state.members.get(owner.participantId);
    if (!me) throw new Error(`participant ${owner.participantId} was admitted but is no member`);
    return { state, me };
  }

  /** A removed member's token is dropped from memory (the store has revoked it already). */
  private forgetToken(token: unknown, e: unknown): unknown {
    const reason = isAppError(e) ? (e.details as { reason?: string } | undefined)?.reason : null;
    if (reason === "removed_from_exercise") this.tokens.delete(token as string);
    return e;
  }

  /** A per-participant rate limit as a check that refuses with the catalogue's reason. */
  private limited(
    reason: "too_many_locks" | "too_many_draft_edits",
    limit: RateLimit,
    perMinute: number,
  ): (participantId: string) => void {
    return (participantId) => {
      const wait = limit.take(participantId);
      if (wait)
        throw refusal(
          reason,
          { perMinute, seconds: Math.ceil(wait / 1000) },
          { retryAfterMs: wait },
        );
    };
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
    if (!observer && !isWellFormedJoinCode(code)) throw refusal("not_a_join_code", { joinCode });
    const id = await this.store.sessionIdForJoinCode(code.slice(0, JOIN_CODE_LENGTH));
    const wrong = () => refusal(observer ? "unknown_observer_code" : "unknown_join_code", { code });
    if (!id) throw wrong();
    if (observer && (await this.runner.read(id)).genesis.observerCode !== code) throw wrong();
    return { sessionId: id, via: observer ? "observer_code" : "join_code" };
  }
}
