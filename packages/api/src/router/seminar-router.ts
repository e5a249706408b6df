import {
  AddTablesInput,
  CreatedSeminar,
  CreateSeminarInput,
  RoomJoined,
  RoomJoinInput,
  RoomOptionsInput,
  SeminarAdvanceInput,
  SeminarAssignInput,
  SeminarBroadcastInput,
  SeminarControlInput,
  SeminarInjectInput,
  SeminarRef,
} from "@chokepoint/contracts";
import type { SeminarService } from "../seminar/seminar-service.ts";
import { debrief, exportCsv, exportXlsx } from "./seminar-debrief/seminar-debrief-procedures.ts";
import { type Context, procedure, router } from "./trpc.ts";

function seminars(ctx: Context): SeminarService {
  if (!ctx.seminar)
    throw new Error(
      "the tRPC context has no `seminar` service: pass a SeminarService in createContext",
    );
  return ctx.seminar;
}

/**
 * Seminars. The facilitator's calls send the seminar's secret as the bearer token (never in a
 * URL); participants use the room code, like a table's join code.
 */
export const seminarRouter = router({
  create: procedure
    .input(CreateSeminarInput)
    .output(CreatedSeminar)
    .mutation(async ({ ctx, input: { passcode, ...input } }) => {
      await ctx.passcode.check(passcode, ctx.address);
      return seminars(ctx).create(input);
    }),
  /** The tables `{ label, exerciseId, facilitatorToken }` in label order. */
  tables: procedure
    .input(SeminarRef)
    .query(({ ctx, input }) => seminars(ctx).tables(input.seminarId, ctx.token)),
  overview: procedure
    .input(SeminarRef)
    .query(({ ctx, input }) => seminars(ctx).overview(input.seminarId, ctx.token)),
  addTables: procedure
    .input(AddTablesInput)
    .mutation(({ ctx, input }) => seminars(ctx).addTables(input, ctx.token)),
  roomOptions: procedure
    .input(RoomOptionsInput)
    .query(({ ctx, input }) =>
      ctx.joinGuard.guard(ctx.address, () => seminars(ctx).roomOptions(input)),
    ),
  join: procedure
    .input(RoomJoinInput)
    .output(RoomJoined)
    .mutation(({ ctx, input }) =>
      ctx.joinGuard.guard(ctx.address, () => seminars(ctx).join(input, ctx.address, ctx.token)),
    ),
  control: procedure
    .input(SeminarControlInput)
    .mutation(({ ctx, input }) => seminars(ctx).control(input, ctx.token)),
  advance: procedure
    .input(SeminarAdvanceInput)
    .mutation(({ ctx, input }) => seminars(ctx).advance(input, ctx.token)),
  broadcast: procedure
    .input(SeminarBroadcastInput)
    .mutation(({ ctx, input }) => seminars(ctx).broadcast(input, ctx.token)),
  inject: procedure
    .input(SeminarInjectInput)
    .mutation(({ ctx, input }) => seminars(ctx).inject(input, ctx.token)),
  assign: procedure
    .input(SeminarAssignInput)
    .mutation(({ ctx, input }) => seminars(ctx).assign(input, ctx.token)),
  // The cross-table debrief (packages/api/src/review/seminar-debrief).
  debrief,
  exportXlsx,
  exportCsv,
});
