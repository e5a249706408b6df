import { anyInput, procedure, router } from "./trpc.ts";

/** Thin procedures: destructure, call the service, return. The service validates and authorises. */
export const exerciseRouter = router({
  scenarios: procedure.query(({ ctx }) => ctx.service.listScenarios()),
  create: procedure.input(anyInput).mutation(({ ctx, input }) => ctx.service.createExercise(input)),
  joinOptions: procedure.input(anyInput).query(({ ctx, input }) => ctx.service.joinOptions(input)),
  join: procedure.input(anyInput).mutation(({ ctx, input }) => ctx.service.join(input)),
  view: procedure.query(({ ctx }) => ctx.service.view(ctx.token)),
  lock: procedure
    .input(anyInput)
    .mutation(({ ctx, input }) => ctx.service.lockDecision(ctx.token, input)),
});

export const facilitatorRouter = router({
  advance: procedure
    .input(anyInput)
    .mutation(({ ctx, input }) => ctx.service.advanceTurn(ctx.token, input)),
  inject: procedure
    .input(anyInput)
    .mutation(({ ctx, input }) => ctx.service.fireInject(ctx.token, input)),
  override: procedure
    .input(anyInput)
    .mutation(({ ctx, input }) => ctx.service.override(ctx.token, input)),
  broadcast: procedure
    .input(anyInput)
    .mutation(({ ctx, input }) => ctx.service.broadcastMessage(ctx.token, input)),
  move: procedure
    .input(anyInput)
    .mutation(({ ctx, input }) => ctx.service.moveParticipant(ctx.token, input)),
  control: procedure
    .input(anyInput)
    .mutation(({ ctx, input }) => ctx.service.control(ctx.token, input)),
});

export const reviewRouter = router({
  timeline: procedure.query(({ ctx }) => ctx.review.timeline(ctx.token)),
  saveNote: procedure
    .input(anyInput)
    .mutation(({ ctx, input }) => ctx.review.saveNote(ctx.token, input)),
  exportJson: procedure.query(({ ctx }) => ctx.review.exportJson(ctx.token)),
  exportCsv: procedure.query(({ ctx }) => ctx.review.exportCsv(ctx.token)),
  importJson: procedure.input(anyInput).mutation(({ ctx, input }) => ctx.review.importJson(input)),
  fork: procedure.input(anyInput).mutation(({ ctx, input }) => ctx.review.fork(ctx.token, input)),
  runBranch: procedure
    .input(anyInput)
    .mutation(({ ctx, input }) => ctx.review.runBranch(ctx.token, input)),
  compare: procedure
    .input(anyInput)
    .query(({ ctx, input }) => ctx.review.compare(ctx.token, input)),
  monteCarlo: procedure
    .input(anyInput)
    .query(({ ctx, input }) => ctx.review.monteCarlo(ctx.token, input)),
});

export const appRouter = router({
  exercise: exerciseRouter,
  facilitator: facilitatorRouter,
  review: reviewRouter,
});
export type AppRouter = typeof appRouter;
