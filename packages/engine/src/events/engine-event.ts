import { z } from "zod";
import { LeverAction } from "../decisions/action-schema.ts";
import { ScenarioEvent } from "../scenario/scenario-schema.ts";
import { Id } from "../scenario/text.ts";

const TurnIndex = z.number().int().min(0);

/** What a facilitator may override, with the new value. */
export const OverrideTarget = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("price"), material: Id, value: z.number().positive() }),
  z.strictObject({ kind: z.literal("budget"), team: Id, value: z.number().min(0) }),
  z.strictObject({ kind: z.literal("stockpile"), lever: Id, value: z.number().min(0) }),
]);
export type OverrideTarget = z.infer<typeof OverrideTarget>;

/**
 * The events the engine folds. State = replay(scenario, seed, events). Stored JSON of these
 * lives for years in exercise logs: change them only with a migration of old payloads.
 */
export const EngineEvent = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("decisions_locked"),
    turn: TurnIndex,
    team: Id,
    actions: z.array(LeverAction).max(50),
  }),
  z.strictObject({
    type: z.literal("turn_resolved"),
    turn: TurnIndex,
  }),
  z.strictObject({
    type: z.literal("inject_fired"),
    turn: TurnIndex,
    /** A prepared inject of the scenario, by id … */
    inject: Id.optional(),
    /** … or one written on the spot by the facilitator. */
    custom: ScenarioEvent.optional(),
  }),
  z.strictObject({
    type: z.literal("outcome_overridden"),
    turn: TurnIndex,
    target: OverrideTarget,
    reason: z.string().trim().min(3, "an override needs a written reason"),
  }),
]);
export type EngineEvent = z.infer<typeof EngineEvent>;
export type EngineEventType = EngineEvent["type"];
