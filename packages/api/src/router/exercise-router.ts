import {
  CreatedExercise,
  CreateExerciseInput,
  Joined,
  JoinInput,
  JoinOptionsInput,
} from "@chokepoint/contracts";
import { commandProcedures } from "./command-procedures.ts";
import { procedure, router } from "./trpc.ts";

/**
 * Thin procedures: the input is parsed here with the shared contracts; the core decides. The
 * participants' commands (lock, editDraft) come from the command table.
 */
export const exerciseRouter = router({
  ...commandProcedures("exercise"),
  scenarios: procedure.query(({ ctx }) => ctx.service.listScenarios()),
  create: procedure
    .input(CreateExerciseInput)
    .output(CreatedExercise)
    .mutation(async ({ ctx, input: { passcode, ...input } }) => {
      await ctx.passcode.check(passcode, ctx.address);
      return ctx.service.createExercise(input);
    }),
  /** What a create screen and a join link need to know about this server. */
  serverInfo: procedure.query(({ ctx }) => ({
    passcodeRequired: ctx.passcode.required,
    publicUrl: ctx.publicUrls?.configured ?? null,
    lanUrl: ctx.publicUrls?.lan ?? null,
  })),
  joinOptions: procedure
    .input(JoinOptionsInput)
    .query(({ ctx, input }) =>
      ctx.joinGuard.guard(ctx.address, () => ctx.service.joinOptions(input)),
    ),
  join: procedure
    .input(JoinInput)
    .output(Joined)
    .mutation(({ ctx, input }) =>
      ctx.joinGuard.guard(ctx.address, () => ctx.service.join(input, ctx.address, ctx.token)),
    ),
  view: procedure.query(({ ctx }) => ctx.service.view(ctx.token)),
});
