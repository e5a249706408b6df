import { EngineEvent, LeverAction } from "@chokepoint/engine";
import { z } from "zod";

export const ParticipantRole = z.enum(["facilitator", "participant", "observer"]);
export type ParticipantRole = z.infer<typeof ParticipantRole>;

const Id = z.string().min(1).max(100);

/** Session-level events: who is in the exercise and how it runs. The engine ignores them. */
export const SessionEvent = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("participant_joined"),
    participantId: Id,
    displayName: z.string().trim().min(1).max(60),
    role: ParticipantRole,
    team: Id.nullable(),
  }),
  z.strictObject({ type: z.literal("participant_moved"), participantId: Id, team: Id.nullable() }),
  /** The facilitator removed a participant: their token stops working, their sockets are dropped. */
  z.strictObject({ type: z.literal("participant_removed"), participantId: Id }),
  z.strictObject({ type: z.literal("session_started") }),
  z.strictObject({ type: z.literal("session_paused") }),
  z.strictObject({ type: z.literal("session_resumed") }),
  z.strictObject({ type: z.literal("session_ended") }),
  z.strictObject({
    type: z.literal("message_broadcast"),
    text: z.string().trim().min(1).max(2000),
  }),
  /**
   * A team member changed one lever in the team's shared draft for `turn`: the lever's
   * actions after the change (empty = nothing planned for it). Who changed it is the stored
   * event's actor. Secret like a locked decision until the turn resolves.
   */
  z.strictObject({
    type: z.literal("draft_edited"),
    turn: z.number().int().min(0),
    team: Id,
    lever: Id,
    actions: z.array(LeverAction).max(3),
  }),
  /**
   * How turns resolve from now on: when every staffed team has locked ("all_locked"), or only
   * when the facilitator reveals them ("reveal", time to discuss first).
   */
  z.strictObject({
    type: z.literal("resolution_mode_set"),
    mode: z.enum(["all_locked", "reveal"]),
  }),
  /** The facilitator gave the open turn more time: its timer runs `seconds` longer. */
  z.strictObject({
    type: z.literal("turn_extended"),
    turn: z.number().int().min(0),
    seconds: z.number().int().min(1),
  }),
  /**
   * In reveal mode the turn's timer ran out: drafting is closed (each team's draft was locked as
   * it stood, in `decisions_locked` events written with this one) and the turn waits for the
   * facilitator's reveal. Written by the server (no actor).
   */
  z.strictObject({
    type: z.literal("drafting_closed"),
    turn: z.number().int().min(0),
  }),
  /**
   * A facilitator's note, new or edited (same noteId). Author name and time travel with it so
   * an export re-imported elsewhere (other participant ids, later clock) keeps both.
   */
  z.strictObject({
    type: z.literal("note_written"),
    noteId: Id,
    turn: z.number().int().min(0).nullable(),
    body: z.string().trim().min(1).max(20_000),
    authorId: Id,
    authorName: z.string().min(1).max(60),
    at: z.string(),
  }),
  z.strictObject({ type: z.literal("note_deleted"), noteId: Id, at: z.string() }),
  /** A debrief question the facilitator adds beside the scenario's own (in the language asked). */
  z.strictObject({
    type: z.literal("debrief_question_added"),
    questionId: Id,
    text: z.string().trim().min(1).max(500),
  }),
  /**
   * A member's answer to a debrief question (a later answer replaces it). Name and team travel
   * with it so a re-imported export keeps who answered.
   */
  z.strictObject({
    type: z.literal("debrief_answered"),
    participantId: Id,
    displayName: z.string().min(1).max(60),
    team: Id.nullable(),
    questionId: Id,
    answer: z.string().trim().min(1).max(4000),
    at: z.string(),
  }),
]);
export type SessionEvent = z.infer<typeof SessionEvent>;

/**
 * Everything the event log stores: engine events (folded into the exercise state) and
 * session events. Stored JSON outlives code: change a member only with a migration of old
 * payloads, and add new members rather than reshaping old ones.
 */
export const LogEvent = z.discriminatedUnion("type", [
  ...EngineEvent.options,
  ...SessionEvent.options,
]);
export type LogEvent = z.infer<typeof LogEvent>;

const engineTypes = new Set<string>(EngineEvent.options.map((o) => o.shape.type.value));

export function isEngineEvent(e: LogEvent): e is EngineEvent {
  return engineTypes.has(e.type);
}
