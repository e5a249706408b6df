export { APP_ERROR_CODES, AppError, type AppErrorCode, isAppError } from "./app-error.ts";
export {
  AUTHORING_LIMITS,
  BaseScenarioInput,
  CellIssueData,
  DeleteLibraryInput,
  DuplicateLibraryInput,
  ExportLibraryYamlInput,
  GridCell,
  GridRow,
  GridSheet,
  ImportLibraryYamlInput,
  LibrarySaved,
  LibraryVersionRef,
  RenameLibraryInput,
  SaveLibraryInput,
  SHEET_KEYS,
  SheetKey,
  UploadedWorkbook,
  UploadWorkbookInput,
  WorkbookGrid,
} from "./authoring.ts";
export {
  COMMANDS,
  type Command,
  type CommandAt,
  type CommandCaller,
  type CommandInput,
  type CommandKind,
  type CommandName,
  type CommandRouter,
  type CommandsOf,
  type CommandTable,
  commandsOf,
  type NoteEvent,
  type PublishedCommand,
} from "./command-table.ts";
export * from "./commands.ts";
export {
  CSV_WORDS,
  fillWords,
  ID_COLUMN_SUFFIX,
  type NamedKind,
  type NameOf,
  PARAMETER_FIELD_WORDS,
  PROJECT_OUTCOME_WORDS,
  parameterInWords,
  projectOutcomeKey,
  type Variation,
  variationInWords,
} from "./export-words.ts";
export { INPUT_LIMITS } from "./input-limits.ts";
export { isEngineEvent, LogEvent, ParticipantRole, SessionEvent } from "./log-event.ts";
export {
  isRefusalReason,
  REFUSALS,
  type RefusalParams,
  type RefusalReason,
  refusal,
  refusalText,
} from "./refusals.ts";
export {
  BranchRun,
  CompareInput,
  DebriefAnswerInput,
  DebriefQuestionInput,
  DeleteNoteInput,
  ExportCsvInput,
  ExportedExercise,
  ForkInput,
  ImportedExercise,
  ImportInput,
  MonteCarloInput,
  NoteInput,
  RunBranchInput,
} from "./review.ts";
export {
  applyPush,
  type ClientToServerEvents,
  newerView,
  type ServerToClientEvents,
  type SubscribeAck,
  SubscribeInput,
  type ViewPush,
} from "./socket-events.ts";
export { EVENT_SCHEMA_VERSION, readStoredEvent } from "./stored-event.ts";
