export { APP_ERROR_CODES, AppError, type AppErrorCode, isAppError } from "./app-error.ts";
export { isEngineEvent, LogEvent, ParticipantRole, SessionEvent } from "./log-event.ts";
