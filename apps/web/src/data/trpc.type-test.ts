// Type test, checked by `tsc` (pnpm typecheck): the web app's tRPC inputs are typed from the
// shared contracts end to end. Each @ts-expect-error must stay an error — if an input were
// ever `unknown` again (the old `anyInput`), the directive would be unused and tsc would fail.
import { makeTrpcClient } from "./trpc";

export async function typedEdge(): Promise<void> {
  const c = makeTrpcClient("token");
  await c.exercise.lock.mutate({ turn: 0, actions: [{ op: "buy", lever: "x", tonnes: 1 }] });
  // @ts-expect-error turn is a number
  await c.exercise.lock.mutate({ turn: "first", actions: [] });
  // @ts-expect-error an unknown lever operation
  await c.exercise.lock.mutate({ turn: 0, actions: [{ op: "launch", lever: "x" }] });
  // @ts-expect-error the facilitator controls are start | pause | resume | end
  await c.facilitator.control.mutate({ action: "restart" });
  // @ts-expect-error a move names the participant
  await c.facilitator.move.mutate({ team: "meti" });
  // @ts-expect-error a fork needs the turn to fork at
  await c.review.fork.mutate({});
  const v = await c.exercise.view.query();
  const seq: number = v.session.seq;
  void seq;
}
