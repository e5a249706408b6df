import { createHash } from "node:crypto";
import { AppError, isAppError, type LogEvent, refusal } from "@chokepoint/contracts";
import {
  type ExerciseStore,
  isLibraryId,
  type SessionHeader,
  type StoredEvent,
} from "@chokepoint/db";
import { stateHash } from "@chokepoint/engine";
import {
  type Actor,
  type Command,
  decide,
  type ExerciseState,
  evolve,
  foldLog,
  type Genesis,
  initialExerciseState,
  type Recorded,
  snapshotText,
  stateFromSnapshot,
} from "../core/index.ts";
import { DEFAULT_LIMITS } from "../limits.ts";
import type { CatalogEntry, ScenarioCatalog } from "../scenario-catalog.ts";
import { KeyedQueue } from "./keyed-queue.ts";
import { logPages, yieldEvery } from "./log-pages.ts";
import { Lru } from "./rate-limit.ts";

/** Decide-and-append attempts when other processes keep storing first. */
const CONFLICT_ATTEMPTS = 3;

export interface Written {
  /** The state before the command and after it. */
  before: ExerciseState;
  state: ExerciseState;
  /** The events this command stored (empty for a no-op or a retried command). */
  events: LogEvent[];
  /** When they were stored (epoch ms; null when nothing was). */
  atMs: number | null;
  /**
   * Stored by another process and found by a catch-up read. It may have died before pushing
   * them, so this process pushes the change too (clients drop a version they already hold).
   */
  foreign?: boolean;
}

export interface WriteOptions {
  actorId?: string | null;
  idempotencyKey?: string | null;
  /** Token hashes of joining participants. */
  credentials?: Record<string, string>;
  /**
   * The edge's own checks on the state the command is decided on (a token's expiry, a rate
   * limit), run in the exercise's queue just before `decide`: a command reads its exercise
   * once, and the caller is admitted on exactly the state that decides it. Throws to refuse.
   */
  admit?: (state: ExerciseState) => void;
}

/**
 * The one write path of every exercise (live commands, joins, timers, import, fork, branch
 * runs, the CLI): queue → load → decide → append → evolve. Commands on one exercise are
 * decided one at a time; the cache holds each exercise's folded state, is brought up to the
 * log's head before each use, and is dropped whenever a write fails, so the next command reloads.
 *
 * Pipelined: a command leaves the exercise's queue once its events are handed to the store,
 * not once they are durable, so the next command of the same exercise is decided on top of it
 * and both can share one group commit (16 locks on one exercise took 16 commits one after the
 * other). Durability is still what answers: the caller, the pushes and every `read` wait for
 * the exercise's appends to commit. Should one fail, the cache is dropped and the commands
 * decided on top of it fail their head check (a sequence conflict) and are decided again.
 */
export class ExerciseRunner {
  /**
   * Folded states of the exercises in use, least recently used dropped beyond the limit (an
   * idle exercise is folded again from its log when next read). `loaded` remembers which were
   * ever loaded in this process, so a reload after eviction does not re-arm a turn timer.
   */
  private readonly cache: Lru<ExerciseState>;
  private readonly loaded = new Set<string>();
  private readonly queue = new KeyedQueue();
  /** Per exercise, the last append handed to the store: true once durable, false if it failed. */
  private readonly pending = new Map<string, Promise<boolean>>();
  /**
   * Called after each stored change, outside the queue (pushes, timers); and inside it for a
   * change another process stored (`foreign`), before this process decides on top of it.
   */
  onChange: (w: Written) => void = () => {};
  /** Called when an exercise is folded from its log (e.g. after a restart: re-arm its timer). */
  onLoad: (s: ExerciseState) => void = () => {};
  /**
   * Events folded past an exercise's stored snapshot before a new one is written (when the
   * store keeps them): a reload then folds at most about this many events.
   */
  snapshotEvery = DEFAULT_LIMITS.foldSnapshotEvents;
  /** Per exercise, the seq of its latest stored snapshot as this process knows it. */
  private readonly snapshotSeq: Lru<number>;
  /**
   * On (as before; benchmarks compare): every command reads the log's tail before it is
   * decided. Off: a command is decided on the cached state and appended at the seq it expects;
   * the store refuses a stale writer (another process stored that seq first: the unique index
   * on PostgreSQL, the head check on SQLite), the cache is dropped and the command decided
   * again on the log as stored, so a command is applied once or refused on the current state.
   * That tail read was one statement per command on SQLite — where one process is the only
   * writer, it found nothing — and one round trip per command on PostgreSQL.
   */
  tailReadPerCommand = false;
  /** Per exercise, its commands between their arrival and their answer (its push waits for them). */
  private readonly inFlight = new Map<string, number>();
  commandsInFlight(sessionId: string): number {
    return this.inFlight.get(sessionId) ?? 0;
  }

