/** Who a pushed message is for, within one exercise. */
export type Audience =
  | { kind: "facilitators" }
  | { kind: "observers" }
  | { kind: "team"; team: string }
  | { kind: "participant"; participantId: string };

/** Port for pushing to connected clients; socket.io implements it, tests may record. */
export interface Broadcaster {
  /** Tells the transport the session changed; it pushes each connected viewer their own view. */
  sessionChanged(sessionId: string): void;
  message(sessionId: string, m: { seq: number; text: string; at: string }): void;
  /** A participant's team changed: their connections move to the new audience. */
  memberChanged(sessionId: string, member: { participantId: string; team: string | null }): void;
}

export const silentBroadcaster: Broadcaster = {
  sessionChanged: () => {},
  message: () => {},
  memberChanged: () => {},
};
