import { LeverAction, OverrideTarget, ScenarioEvent } from "@chokepoint/engine";
import { z } from "zod";
import { INPUT_LIMITS as L } from "./input-limits.ts";

const Id = z.string().trim().min(1).max(100);
const TurnIndex = z.number().int().min(0);
const IdempotencyKey = z.string().min(8).max(100).optional();

/** Inputs of every command the app accepts. The server parses each with these before anything else. */
export const CreateExerciseInput = z.strictObject({
  /** A built-in scenario's id, or a library scenario's (`lib-…`). */
  scenarioId: Id,
  /** Which version of a library scenario; its newest when absent (built-in scenarios have one). */
  libraryVersion: z.number().int().min(1).optional(),
  seed: z.number().int().min(L.seed.min).max(L.seed.max),
  facilitatorName: z.string().trim().min(1).max(L.nameChars),
  /** Teams to field; all of the scenario's teams if omitted. */
  teams: z.array(Id).min(1).max(L.teams).optional(),
  turnTimerSeconds: z
    .number()
    .int()
    .min(L.turnTimerSeconds.min)
    .max(L.turnTimerSeconds.max)
    .optional(),
  /** Whether a turn resolves when every team has locked (default) or waits for the facilitator's reveal. */
  resolution: z.enum(["all_locked", "reveal"]).optional(),
  title: z.string().trim().max(L.exerciseTitleChars).optional(),
  /** The facilitator passcode, when the server sets one (CHOKEPOINT_FACILITATOR_PASSCODE). */
  passcode: z.string().max(L.passcodeChars).optional(),
});
export type CreateExerciseInput = z.infer<typeof CreateExerciseInput>;

export const JoinInput = z.strictObject({
  /** The join code, or the observer code (which makes the joiner an observer). */
  joinCode: z.string().trim().min(1).max(L.joinCodeChars),
  displayName: z.string().trim().min(1).max(L.nameChars),
  role: z.enum(["participant", "observer"]).default("participant"),
  team: Id.optional(),
});
export type JoinInput = z.infer<typeof JoinInput>;

/** What a join screen asks before joining: the code only. */
export const JoinOptionsInput = z.strictObject({ joinCode: JoinInput.shape.joinCode });
export type JoinOptionsInput = z.infer<typeof JoinOptionsInput>;

export const LockDecisionInput = z.strictObject({
  turn: TurnIndex,
  actions: z.array(LeverAction).max(50),
  idempotencyKey: IdempotencyKey,
});
export type LockDecisionInput = z.infer<typeof LockDecisionInput>;

/** One lever of the team's shared draft, as the editor leaves it (empty actions = cleared). */
export const EditDraftInput = z.strictObject({
  turn: TurnIndex,
  lever: Id,
  actions: z.array(LeverAction).max(3),
  idempotencyKey: IdempotencyKey,
});
export type EditDraftInput = z.infer<typeof EditDraftInput>;

export const ResolutionModeInput = z.strictObject({ mode: z.enum(["all_locked", "reveal"]) });
export type ResolutionModeInput = z.infer<typeof ResolutionModeInput>;

export const AdvanceTurnInput = z.strictObject({ turn: TurnIndex, idempotencyKey: IdempotencyKey });
export type AdvanceTurnInput = z.infer<typeof AdvanceTurnInput>;

/**
 * A title and text a facilitator writes live: a headline and a paragraph, not a document.
 * `params.ja` is the same rule for a Japanese screen (the server's issue wording reads it).
 */
export const CustomInject = ScenarioEvent.refine(
  (e) => e.title.ja.length <= L.injectTitleChars && e.title.en.length <= L.injectTitleChars,
  {
    message: "a custom inject's title is at most 200 characters",
    path: ["title"],
    params: { ja: "インジェクトのタイトルは200文字以内にしてください" },
  },
).refine(
  (e) =>
    !e.description ||
    (e.description.ja.length <= L.injectTextChars && e.description.en.length <= L.injectTextChars),
  {
    message: "a custom inject's text is at most 2,000 characters",
    path: ["description"],
    params: { ja: "インジェクトの本文は2,000文字以内にしてください" },
  },
);

export const FireInjectInput = z.strictObject({
  turn: TurnIndex,
  inject: Id.optional(),
  custom: CustomInject.optional(),
  idempotencyKey: IdempotencyKey,
});
export type FireInjectInput = z.infer<typeof FireInjectInput>;

export const OverrideInput = z.strictObject({
  turn: TurnIndex,
  target: OverrideTarget,
  reason: z
    .string()
    .trim()
    .min(L.overrideReasonChars.min, "an override needs a written reason")
    .max(L.overrideReasonChars.max),
  idempotencyKey: IdempotencyKey,
});
export type OverrideInput = z.infer<typeof OverrideInput>;

/** More time on the open turn's timer, e.g. when a room is still talking. */
export const ExtendTurnInput = z.strictObject({
  turn: TurnIndex,
  seconds: z.number().int().min(L.extendTurnSeconds.min).max(L.extendTurnSeconds.max),
  idempotencyKey: IdempotencyKey,
});
export type ExtendTurnInput = z.infer<typeof ExtendTurnInput>;

export const BroadcastInput = z.strictObject({
  text: z.string().trim().min(1).max(L.broadcastChars),
  idempotencyKey: IdempotencyKey,
});
export type BroadcastInput = z.infer<typeof BroadcastInput>;

export const MoveParticipantInput = z.strictObject({ participantId: Id, team: Id.nullable() });
export type MoveParticipantInput = z.infer<typeof MoveParticipantInput>;

export const RemoveParticipantInput = z.strictObject({ participantId: Id });
export type RemoveParticipantInput = z.infer<typeof RemoveParticipantInput>;

export const SessionControlInput = z.strictObject({
  action: z.enum(["start", "pause", "resume", "end"]),
});
export type SessionControlInput = z.infer<typeof SessionControlInput>;

/** What creating or forking an exercise answers: the facilitator's token is shown once. */
export const CreatedExercise = z.strictObject({
  sessionId: z.string(),
  joinCode: z.string(),
  token: z.string(),
});
export type CreatedExercise = z.infer<typeof CreatedExercise>;

export const Joined = z.strictObject({
  sessionId: z.string(),
  participantId: z.string(),
  token: z.string(),
});
export type Joined = z.infer<typeof Joined>;

/**
 * What a play command (`exercise.lock`, `facilitator.advance`…) answers once its events are
 * durable: the version the caller's view reaches with them (its `session.seq`), and the turn
 * then open. The view itself comes by the socket's push; a client whose view is not at
 * `version` soon after asks `exercise.view`. Answering each caller its whole view made everyone
 * locking at once serialise (and the clients parse) a full view per lock, beside the push that
 * carries the same view to the caller's team anyway.
 */
export const PlayReceipt = z.object({
  version: z.number().int().min(0),
  turn: TurnIndex,
});
export type PlayReceipt = z.infer<typeof PlayReceipt>;
