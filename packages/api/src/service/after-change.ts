import {
  audiencesOf,
  audienceView,
  buildExerciseView,
  type ExerciseState,
  type ExerciseView,
  msLeft,
  versionFor,
} from "../core/index.ts";
import type { Broadcaster } from "./broadcaster.ts";
import type { ExerciseRunner, Written } from "./exercise-runner.ts";
import type { TurnTimers } from "./turn-timers.ts";

/** How often a push held back for its exercise's answers looks again whether they are all out. */
const BUSY_RECHECK_MS = 10;

/**
 * What follows a stored change, outside the exercise's queue: each audience is pushed its view
 * (built once, from the new state — the transport never calls back), messages and team moves
 * are sent, and the turn timer is set or cleared. A timer's expiry is a command like any other.
 */
export class AfterChange {
  constructor(
    private readonly runner: ExerciseRunner,
    private readonly timers: TurnTimers,
    private readonly broadcaster: Broadcaster,
    private readonly now: () => number = Date.now,
    /**
     * At most one push per exercise in this many ms (0: every turn of the event loop). A push
     * goes at once when the exercise has been quiet that long, so quiet play waits for nothing;
     * in a burst the changes of the window go out as one. Everyone locking at once pushed each
     * exercise's 20 sockets about once per lock: socket.io's encode and one write per socket
     * were a fifth of the server's busy time, and every client parsed each view.
     */
    private readonly pushEveryMs = 0,
    /**
     * While an exercise has commands waiting for their answers, its push waits for them, up to
     * this many ms after its first unsent change (0: never), and takes in their changes. In
     * everyone-locking-at-once each exercise pushed all its 20 sockets every window while most
     * of its 16 locks were still unanswered: the writes and views of those pushes were a fifth
     * of the server's busy time, taken from the answers. A lone command (quiet play, one
     * facilitator's advance) has been answered when its change arrives here: nothing waits.
     */
    private readonly deferWhileBusyMs = 0,
  ) {}

  /** When each exercise's last push left (for `pushEveryMs`). */
  private readonly lastPush = new Map<string, number>();

  /**
   * Changes of an exercise whose views are not pushed yet: from the first one's state before to
   * the last one's state after. Everyone locking at once stored 16 locks per exercise in one
   * group commit, and pushing each built and sent every audience's view 16 times (and the
   * clients parsed them): the changes of one turn of the event loop go out as one push.
   */
  private readonly unsent = new Map<
    string,
    {
      before: ExerciseState;
      state: ExerciseState;
      since: number;
      /** A change came while other commands of the exercise were unanswered: wait for them. */
      behind: boolean;
    }
  >();

  /** After a stored change: push each audience its view, the messages and the moves; set timers. */
  changed({ state, events, before, atMs, foreign }: Written): void {
    const id = state.genesis.sessionId;
    this.pushSoon(id, before, state);
    for (const e of events) {
      // Another process's message was sent by it, and is in every view pushed above anyway.
      if (e.type === "message_broadcast" && !foreign) {
        const m = state.messages.at(-1);
        if (m) this.broadcaster.message(id, m);
      }
      const member = e.type === "participant_moved" && state.members.get(e.participantId);
      if (member)
        this.broadcaster.memberChanged(
          id,
          member,
          buildExerciseView(state, member),
          state.genesis.teams,
        );
      if (e.type === "participant_removed") this.broadcaster.memberRemoved(id, e.participantId);
    }
    if (state.status !== "running") this.timers.clear(id);
    else if (
      events.some((e) =>
        ["turn_resolved", "session_started", "session_resumed", "turn_extended"].includes(e.type),
      )
    )
      // Measured from the write, so a turn that just opened gets exactly its full time.
      this.armTimer(state, atMs ?? this.now());
  }

