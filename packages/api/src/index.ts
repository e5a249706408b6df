export * from "./core/index.ts";
export { DEFAULT_LIMITS, type Limits, withLimits } from "./limits.ts";
export { limitsFromEnv, limitVariables } from "./limits-from-env.ts";
export { bearerToken, parseInput } from "./parse-input.ts";
export { ReviewService, type TimelineTurn } from "./review/review-service.ts";
export { type AppRouter, appRouter } from "./router/root.ts";
export type { Context } from "./router/trpc.ts";
export { type CatalogEntry, ScenarioCatalog } from "./scenario-catalog.ts";
export {
  type OpenSeminar,
  SeminarService,
  type SeminarTableRef,
} from "./seminar/seminar-service.ts";
export {
  type IndicatorPoint,
  type TableFlag,
  type TableRow,
  tableRow,
} from "./seminar/table-row.ts";
export { type AppServer, createAppServer } from "./server/create-app-server.ts";
export { answerLoopDelay } from "./server/loop-delay-route.ts";
export { RENDER_KEY_HEADER } from "./server/render-only.ts";
export { type Broadcaster, type Push, silentBroadcaster } from "./service/broadcaster.ts";
export { ExerciseRunner, type Written } from "./service/exercise-runner.ts";
export { type Caller, ExerciseService } from "./service/exercise-service.ts";
export { type HeadlessResult, replayInto, runToEnd } from "./service/run-headless.ts";
export { attachSocket } from "./socket/attach-socket.ts";
export { type ClusterAdapter, clusterAdapter } from "./socket/cluster-adapter.ts";