  constructor(
    readonly store: ExerciseStore,
    readonly catalog: ScenarioCatalog,
    private readonly now: () => Date = () => new Date(),
    inMemory = DEFAULT_LIMITS.exercisesInMemory,
    /** Off: an exercise's next command waits for this one's commit, as before (benchmarks compare). */
    private readonly pipelined = true,
  ) {
    this.cache = new Lru(inMemory);
    this.snapshotSeq = new Lru(inMemory);
  }

  /**
   * The exercise's current state (from the cache, or folded from its log), once every event in
   * it is durable: a view never shows a command that could still be lost.
   */
  async read(sessionId: string): Promise<ExerciseState> {
    for (;;) {
      const state = await this.queue.run(sessionId, () => this.load(sessionId));
      const pending = this.pending.get(sessionId);
      // A failed append dropped the cache: fold again from what the log holds.
      if (!pending || (await pending)) return state;
    }
  }

  /**
   * The state as this process last knew it, without reading the log's tail (`read` does): for
   * identifying a caller before a command, whose own load catches up before it decides — a
   * member another process removed meanwhile is refused there. Every event in it is durable.
   */
  async known(sessionId: string): Promise<ExerciseState> {
    const cached = this.cache.get(sessionId);
    const pending = this.pending.get(sessionId);
    if (!cached || (pending && !(await pending))) return this.read(sessionId);
    return cached;
  }

  /**
   * Decides a command and stores its events; a refusal (AppError) is thrown and writes nothing.
   * When another process stored an event first (several servers on one database, e.g. just
   * after the balancer moved an exercise to a new owner), the command is decided again on the
   * log as it now is, a few times, before the conflict reaches the caller.
   */
  async execute(
    sessionId: string,
    caller: Actor,
    command: Command,
    opts: WriteOptions = {},
  ): Promise<Written> {
    this.inFlight.set(sessionId, this.commandsInFlight(sessionId) + 1);
    let counted = true;
    const answered = () => {
      if (!counted) return;
      counted = false;
      const left = this.commandsInFlight(sessionId) - 1;
      if (left > 0) this.inFlight.set(sessionId, left);
      else this.inFlight.delete(sessionId);
    };
    try {
      for (let attempt = 1; ; attempt++) {
        try {
          const staged = await this.queue.run(sessionId, async () => {
            const w = await this.write(sessionId, caller, command, opts);
            // Not pipelined (benchmarks compare): the exercise's next command waits for this commit.
            if (!this.pipelined) await w.settled;
            return w;
          });
          const written = await staged.finish();
          // Answered: its own push need not wait for it.
          answered();
          if (written.events.length) this.onChange(written);
          return written;
        } catch (e) {
          if (attempt >= CONFLICT_ATTEMPTS || !isAppError(e, "sequence_conflict")) throw e;
        }
      }
    } finally {
      answered();
    }
  }