  private pushSoon(id: string, before: ExerciseState, state: ExerciseState): void {
    // Its own command is answered already: others in flight arrived before this change was
    // pushed. A command sent after it (the next lock in quiet play) does not hold it back.
    const behind = this.runner.commandsInFlight(id) > 0;
    const waiting = this.unsent.get(id);
    if (waiting) {
      if (state.seq > waiting.state.seq) waiting.state = state;
      waiting.behind ||= behind;
      return;
    }
    this.unsent.set(id, { before, state, since: performance.now(), behind });
    const send = () => {
      const change = this.unsent.get(id);
      if (!change) return;
      if (this.waitsForAnswers(id, change)) {
        setTimeout(send, BUSY_RECHECK_MS);
        return;
      }
      if (this.deferWhileBusyMs > 0) return this.oneAtATime(id);
      this.sendNow(id, change);
    };
    const wait = this.pushEveryMs - (performance.now() - (this.lastPush.get(id) ?? -Infinity));
    if (wait <= 0) {
      setImmediate(send);
      return;
    }
    setTimeout(send, wait);
    // Forget exercises quiet for longer than the window (the map stays as small as the burst).
    if (this.lastPush.size > 10_000)
      for (const [k, at] of this.lastPush)
        if (performance.now() - at > this.pushEveryMs) this.lastPush.delete(k);
  }

  /** Sends an exercise's waiting change now, and notes when (for `pushEveryMs`). */
  private sendNow(id: string, change: { before: ExerciseState; state: ExerciseState }): void {
    this.unsent.delete(id);
    if (this.pushEveryMs > 0) this.lastPush.set(id, performance.now());
    this.push(id, change.before, change.state);
  }

  /** Whether an exercise's push still waits for its unanswered commands (`deferWhileBusyMs`). */
  private waitsForAnswers(id: string, change: { since: number; behind: boolean }): boolean {
    return (
      change.behind &&
      this.runner.commandsInFlight(id) > 0 &&
      performance.now() - change.since < this.deferWhileBusyMs
    );
  }

  /** Exercises whose push is due, sent one per turn of the event loop (`oneAtATime`). */
  private readonly due = new Set<string>();

  /**
   * Sends due pushes one per turn of the event loop, so answers and new requests are served
   * between them. Fifty advances at once are one group commit: their fifty pushes (each
   * building its audiences' views) became due together and ran as one task that held the
   * loop about a second on a loaded machine. A push still takes in changes while it waits.
   */
  private oneAtATime(id: string): void {
    const idle = this.due.size === 0;
    this.due.add(id);
    if (!idle) return;
    const next = () => {
      const [first] = this.due;
      if (first === undefined) return;
      this.due.delete(first);
      const change = this.unsent.get(first);
      // A command of the exercise arrived meanwhile: wait for it as well (within the limit).
      if (change && this.waitsForAnswers(first, change))
        setTimeout(() => this.oneAtATime(first), BUSY_RECHECK_MS);
      else if (change) {
        this.sendNow(first, change);
      }
      if (this.due.size) setImmediate(next);
    };
    setImmediate(next);
  }

  private push(id: string, before: ExerciseState, state: ExerciseState): void {
    // Versions first (cheap), views only for the audiences a room asks for.
    const audiences = audiencesOf(state)
      .map((audience) => ({ audience, baseVersion: versionFor(before, audience) }))
      .filter((a) => versionFor(state, a.audience) !== a.baseVersion);
    const built = new Map<string, ExerciseView>();
    const view = (audience: string) => {
      const known = built.get(audience);
      if (known) return known;
      const v = audienceView(state, audience);
      built.set(audience, v);
      return v;
    };
    this.broadcaster.changed({
      sessionId: id,
      version: state.seq,
      baseVersion: before.seq,
      historyFrom: before.engine.results.length,
      audiences: () => audiences,
      view,
      views: () => audiences.map((a) => ({ ...a, view: view(a.audience) })),
    });
  }

  /** Sets the open turn's timer to the time it has left (a resume or a restart keeps it). */
  armTimer(state: ExerciseState, nowMs = this.now()): void {
    const { sessionId } = state.genesis;
    const left = msLeft(state, nowMs);
    if (left === null || state.status !== "running") return;
    const turn = state.engine.turn;
    this.timers.arm(sessionId, left, () => {
      void this.runner
        .execute(sessionId, { participantId: null }, { type: "timer_expired", turn })
        .catch((e: unknown) => console.error(`turn timer of ${sessionId} failed`, e));
    });
  }
}
