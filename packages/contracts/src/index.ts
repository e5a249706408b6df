export { APP_ERROR_CODES, AppError, type AppErrorCode, isAppError } from "./app-error.ts";
export * from "./commands.ts";
export { isEngineEvent, LogEvent, ParticipantRole, SessionEvent } from "./log-event.ts";
export {
  CompareInput,
  ExportedExercise,
  ForkInput,
  ImportInput,
  MonteCarloInput,
  NoteInput,
  RunBranchInput,
} from "./review.ts";
export type { ClientToServerEvents, ServerToClientEvents } from "./socket-events.ts";
