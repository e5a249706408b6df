import {
  AppError,
  type ForkInput,
  type ImportInput,
  INPUT_LIMITS,
  isEngineEvent,
  type RunBranchInput,
  readStoredEvent,
  refusal,
} from "@chokepoint/contracts";
import {
  applyEvent,
  type EngineEvent,
  initialState,
  prepareModel,
  type Scenario,
  stateHash,
} from "@chokepoint/engine";
import type { ExerciseState, Member, NoteEvent } from "../core/index.ts";
import type { ExerciseRunner } from "../service/exercise-runner.ts";
import { logPages } from "../service/log-pages.ts";
import { replayInto, runToEnd } from "../service/run-headless.ts";

/**
 * Writers beside the live session — import, fork, headless branch runs. Each creates or
 * changes an exercise only through the one write path (decide → append → evolve, in the
 * exercise's queue) and its store port, so the same rules, derived columns and snapshots
 * apply, and the rules run on the in-memory store as on the database.
 */

/** Re-creates an exported exercise as a new one; its replay reproduces the recorded hashes. */
export async function importExercise(runner: ExerciseRunner, input: ImportInput) {
  const file = input.exercise;
  const entry = runner.catalog.require(file.scenario.id, "exercise.scenario.id");
  if (entry.scenario.version !== file.scenario.version)
    throw refusal("import_scenario_version", {
      scenario: file.scenario.id,
      have: entry.scenario.version,
      file: file.scenario.version,
    });
  // Older files carry older event shapes: upgrade each (upcasters), never re-validate strictly.
  // A turn of the event loop every 20 ms: reading tens of thousands of events takes seconds,
  // and other exercises' requests must not wait for that.
  const events: ReturnType<typeof readStoredEvent>[] = [];
  let since = performance.now();
  for (const [i, e] of file.events.entries()) {
    if (performance.now() - since > 20) {
      await new Promise((r) => setImmediate(r));
      since = performance.now();
    }
    try {
      events.push(readStoredEvent(e.event, e.v ?? 1));
    } catch (err) {
      throw refusal("import_unreadable_event", { index: i, problem: (err as Error).message });
    }
  }
  const unverified = await checkImport(file, events.filter(isEngineEvent), entry.scenario);
  const created = await runner.store.create({
    scenarioId: file.scenario.id,
    scenarioVersion: file.scenario.version,
    seed: file.seed,
    teams: file.teams,
    facilitatorName: input.facilitatorName,
    ...(file.title ? { title: file.title } : {}),
    // Written in batches: until the last one, no code opens it (a crash leaves nothing joinable).
    unpublished: true,
    unverified,
  });
  const me = created.facilitator.participantId;
  try {
    await replayInto(runner, created.sessionId, me, events.filter(isEngineEvent));
  } catch (e) {
    if (e instanceof AppError && e.code === "rule_violation")
      throw refusal("import_broken_log", { problem: { en: e.message, ja: e.ja } });
    throw e;
  }
  // Notes travel in the log with their author and times; restore them as they were.
  const reviewTypes = new Set([
    "note_written",
    "note_deleted",
    "debrief_question_added",
    "debrief_answered",
  ]);
  const notes = events.filter((e): e is NoteEvent => reviewTypes.has(e.type));
  if (notes.length)
    await runner.execute(
      created.sessionId,
      { participantId: me },
      { type: "replay_notes", events: notes },
    );
  // An import is a record to review: end it if the file had not.
  const state = await runner.read(created.sessionId);
  if (state.status !== "ended")
    await runner.execute(
      created.sessionId,
      { participantId: me },
      { type: "control", action: "end" },
    );
  await publish(runner, created.sessionId);
  return {
    sessionId: created.sessionId,
    token: created.facilitator.token,
    stateHashes: await hashesOf(runner, created.sessionId),
    unverified,
  };
}

/** Gives a fully written exercise its join code; its cached state is refolded with it. */
async function publish(runner: ExerciseRunner, sessionId: string): Promise<string> {
  const joinCode = await runner.store.publish(sessionId);
  await runner.refreshHeader(sessionId);
  return joinCode;
}

/**
 * The state hash after each resolved turn, as stored with its snapshot by the fold that wrote
 * the log (checkImport has already replayed the file against its recorded hashes). Reading the
 * whole log back to replay it again held the event loop for 1.5 s on a 40,000-event import.
 */
async function hashesOf(runner: ExerciseRunner, sessionId: string) {
  const hashes: Record<string, string> = {};
  for (const s of await runner.store.snapshotHashes(sessionId))
    hashes[String(s.turn)] = s.stateHash;
  return hashes;
}

