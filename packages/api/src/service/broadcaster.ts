import type { ExerciseView, Member } from "../core/index.ts";

/** A change to push: the state's version and the view of each audience (built once, on demand). */
export interface Push {
  sessionId: string;
  /** The state's version (its last log seq); clients that see a gap ask for a fresh view. */
  version: number;
  /** The version before this change: a client not at it has missed a push. */
  baseVersion: number;
  /** Turns of history before this change (the push carries only the ones after). */
  historyFrom: number;
  /** One view per audience room ("facilitator", "observer", "team:<id>"), `me` left to the client. */
  views(): { audience: string; view: ExerciseView }[];
}

/** Port for pushing to connected clients; socket.io implements it, tests may record. */
export interface Broadcaster {
  changed(push: Push): void;
  message(sessionId: string, m: { seq: number; text: string; at: string }): void;
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
}

export const silentBroadcaster: Broadcaster = {
  changed: () => {},
  message: () => {},
  memberChanged: () => {},
};
