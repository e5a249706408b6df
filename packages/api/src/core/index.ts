// The exercise core: pure decide/evolve over the log, its views and permissions. No I/O, no
// clock, no randomness (enforced by lint and test/core-purity.test.ts).

export { audienceOf, versionFor } from "./audience-version.ts";
export type { Command, CommandType, NoteEvent, Permission } from "./command.ts";
export { decide, tentative } from "./decide.ts";
export { evolve, foldLog, type Recorded } from "./evolve.ts";
export { SNAPSHOT_FORMAT, snapshotText, stateFromSnapshot } from "./exercise-snapshot.ts";
export {
  type Actor,
  type ClosedBy,
  type DebriefAnswer,
  type ExerciseState,
  type Genesis,
  initialExerciseState,
  isFinished,
  type Member,
  type Message,
  memberOf,
  type Note,
  type ResolutionMode,
  type Role,
  type Status,
  staffedTeams,
} from "./exercise-state.ts";
export {
  audienceMember,
  audiencesOf,
  audienceView,
  audienceViews,
  buildExerciseView,
  type ExerciseView,
} from "./exercise-view.ts";
export type { NewsItem } from "./news-feed.ts";
export type { OverrideEntry } from "./override-log.ts";
export { may, memberOrRefusal } from "./permissions.ts";
export type { DraftEdit, LockRecord, TeamDecision } from "./team-decision.ts";
export { type ProjectNews, projectNewsFor } from "./team-insight.ts";
export { msLeft } from "./turn-clock.ts";
export { visibleLog } from "./visible-log.ts";
