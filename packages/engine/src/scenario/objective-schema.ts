import { z } from "zod";
import { Id, LocalizedText, Source } from "./text.ts";

/** What an objective measures, per turn. */
export const ObjectiveMetric = z.discriminatedUnion("kind", [
  /** The lowest output (share of normal) among these home sectors. */
  z.strictObject({ kind: z.literal("sector_output"), sectors: z.array(Id).min(1) }),
  /** Share of home's imports of these materials from the controlling country (oxide-equivalent when they have one). */
  z.strictObject({ kind: z.literal("controlled_share"), materials: z.array(Id).min(1) }),
  /** A team stockpile's days of home use of its material. */
  z.strictObject({ kind: z.literal("stockpile_days"), lever: Id }),
  /** 1 while a lever's project is active (started and neither failed nor closed), else 0. */
  z.strictObject({ kind: z.literal("project_active"), lever: Id }),
  /** Money a team has left. */
  z.strictObject({ kind: z.literal("budget_left"), team: Id }),
]);
export type ObjectiveMetric = z.infer<typeof ObjectiveMetric>;

/** A team's objective, scored every turn; met if the comparison holds every turn or at the end. */
export const Objective = z
  .strictObject({
    id: Id,
    team: Id,
    name: LocalizedText,
    metric: ObjectiveMetric,
    atLeast: z.number().optional(),
    atMost: z.number().optional(),
    /** "every_turn": it must hold in each turn; "end": in the last turn played. */
    when: z.enum(["every_turn", "end"]),
    /** Where the target comes from (a policy goal, a benchmark) or that it is an exercise design choice. */
    source: Source,
  })
  .refine((o) => (o.atLeast === undefined) !== (o.atMost === undefined), {
    message: "an objective has either atLeast or atMost",
  });
export type Objective = z.infer<typeof Objective>;
