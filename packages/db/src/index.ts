export {
  type DatabaseProblem,
  DatabaseStartError,
  databaseProblemReport,
  startDatabase,
} from "./check-database.ts";
export { classifyDbError, type DbErrorKind } from "./db-error.ts";
export { type Dialect, dialectOf, dialectOfUrl, redactUrl } from "./dialect.ts";
export { databaseUrl, ensureDatabaseFile, REPO_ROOT } from "./env.ts";
export {
  hashToken,
  isWellFormedJoinCode,
  isWellFormedObserverCode,
  JOIN_CODE_LENGTH,
  newId,
  newJoinCode,
  newToken,
  normaliseJoinCode,
  revokedHash,
} from "./ids.ts";
export { committedMigrations, migrateAtStart, migrateDeploy } from "./migrate.ts";
export { type Database, openDatabase } from "./open-database.ts";
export {
  type AppendRequest,
  type AppendResult,
  appendEvent,
  headSeq,
  parseLogEvent,
  readLog,
  type StoredEvent,
} from "./repositories/event-log.ts";
export {
  deleteLibraryScenario,
  isLibraryId,
  LIBRARY_ID_PREFIX,
  type LibraryEntry,
  type LibraryVersion,
  libraryVersion,
  listLibrary,
  renameLibraryScenario,
  saveLibraryVersion,
} from "./repositories/library.ts";
export { branchesOf, recordedHashes, rootOf } from "./repositories/lineage.ts";
export { addNote, listNotes, type Note, updateNote } from "./repositories/notes.ts";
export {
  addSeminarTable,
  createSeminarRow,
  type SeminarRecord,
  type SeminarTableRecord,
  seminarById,
  seminarByRoomCode,
  seminarBySecretHash,
  seminarTableOf,
} from "./repositories/seminars.ts";
export {
  authenticate,
  type CreateSessionInput,
  type Credentials,
  createSession,
  getSession,
  type SessionStatus,
} from "./repositories/sessions.ts";
export type {
  AppendBatch,
  AppendOutcome,
  Branch,
  ExerciseStore,
  FoldSnapshotRow,
  SessionHeader,
} from "./store/exercise-store.ts";
export { MemoryExerciseStore } from "./store/memory-exercise-store.ts";
export { PrismaExerciseStore } from "./store/prisma-exercise-store.ts";
