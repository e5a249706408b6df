import {
  AdvanceTurnInput,
  BroadcastInput,
  FireInjectInput,
  MoveParticipantInput,
  OverrideInput,
  RemoveParticipantInput,
  ResolutionModeInput,
  SessionControlInput,
} from "@chokepoint/contracts";
import { procedure, router } from "./trpc.ts";

/** The facilitator's commands (the core refuses them from anyone else). */
export const facilitatorRouter = router({
  advance: procedure
    .input(AdvanceTurnInput)
    .mutation(({ ctx, input }) => ctx.service.advanceTurn(ctx.token, input)),
  inject: procedure
    .input(FireInjectInput)
    .mutation(({ ctx, input }) => ctx.service.fireInject(ctx.token, input)),
  override: procedure
    .input(OverrideInput)
    .mutation(({ ctx, input }) => ctx.service.override(ctx.token, input)),
  broadcast: procedure
    .input(BroadcastInput)
    .mutation(({ ctx, input }) => ctx.service.broadcastMessage(ctx.token, input)),
  move: procedure
    .input(MoveParticipantInput)
    .mutation(({ ctx, input }) => ctx.service.moveParticipant(ctx.token, input)),
  remove: procedure
    .input(RemoveParticipantInput)
    .mutation(({ ctx, input }) => ctx.service.removeParticipant(ctx.token, input)),
  resolutionMode: procedure
    .input(ResolutionModeInput)
    .mutation(({ ctx, input }) => ctx.service.setResolutionMode(ctx.token, input)),
  control: procedure
    .input(SessionControlInput)
    .mutation(({ ctx, input }) => ctx.service.control(ctx.token, input)),
});
