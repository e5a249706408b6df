export { type AppRouter, appRouter } from "./router/exercise-router.ts";
export type { Context } from "./router/trpc.ts";
export { type CatalogEntry, ScenarioCatalog } from "./scenario-catalog.ts";
export { type AppServer, createAppServer } from "./server/create-app-server.ts";
export { type Broadcaster, silentBroadcaster } from "./service/broadcaster.ts";
export { type Caller, ExerciseService } from "./service/exercise-service.ts";
export type { ExerciseView } from "./service/exercise-view.ts";
export type { Member } from "./service/loaded-exercise.ts";
export { attachSocket } from "./socket/attach-socket.ts";
