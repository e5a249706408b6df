import type { ExerciseView, Member, Message } from "../core/index.ts";

/** A change to push: the state's version and the view of each audience (built once, on demand). */
export interface Push {
  sessionId: string;
  /** The state's version (its last log seq); clients that see a gap ask for a fresh view. */
  version: number;
  /** The version before this change: a client not at it has missed a push. */
  baseVersion: number;
  /** Turns of history before this change (the push carries only the ones after). */
  historyFrom: number;
  /**
   * The audience rooms ("facilitator", "observer", "team:<id>") that this change touched, each
   * with its version before the change; no view is built for this. A team's draft edit touches
   * only that team and the facilitator: no one else is pushed anything.
   */
  audiences(): { audience: string; baseVersion: number }[];
  /**
   * One touched audience's view, `me` left to the client: built on the first ask, once. A room
   * nobody listens to (observers, in most exercises) costs no view.
   */
  view(audience: string): ExerciseView;
  /** Every touched audience's view (`audiences` with `view`). */
  views(): { audience: string; view: ExerciseView; baseVersion: number }[];
}

/** Port for pushing to connected clients; socket.io implements it, tests may record. */
export interface Broadcaster {
  changed(push: Push): void;
  message(sessionId: string, m: Message): void;
  /**
   * A participant's team changed: their connections move to the new audience, with this view.
   * `teams` are the exercise's teams (the audiences they may be leaving).
   */
  memberChanged(
    sessionId: string,
    member: Pick<Member, "participantId" | "role" | "team">,
    view: ExerciseView,
    teams: string[],
  ): void;
  /** A participant was removed: their connections are closed (their token no longer subscribes). */
  memberRemoved(sessionId: string, participantId: string): void;
}

export const silentBroadcaster: Broadcaster = {
  changed: () => {},
  message: () => {},
  memberChanged: () => {},
  memberRemoved: () => {},
};
