export { APP_ERROR_CODES, AppError, type AppErrorCode, isAppError } from "./app-error.ts";
export * from "./commands.ts";
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
  ExportedExercise,
  ForkInput,
  ImportedExercise,
  ImportInput,
  MonteCarloInput,
  NoteInput,
  RunBranchInput,
} from "./review.ts";
export {
  AddTablesInput,
  CreatedSeminar,
  CreateSeminarInput,
  type FanOutResult,
  RoomJoined,
  RoomJoinInput,
  RoomOptionsInput,
  SeedPolicy,
  SeminarAdvanceInput,
  SeminarAssignInput,
  SeminarBroadcastInput,
  SeminarControlInput,
  SeminarInjectInput,
  SeminarRef,
  SeminarTemplate,
  TableLabels,
} from "./seminar.ts";
export {
  DebriefAction,
  DebriefCsv,
  DebriefDivergence,
  DebriefEntry,
  DebriefOutcome,
  DebriefTable,
  DebriefTableRef,
  type DebriefText,
  DebriefWorkbook,
  MAX_DEBRIEF_TABLES,
  SeminarDebrief,
  SeminarDebriefInput,
  TableSummaryFacts,
  TablesDebriefInput,
} from "./seminar-debrief.ts";
export {
  actionCell,
  actionPhrase,
  actionWords,
  DEBRIEF_WORDS,
  type DebriefWord,
  debriefNumber,
  debriefWord,
  divergenceWords,
  entryWords,
  leverName,
  materialName,
  summaryParagraph,
  teamName,
  turnWords,
} from "./seminar-debrief-words.ts";
export {
  applyPush,
  type ClientToServerEvents,
  newerView,
  type ServerToClientEvents,
  type SubscribeAck,
  SubscribeInput,
  SubscribeSeminarInput,
  type ViewPush,
} from "./socket-events.ts";
export { EVENT_SCHEMA_VERSION, readStoredEvent } from "./stored-event.ts";
