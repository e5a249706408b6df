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
import { procedure, router } from "./trpc.ts";

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
    .mutation(async ({ ctx, input: { passcode, ...input } }) => {
      await ctx.passcode.check(passcode, ctx.address);
      return ctx.review.importJson(input);
    }),
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
    .query(({ ctx, input }) => ctx.review.monteCarlo(ctx.token, input)),
});
