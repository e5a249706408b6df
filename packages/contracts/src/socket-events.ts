import { z } from "zod";

/** The one inbound payload: a token to subscribe with (parsed with zod on the server). */
export const SubscribeInput = z.strictObject({ token: z.string().min(10).max(200) });
export type SubscribeInput = z.infer<typeof SubscribeInput>;

/** Mission control subscribes with the seminar's id and secret (the secret link's). */
export const SubscribeSeminarInput = z.strictObject({
  seminarId: z.string().min(1).max(100),
  secret: z.string().min(10).max(200),
});
export type SubscribeSeminarInput = z.infer<typeof SubscribeSeminarInput>;

export type SubscribeAck =
  | { ok: true /** The server's clock (epoch ms) when it answered. */; serverTime?: number }
  /** `ja`: the refusal worded for a Japanese reader — required, like AppError's. */
  | { ok: false; code: string; message: string; ja: string };

/**
 * A pushed change for a whole audience: the view without `me` and without `scenario` (the
 * client keeps its own: an audience's scenario part never changes during an exercise, and it
 * was half of every push's bytes) and with only the turns of history resolved since
 * `baseVersion`. A client whose view is before `baseVersion` has missed a push and subscribes
 * again for a full view.
 */
export interface ViewPush<V extends { state: { history: unknown[] } }> {
  view: Omit<V, "me" | "scenario"> & { me: null; scenario: null };
  /** The version (log seq) this change starts from. */
  baseVersion: number;
  /** `view.state.history` holds the turns from this index on; earlier ones are unchanged. */
  historyFrom: number;
  /** Server emit time (epoch ms), for measuring push latency on one machine. */
  sentAt: number;
}

/**
 * The socket.io event map, shared by server and clients (`Server<ClientToServerEvents,
 * ServerToClientEvents<View>>` and `Socket<ServerToClientEvents<View>, ClientToServerEvents>`).
 * `V` is the api's `ExerciseView` (contracts sit below the api, so it is a parameter here).
 */
export interface ServerToClientEvents<V extends { state: { history: unknown[] } }, R = unknown> {
  /** The viewer's own full view (on subscribe, and after a team move). */
  view: (view: V) => void;
  /** A change, pushed once per audience room. */
  push: (push: ViewPush<V>) => void;
  /** A facilitator message to everyone in the exercise. */
  message: (m: { seq: number; text: string; at: string; by: string | null }) => void;
  /** The facilitator removed this participant; the connection closes right after. */
  removed: () => void;
  /**
   * Facilitators only: the participants with at least one live connection, on any process
   * (sent shortly after anyone connects or drops).
   */
  presence: (p: { online: string[] }) => void;
  /**
   * Mission control only: every table's row, on subscribe. `R` is the api's `TableRow`.
   */
  seminarRows: (p: { rows: R[]; sentAt: number }) => void;
  /** Mission control only: one table's row after a change at that table (server emit time in `sentAt`). */
  tableRow: (p: { row: R; sentAt: number }) => void;
  /** Mission control only: who has a live connection at one table. */
  tablePresence: (p: { exerciseId: string; online: string[] }) => void;
}

export interface ClientToServerEvents {
  /** Join the rooms this token may see; the server answers with the current full view. */
  subscribe: (input: SubscribeInput, ack: (r: SubscribeAck) => void) => void;
  /** Mission control: the rooms of one seminar's tables' rows and presence. */
  subscribeSeminar: (input: SubscribeSeminarInput, ack: (r: SubscribeAck) => void) => void;
}

/**
 * A client's view after a push: the pushed view with this client's `me` and its earlier
 * history, or "resync" when the client missed a change (its version is before the push's base)
 * and must subscribe again for a full view. A push older than the view is ignored.
 */
/**
 * Which of two whole views a client keeps. Responses to its own commands and pushes travel on
 * different connections, so a slow response can arrive after a push that already moved the
 * exercise on (a lock's answer at turn 2 landing after the push of turn 3): the older one must
 * not take the screen back. Versions are per audience, so a view for another team or role (a
 * move) replaces the old one whatever its version.
 */
export function newerView<
  V extends { me: { team: string | null; role: string }; session: { seq: number } },
>(current: V | null, next: V): V {
  if (!current) return next;
  const sameAudience = current.me.team === next.me.team && current.me.role === next.me.role;
  return sameAudience && current.session.seq > next.session.seq ? current : next;
}

export function applyPush<
  V extends {
    me: unknown;
    scenario: unknown;
    session: { seq: number };
    state: { history: unknown[] };
  },
>(current: V | null, push: ViewPush<V>): V | "resync" {
  if (!current) return "resync";
  if (push.view.session.seq <= current.session.seq) return current;
  // A push may start before the client's version (a process re-pushing what another one
  // stored, README "Scale out"): the view is whole but for history before historyFrom, which
  // the client holds. One starting after the client's version means a change was missed.
  if (push.baseVersion > current.session.seq) return "resync";
  if (current.state.history.length < push.historyFrom) return "resync";
  return {
    ...push.view,
    me: current.me,
    scenario: current.scenario,
    state: {
      ...push.view.state,
      history: [...current.state.history.slice(0, push.historyFrom), ...push.view.state.history],
    },
  } as unknown as V;
}
