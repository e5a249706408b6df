import { z } from "zod";

export const Period = z.enum(["quarter", "month"]);
export type Period = z.infer<typeof Period>;

/** "2010-Q3" for quarterly scenarios, "2025-04" for monthly ones. */
export const TurnLabel = z
  .string()
  .regex(
    /^\d{4}-(Q[1-4]|0[1-9]|1[0-2])$/,
    "a turn is written 'YYYY-Qn' (quarterly) or 'YYYY-MM' (monthly)",
  );

export const Calendar = z.strictObject({
  period: Period,
  start: TurnLabel,
  turns: z.number().int().min(1).max(240),
});
export type Calendar = z.infer<typeof Calendar>;