/**
 * A branch of `parent` holding its log up to turn k (everything decided before it), paused, to
 * play live or run headless. `caller` (the member allowed to fork) becomes its facilitator.
 */
export async function forkExercise(
  runner: ExerciseRunner,
  parent: ExerciseState,
  caller: Member,
  { atTurn }: ForkInput,
) {
  const resolved = parent.engine.results.length;
  if (atTurn > resolved) throw refusal("fork_after_played", { resolved });
  const g = parent.genesis;
  // The parent's own scenario reference: a library scenario is kept by its library id and version.
  const header = await runner.store.header(g.sessionId);
  const created = await runner.store.create({
    scenarioId: header.scenarioId,
    scenarioVersion: header.scenarioVersion,
    seed: g.seed,
    teams: g.teams,
    facilitatorName: caller.displayName,
    parentId: g.sessionId,
    forkedAtTurn: atTurn,
    ...(g.title ? { title: g.title } : {}),
    unpublished: true,
  });
  // Read in pages (a 40,000-event log in one read held the event loop 1.6 s).
  const events: EngineEvent[] = [];
  for await (const page of logPages(runner.store, g.sessionId))
    for (const { event } of page)
      if (isEngineEvent(event) && event.turn < atTurn) events.push(event);
  const me = { participantId: created.facilitator.participantId };
  await replayInto(runner, created.sessionId, me.participantId, events);
  for (const action of ["start", "pause"] as const)
    await runner.execute(created.sessionId, me, { type: "control", action });
  return {
    sessionId: created.sessionId,
    joinCode: await publish(runner, created.sessionId),
    token: created.facilitator.token,
  };
}

/** Runs a branch (or any exercise) to the end headless with the given decisions, as `me`. */
export async function runBranch(
  runner: ExerciseRunner,
  state: ExerciseState,
  me: Member,
  input: RunBranchInput,
) {
  const decisions = new Map(Object.entries(input.turns).map(([t, d]) => [Number(t), d]));
  const r = await runToEnd(runner, state.genesis.sessionId, me.participantId, decisions);
  return { turnsPlayed: r.turnsPlayed, refused: r.refused };
}

/**
 * Everything an import must satisfy before anything is written: the teams are the scenario's
 * (each once), decisions come only from those teams, every event applies under the live rules,
 * and the log replays to the state hashes the file recorded. Yields to other requests every
 * 20 ms, since a long log takes a while. Answers whether the import is unverified: some resolved
 * turn had no recorded hash to check (a hand-made or stripped file), or the file says it came
 * from an unverified import itself.
 */
async function checkImport(
  file: ImportInput["exercise"],
  events: readonly EngineEvent[],
  scenario: Scenario,
): Promise<boolean> {
  let unverified = file.unverified === true;
  const known = new Set(scenario.teams.map((t) => t.id));
  for (const [i, team] of file.teams.entries()) {
    if (!known.has(team))
      throw refusal("import_unknown_team", {
        index: i,
        team,
        scenario: scenario.id,
        teams: [...known],
      });
    if (file.teams.indexOf(team) !== i) throw refusal("import_team_twice", { index: i, team });
  }
  const model = prepareModel(scenario);
  let state = initialState(model, file.seed);
  let since = performance.now();
  for (const [i, e] of events.entries()) {
    if (performance.now() - since > 20) {
      await new Promise((r) => setImmediate(r));
      since = performance.now();
    }
    // The live rules' text limits apply to an import too (a 7 MB override reason was accepted
    // and grew the database by 66 MB; live, a reason is at most 2,000 characters).
    const maxReason = INPUT_LIMITS.overrideReasonChars.max;
    if (e.type === "outcome_overridden" && e.reason.length > maxReason)
      throw refusal("import_reason_too_long", {
        index: i,
        chars: e.reason.length,
        maxChars: maxReason,
      });
    if (e.type === "decisions_locked" && !file.teams.includes(e.team))
      throw refusal("import_decision_of_absent_team", {
        index: i,
        team: e.team,
        teams: file.teams,
      });
    const r = applyEvent(model, state, e);
    if (!r.ok)
      throw refusal("import_event_does_not_apply", {
        index: i,
        said: { en: r.error.message, ja: r.error.ja },
      });
    state = r.state;
    if (e.type !== "turn_resolved") continue;
    const recorded = file.stateHashes[String(e.turn)];
    if (recorded === undefined) unverified = true;
    else if (recorded !== stateHash(state))
      throw refusal("import_hash_mismatch", {
        turn: e.turn,
        replayed: stateHash(state),
        recorded,
      });
  }
  return unverified;
}
