import { DebriefCsv, DebriefWorkbook, SeminarDebriefInput } from "@chokepoint/contracts";
import type { SeminarDebriefService } from "../../review/seminar-debrief/seminar-debrief-service.ts";
import type { SeminarService } from "../../seminar/seminar-service.ts";
import { type Context, procedure } from "../trpc.ts";

function services(ctx: Context): { debrief: SeminarDebriefService; seminars: SeminarService } {
  if (!ctx.seminar || !ctx.seminarDebrief)
    throw new Error(
      "the tRPC context has no `seminar` or `seminarDebrief` service: pass both in createContext",
    );
  return { debrief: ctx.seminarDebrief, seminars: ctx.seminar };
}

/** `seminar.debrief`: the cross-table debrief, for the seminar's facilitator secret (bearer). */
export const debrief = procedure.input(SeminarDebriefInput).query(({ ctx, input }) => {
  const { debrief, seminars } = services(ctx);
  return debrief.forSeminar(seminars, input.seminarId, ctx.token);
});

/** `seminar.exportXlsx`: every table in one workbook, in the language asked. */
export const exportXlsx = procedure
  .input(SeminarDebriefInput)
  .output(DebriefWorkbook)
  .query(({ ctx, input }) => {
    const { debrief, seminars } = services(ctx);
    return debrief.xlsxFor(seminars, input.seminarId, ctx.token, input.lang);
  });

/** `seminar.exportCsv`: every table turn by turn in one CSV, in the language asked. */
export const exportCsv = procedure
  .input(SeminarDebriefInput)
  .output(DebriefCsv)
  .query(({ ctx, input }) => {
    const { debrief, seminars } = services(ctx);
    return debrief.csvFor(seminars, input.seminarId, ctx.token, input.lang);
  });
