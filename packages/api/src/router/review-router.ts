import {
  BranchRun,
  CompareInput,
  CreatedExercise,
  ExportCsvInput,
  ForkInput,
  ImportedExercise,
  ImportInput,
  MonteCarloInput,
  RunBranchInput,
} from "@chokepoint/contracts";
import { commandProcedures } from "./command-procedures.ts";
import { type Context, procedure, router } from "./trpc.ts";

/**
 * `review.importJson`'s work once its input is valid: the tRPC procedure's, and the HTTP
 * route's that parses and checks the body in a worker (`server/import-body`).
 */
export async function importJson(ctx: Context, { passcode, ...input }: ImportInput) {
  await ctx.passcode.check(passcode, ctx.address);
  return ImportedExercise.parse(await ctx.review.importJson(input));
}

/**
 * The after-action review: reads for facilitator and observers; forks and branch runs. Notes
 * and the questionnaire's commands come from the command table.
 */
export const reviewRouter = router({
  ...commandProcedures("review"),
  timeline: procedure.query(({ ctx }) => ctx.review.timeline(ctx.token)),
  debrief: procedure.query(({ ctx }) => ctx.review.debrief(ctx.token)),
  exportJson: procedure.query(({ ctx }) => ctx.review.exportJson(ctx.token)),
  exportCsv: procedure
    .input(ExportCsvInput)
    .query(({ ctx, input }) => ctx.review.exportCsv(ctx.token, input.locale)),
  importJson: procedure
    .input(ImportInput)
    .output(ImportedExercise)
    .mutation(({ ctx, input }) => importJson(ctx, input)),
  fork: procedure
    .input(ForkInput)
    .output(CreatedExercise)
    .mutation(({ ctx, input }) => ctx.review.fork(ctx.token, input)),
  runBranch: procedure
    .input(RunBranchInput)
    .output(BranchRun)
    .mutation(({ ctx, input }) => ctx.review.runBranch(ctx.token, input)),
  compare: procedure
    .input(CompareInput)
    .query(({ ctx, input }) => ctx.review.compare(ctx.token, input)),
  monteCarlo: procedure
    .input(MonteCarloInput)
    .query(({ ctx, input, signal }) => ctx.review.monteCarlo(ctx.token, input, signal)),
});