  private async write(
    sessionId: string,
    caller: Actor,
    command: Command,
    opts: WriteOptions,
  ): Promise<Staged> {
    let state = await this.load(sessionId, this.tailReadPerCommand);
    let decided = decideOn(state, caller, command, opts);
    // Refused on the cached state: that state may be stale (another process moved the
    // exercise on — started it, opened the turn), so the refusal stands only once the log's
    // tail is read and the command decided again on it. Refusals are rare; reads stay off the
    // common path.
    if (!this.tailReadPerCommand && refused(decided)) {
      const fresh = await this.catchUp(sessionId, state);
      if (fresh !== state) {
        state = fresh;
        decided = decideOn(state, caller, command, opts);
      }
    }
    if ("edge" in decided) throw decided.edge;
    const { events } = decided;
    if (events instanceof AppError) {
      // A retry of a command that was stored before its answer was lost (a crash, a dropped
      // connection) is decided against a state that already holds it and may be refused (the
      // turn it locked has since resolved): the stored command is its answer, not the refusal.
      const key = storedKey(caller, opts);
      const stored = key ? await this.store.storedCommand(sessionId, key) : undefined;
      if (!stored) throw events;
      // The key is bound to its command: another command sent with it is refused as such, not
      // answered with the earlier command's result.
      if (!sameCommand(command, stored))
        throw refusal("idempotency_key_reused", {
          key: opts.idempotencyKey ?? "",
          command: stored.type,
        });
      return done({ before: state, state, events: [], atMs: null });
    }
    if (!events.length) return done({ before: state, state, events, atMs: null });
    const at = this.now();
    let next = state;
    const snapshots: { turn: number; seq: number; stateHash: string; state: unknown }[] = [];
    for (const event of events) {
      next = evolve(next, {
        seq: next.seq + 1,
        event,
        at: at.toISOString(),
        atMs: at.getTime(),
        actorId: opts.actorId ?? caller.participantId,
      });
      // The state as it was live after this turn, for the review to check replays against.
      if (event.type === "turn_resolved")
        snapshots.push({
          turn: event.turn,
          seq: next.seq,
          stateHash: stateHash(next.engine),
          state: next.engine,
        });
    }
    const appended = this.store.append({
      sessionId,
      expectedSeq: state.seq,
      events,
      actorId: opts.actorId ?? caller.participantId,
      idempotencyKey: storedKey(caller, opts),
      at,
      ...(opts.credentials ? { credentials: opts.credentials } : {}),
      snapshots,
    });
    // Decided on, not yet durable: the next command of this exercise builds on it.
    this.cache.set(sessionId, next);
    // Settled before anyone else hears of the outcome: a failed append (or a retried command,
    // whose events the cache holds as if new) drops the cache at once, so no later load uses it.
    const settle = (ok: boolean): boolean => {
      if (!ok) this.cache.delete(sessionId);
      if (this.pending.get(sessionId) === durable) this.pending.delete(sessionId);
      return ok;
    };
    const durable: Promise<boolean> = appended.then(
      (r) => settle(!r.duplicate),
      () => settle(false),
    );
    // Durable states only are written as snapshots.
    void durable.then((ok) => ok && this.maybeSnapshot(next));
    this.pending.set(sessionId, durable);
    return {
      settled: durable,
      finish: async () => {
        const r = await appended;
        if (!r.duplicate) return { before: state, state: next, events, atMs: at.getTime() };
        // A retry of a stored command: answer with the state as it is, store nothing.
        const now = await this.read(sessionId);
        return { before: now, state: now, events: [], atMs: null };
      },
    };
  }

  /** Drops an exercise's cached state (its header changed, e.g. it was published). */
  forget(sessionId: string): void {
    this.cache.delete(sessionId);
  }

  /**
   * Its header changed (published: join and observer codes): the cached state takes the new
   * genesis without refolding the log — refolding a 40,000-event import in one go held the
   * event loop for a second.
   */
  async refreshHeader(sessionId: string): Promise<void> {
    const cached = this.cache.get(sessionId);
    if (!cached) return;
    this.cache.set(sessionId, { ...cached, genesis: await this.genesis(sessionId) });
  }

