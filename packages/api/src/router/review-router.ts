import {
  BranchRun,
  CompareInput,
  CreatedExercise,
  DebriefAnswerInput,
  DebriefQuestionInput,
  DeleteNoteInput,
  ExportCsvInput,
  ForkInput,
  ImportedExercise,
  ImportInput,
  MonteCarloInput,
  NoteInput,
  RunBranchInput,
} from "@chokepoint/contracts";
import { procedure, router } from "./trpc.ts";

/** The after-action review: reads for facilitator and observers; notes, forks and branch runs. */
export const reviewRouter = router({
  timeline: procedure.query(({ ctx }) => ctx.review.timeline(ctx.token)),
  saveNote: procedure
    .input(NoteInput)
    .mutation(({ ctx, input }) => ctx.review.saveNote(ctx.token, input)),
  debrief: procedure.query(({ ctx }) => ctx.review.debrief(ctx.token)),
  answerDebrief: procedure
    .input(DebriefAnswerInput)
    .mutation(({ ctx, input }) => ctx.review.answerDebrief(ctx.token, input)),
  addDebriefQuestion: procedure
    .input(DebriefQuestionInput)
    .mutation(({ ctx, input }) => ctx.review.addDebriefQuestion(ctx.token, input)),
  deleteNote: procedure
    .input(DeleteNoteInput)
    .mutation(({ ctx, input }) => ctx.review.deleteNote(ctx.token, input)),
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
