import { z } from "zod";

/**
 * What the review shows of the 2010 lessons, as outcomes of the run rather than statements:
 * each diversification project's money (and the price path that made it), and the share of home
 * downstream production that moved abroad with what pushed it. Money in the scenario's unit.
 */
export const ProjectLesson = z.strictObject({
  lever: z.string(),
  status: z.enum(["pending", "active", "failed", "closed", "completed"]),
  /** Turn indices (0-based, as every export): started, on stream (planned), losing money since. */
  startTurn: z.number().int(),
  readyTurn: z.number().int(),
  lossSinceTurn: z.number().int().nullable(),
  cumulativeCash: z.number(),
  npv: z.number(),
  /** The team's share of a project co-funded with others (null: the team funds all of it). */
  fundedShare: z.number().nullable(),
  /** The project's material at normal = 1: when it started, when it came on stream, at the end. */
  priceMultiple: z.strictObject({
    atStart: z.number(),
    atReady: z.number().nullable(),
    atEnd: z.number(),
  }),
});
export type ProjectLesson = z.infer<typeof ProjectLesson>;

export const RelocationDriver = z.enum(["shortage", "costGap", "insecurity"]);
export type RelocationDriver = z.infer<typeof RelocationDriver>;

export const RelocationLesson = z.strictObject({
  source: z.string(),
  material: z.string(),
  /** Share of home capacity abroad at the end of the last turn played, 0..1. */
  movedAbroad: z.number(),
  /** Value added a turn that left with it. */
  valueAddedMovedAbroad: z.number(),
  /** Each cause's pressure summed over the turns played, and the largest of them. */
  pressure: z.strictObject({ shortage: z.number(), costGap: z.number(), insecurity: z.number() }),
  driver: RelocationDriver.nullable(),
});
export type RelocationLesson = z.infer<typeof RelocationLesson>;

export const RunLessons = z.strictObject({
  projects: z.array(ProjectLesson),
  relocation: z.array(RelocationLesson),
});
export type RunLessons = z.infer<typeof RunLessons>;