  /** The exercise's state; a cached one brought up to the log's head first unless `tail` is off. */
  private async load(sessionId: string, tail = true): Promise<ExerciseState> {
    const cached = this.cache.get(sessionId);
    if (cached) return tail ? this.catchUp(sessionId, cached) : cached;
    const genesis = await this.genesis(sessionId);
    // From the latest snapshot when there is a sound one, then the log after it, folded page by
    // page: a refold after eviction must not hold the loop for a long log. (Other commands of
    // this exercise wait in its queue; other exercises' run between pages.)
    let state = (await this.fromSnapshot(genesis)) ?? initialExerciseState(genesis);
    for await (const page of logPages(this.store, sessionId, state.seq + 1))
      state = foldLog(state, page.map(recorded));
    await this.rebuildMissingSnapshots(genesis, state.engine.results.length);
    this.cache.set(sessionId, state);
    this.maybeSnapshot(state);
    if (!this.loaded.has(sessionId)) {
      this.loaded.add(sessionId);
      this.onLoad(state);
    }
    return state;
  }

  /**
   * The exercise's stored snapshot as a state, or undefined if there is none or it cannot be
   * trusted: its text does not match its hash (damaged), it is of another format or shape (an
   * old one), or the log has no event at its seq. The log is then folded from the start.
   */
  private async fromSnapshot(genesis: Genesis): Promise<ExerciseState | undefined> {
    const row = await this.store.latestFold?.(genesis.sessionId);
    if (!row) return undefined;
    const state =
      sha256(row.state) === row.hash ? stateFromSnapshot(genesis, row.state, row.seq) : null;
    const [at] = state ? await this.store.readLog(genesis.sessionId, row.seq, 1) : [];
    if (!state || at?.seq !== row.seq) {
      console.warn(
        `exercise ${genesis.sessionId}: its snapshot at event ${row.seq} is damaged or old; folding the whole log`,
      );
      return undefined;
    }
    this.snapshotSeq.set(genesis.sessionId, row.seq);
    return state;
  }

  /** Stores the state as the exercise's snapshot once it is `snapshotEvery` events past the last. */
  private maybeSnapshot(state: ExerciseState): void {
    const id = state.genesis.sessionId;
    if (!this.store.putFold || state.seq - (this.snapshotSeq.get(id) ?? 0) < this.snapshotEvery)
      return;
    this.snapshotSeq.set(id, state.seq);
    const text = snapshotText(state);
    this.store.putFold(id, { seq: state.seq, hash: sha256(text), state: text }).catch((e) => {
      // A cache: the next reload folds more of the log, nothing is lost.
      this.snapshotSeq.delete(id);
      console.warn(
        `exercise ${id}: snapshot at event ${state.seq} not stored: ${(e as Error).message}`,
      );
    });
  }

  /**
   * Snapshots are a cache of the state after each turn (the review checks replays against
   * them). A crash between a turn's events and its snapshot, or an older store, can leave one
   * missing: rebuild it from the log (read again, in pages) rather than leave a hole in the review.
   */
  private async rebuildMissingSnapshots(genesis: Genesis, resolvedTurns: number): Promise<void> {
    if (!resolvedTurns) return;
    const have = new Set((await this.store.snapshotHashes(genesis.sessionId)).map((s) => s.turn));
    if (have.size >= resolvedTurns) return;
    const missing: NonNullable<Parameters<ExerciseStore["putSnapshots"]>[1]> = [];
    let s = initialExerciseState(genesis);
    const since = { t: performance.now() };
    for await (const page of logPages(this.store, genesis.sessionId))
      for (const r of page.map(recorded)) {
        await yieldEvery(since);
        s = evolve(s, r);
        if (r.event.type === "turn_resolved" && !have.has(r.event.turn))
          missing.push({
            turn: r.event.turn,
            seq: r.seq,
            stateHash: stateHash(s.engine),
            state: s.engine,
          });
      }
    if (missing.length) await this.store.putSnapshots(genesis.sessionId, missing);
  }

