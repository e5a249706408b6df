import { z } from "zod";
import { Id } from "../scenario/text.ts";

/**
 * One thing a team does in a turn with one of its levers. Stockpiles buy or release
 * tonnes; every other lever is activated once (diversify, recycle and offtake at a scale).
 */
export const LeverAction = z.discriminatedUnion("op", [
  z.strictObject({ op: z.literal("buy"), lever: Id, tonnes: z.number().positive() }),
  z.strictObject({ op: z.literal("release"), lever: Id, tonnes: z.number().positive() }),
  z.strictObject({
    op: z.literal("activate"),
    lever: Id,
    scale: z.number().gt(0).max(1).default(1),
  }),
]);
export type LeverAction = z.infer<typeof LeverAction>;

/** A team's decisions for one turn. */
export const TeamDecision = z.strictObject({
  team: Id,
  actions: z.array(LeverAction).max(50),
});
export type TeamDecision = z.infer<typeof TeamDecision>;

/** A decisions file: what teams do, by turn label, for headless runs. */
export const DecisionsFile = z.strictObject({
  scenario: Id,
  description: z.strictObject({ ja: z.string(), en: z.string() }).optional(),
  turns: z.record(z.string(), z.array(TeamDecision)),
  source: z.string().optional(),
});
export type DecisionsFile = z.infer<typeof DecisionsFile>;
