/**
 * Limits on heavy or abusable work, in one place. Each has a default that suits a 2-core
 * machine running a few exercises at once; the server may override them (see SECURITY.md).
 */
export interface Limits {
  /** Request bodies, in bytes: imports carry a whole exercise log, everything else is small. */
  bodyBytes: { default: number; import: number; workbook: number };
  /** Imports, forks and branch runs write their replayed events in batches of this many, one transaction each, yielding to other requests between batches. */
  replayBatchEvents: number;
  /** Exercises whose folded state stays in memory; the least recently used beyond are dropped (refolded from the log when next used). */
  exercisesInMemory: number;
  /**
   * Draft edits one participant may send per minute: each is a stored event, sent ~400 ms after
   * typing stops, so a person typing fast sends a few a second at most; a script sends thousands.
   */
  draftEditsPerMinute: number;
  /** People in one exercise (facilitator, participants, observers); joins beyond are refused. */
  membersPerExercise: number;
  /** Tables in one seminar (each a full exercise); at most 20, the labels A…T. */
  seminarTables: number;
  /** People who may join one seminar through its room code, all tables together. */
  seminarPeople: number;
  /**
   * Places in one exercise that joins from one network address may take (a room behind one
   * NAT joins from one address, so this is a share, not one per person).
   */
  placesPerAddress: number;
  /** Tokens stop opening an exercise this many days after it ended (the review stays with the facilitator's export). */
  tokenDaysAfterEnd: number;
  /** Deepest nesting of arrays and objects a request body may have. */
  jsonDepth: number;
  /**
   * An import or fork not finished this long after it began is taken as crashed: at start the
   * server deletes it (it was never joinable; see `ExerciseStore.discardUnpublished`).
   */
  unfinishedImportMinutes: number;
  /** A socket that has not subscribed (sent a valid token) within this is disconnected. */
  socketSubscribeMs: number;
  /** Subscribes one socket may send per minute (a client resubscribes after a gap); beyond, it is cut off. */
  socketSubscribesPerMinute: number;
  /** Wrong join codes tolerated per minute, from one address and from everyone. */
  join: { wrongCodesPerAddressPerMinute: number; wrongCodesPerMinute: number };
  /** Wrong facilitator passcodes tolerated per minute, from one address and from everyone. */
  passcode: { wrongPerAddressPerMinute: number; wrongPerMinute: number };
  /** Locks (and re-locks) one participant may send per minute: each is a stored event. */
  locksPerMinute: number;
  /**
   * Reads of a whole log (exports, timelines, forks, Monte Carlo's log): how many run at once,
   * how many more wait (beyond: `rate_limited`), and how many one member may ask per minute.
   */
  logReads: { concurrent: number; waiting: number; perMemberPerMinute: number };
  /** Workbooks read and converted in a worker thread, one job at a time. */
  authoring: {
    /** Jobs waiting for the worker before new ones are refused with `rate_limited`. */
    maxQueued: number;
    /** A job running longer is stopped (its worker replaced) and refused. */
    timeoutMs: number;
    /** Heap of the worker, MB: a zip that inflates to gigabytes stops the worker, not the server. */
    workerHeapMb: number;
  };
  /**
   * Events an exercise's log grows past its stored snapshot before the next is written: a
   * reload after eviction folds the snapshot and at most about this many events.
   */
  foldSnapshotEvents: number;
  monteCarlo: {
    /** Most runs one request may ask for. */
    maxRuns: number;
    /** Worker threads that run Monte Carlo off the event loop (one leaves a core for requests). */
    workers: number;
    /** Requests waiting for a worker before new ones are refused with `rate_limited`. */
    maxQueued: number;
    /** A job running longer is stopped (its worker replaced) and refused. */
    timeoutMs: number;
    /** Computed answers one token may ask for per minute (cached answers do not count here). */
    perTokenPerMinute: number;
    /** Answers one token may ask for per minute, cached ones included. */
    answersPerTokenPerMinute: number;
    /** Answers kept per exercise log and run count (least recently used go first). */
    cacheEntries: number;
    /**
     * Runs × log events one job may fold: a longer log gets fewer runs (never fewer than
     * `minRuns`), so one request's work stays bounded however long its exercise grew.
     */
    eventRunsPerJob: number;
    /** Runs a job keeps however long its log (bands need a few dozen to mean anything). */
    minRuns: number;
  };
}

export const DEFAULT_LIMITS: Limits = {
  // A workbook upload is its bytes in base64 (AUTHORING_LIMITS.workbookBytes ≈ 1 MB → 1.33 MB);
  // a save carries the edited cells.
  bodyBytes: { default: 256 * 1024, import: 8 * 1024 * 1024, workbook: 2 * 1024 * 1024 },
  replayBatchEvents: 50,
  exercisesInMemory: 200,
  foldSnapshotEvents: 2000,
  draftEditsPerMinute: 120,
  membersPerExercise: 200,
  seminarTables: 20,
  seminarPeople: 200,
  placesPerAddress: 100,
  tokenDaysAfterEnd: 30,
  jsonDepth: 32,
  unfinishedImportMinutes: 10,
  socketSubscribeMs: 10_000,
  socketSubscribesPerMinute: 20,
  join: { wrongCodesPerAddressPerMinute: 10, wrongCodesPerMinute: 100 },
  passcode: { wrongPerAddressPerMinute: 5, wrongPerMinute: 20 },
  locksPerMinute: 30,
  logReads: { concurrent: 2, waiting: 16, perMemberPerMinute: 30 },
  authoring: { maxQueued: 8, timeoutMs: 20_000, workerHeapMb: 384 },
  monteCarlo: {
    maxRuns: 1000,
    workers: 1,
    maxQueued: 8,
    timeoutMs: 60_000,
    perTokenPerMinute: 6,
    answersPerTokenPerMinute: 30,
    cacheEntries: 32,
    // 200 runs (the review page's ask) up to a 10,000-event log; 50 runs at 40,000 events.
    eventRunsPerJob: 2_000_000,
    minRuns: 20,
  },
};

/** Defaults with some values replaced. */
export function withLimits(
  overrides: Partial<Omit<Limits, "monteCarlo">> & {
    monteCarlo?: Partial<Limits["monteCarlo"]>;
  } = {},
): Limits {
  return {
    ...DEFAULT_LIMITS,
    ...overrides,
    monteCarlo: { ...DEFAULT_LIMITS.monteCarlo, ...overrides.monteCarlo },
  };
}