  /**
   * The cached state, with whatever another process stored since it was folded. With several
   * server processes on one database an exercise's owner can change (a process dies, the
   * balancer re-hashes); the one that cached it earlier must not decide on its stale copy
   * (it refused a lock as "exercise is lobby"). One indexed read of the log's tail (usually
   * empty) per command keeps every process current.
   */
  private async catchUp(sessionId: string, cached: ExerciseState): Promise<ExerciseState> {
    const newer = await this.store.readLog(sessionId, cached.seq + 1);
    if (!newer.length) return cached;
    const state = foldLog(cached, newer.map(recorded));
    this.cache.set(sessionId, state);
    this.onChange({
      before: cached,
      state,
      events: newer.map((e) => e.event),
      atMs: newer.at(-1)?.createdAt.getTime() ?? null,
      foreign: true,
    });
    return state;
  }

  private async genesis(sessionId: string): Promise<Genesis> {
    const h = await this.store.header(sessionId);
    // A library scenario: the very version the exercise was made with (kept after any edit).
    if (isLibraryId(h.scenarioId))
      return this.genesisFrom(h, await this.catalog.resolve(h.scenarioId, h.scenarioVersion));
    const entry = this.catalog.get(h.scenarioId);
    if (!entry) throw refusal("scenario_missing", { sessionId, scenarioId: h.scenarioId });
    if (entry.scenario.version !== h.scenarioVersion)
      // Replaying on another version could diverge silently; refuse loudly instead.
      throw new Error(
        `exercise ${sessionId} was run on ${h.scenarioId} ${h.scenarioVersion}, but this server has ${entry.scenario.version}`,
      );
    return this.genesisFrom(h, entry);
  }

  private genesisFrom(h: SessionHeader, entry: CatalogEntry): Genesis {
    return {
      sessionId: h.sessionId,
      joinCode: h.joinCode,
      observerCode: h.observerCode,
      title: h.title,
      turnTimerSeconds: h.turnTimerSeconds,
      scenario: entry.scenario,
      model: entry.model,
      teams: h.teams,
      seed: h.seed,
      facilitator: { ...h.facilitator, role: "facilitator", team: null },
      unverified: h.unverified,
    };
  }
}

/** The edge's checks (`admit`: what they throw) and then the core's decision on one state. */
type Decided = { edge: unknown } | { events: LogEvent[] | AppError };

function decideOn(
  state: ExerciseState,
  caller: Actor,
  command: Command,
  opts: WriteOptions,
): Decided {
  try {
    opts.admit?.(state);
  } catch (e) {
    return { edge: e };
  }
  return { events: decide(state, caller, command) };
}

/** Refused by the edge or the core (anything else an edge throws is no refusal). */
const refused = (d: Decided): boolean =>
  "edge" in d ? isAppError(d.edge) : d.events instanceof AppError;

/** A decided command: `finish` answers once it is durable; `settled` whether it became so. */
interface Staged {
  settled: Promise<unknown>;
  finish: () => Promise<Written>;
}

const done = (w: Written): Staged => ({ settled: Promise.resolve(), finish: async () => w });

/** The stored idempotency key of a command: per participant, so two people's keys never meet. */
function storedKey(caller: Actor, opts: WriteOptions): string | null {
  return opts.idempotencyKey && caller.participantId
    ? `${caller.participantId}:${opts.idempotencyKey}`
    : null;
}

/**
 * Whether a command is the one that stored `event`: every field they share (a lock's turn and
 * actions and its `decisions_locked`'s, an override's target and reason…) is equal. A command
 * sharing no field with its event (start, pause) cannot be told apart this way and is taken as
 * the same, as before.
 */
function sameCommand(command: Command, event: LogEvent): boolean {
  const c = command as Record<string, unknown>;
  const e = event as Record<string, unknown>;
  for (const k of Object.keys(c))
    if (k !== "type" && k in e && JSON.stringify(c[k]) !== JSON.stringify(e[k])) return false;
  return true;
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

export function recorded(e: StoredEvent): Recorded {
  return {
    seq: e.seq,
    event: e.event,
    at: e.createdAt.toISOString(),
    atMs: e.createdAt.getTime(),
    actorId: e.actorId,
  };
}
