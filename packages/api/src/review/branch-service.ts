import {
  AppError,
  type ForkInput,
  type ImportInput,
  INPUT_LIMITS,
  isEngineEvent,
  type RunBranchInput,
  readStoredEvent,
} from "@chokepoint/contracts";
import {
  applyEvent,
  type EngineEvent,
  initialState,
  prepareModel,
  type Scenario,
  stateHash,
} from "@chokepoint/engine";
import type { NoteEvent } from "../core/index.ts";
import type { ExerciseService } from "../service/exercise-service.ts";
import { logPages } from "../service/log-pages.ts";
import { replayInto, runToEnd } from "../service/run-headless.ts";
import { openExercise } from "./open-exercise.ts";

/**
 * Writers beside the live session — import, fork, headless branch runs. Each creates or
 * changes an exercise only through the one write path (decide → append → evolve, in the
 * exercise's queue), so the same rules, derived columns and snapshots apply.
 */

/** Re-creates an exported exercise as a new one; its replay reproduces the recorded hashes. */
export async function importExercise(exercises: ExerciseService, input: ImportInput) {
  const file = input.exercise;
  const entry = exercises.catalog.require(file.scenario.id, "exercise.scenario.id");
  if (entry.scenario.version !== file.scenario.version)
    throw new AppError(
      "invalid_payload",
      `exercise.scenario.version: this server has ${file.scenario.id} ${entry.scenario.version}, the export was made on ${file.scenario.version}`,
      undefined,
      `シナリオの版が違います：このサーバーは${file.scenario.id} ${entry.scenario.version}、ファイルは${file.scenario.version}で作られています`,
    );
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
      throw new AppError(
        "invalid_payload",
        `exercise.events[${i}]: ${(err as Error).message}`,
        undefined,
        `exercise.events[${i}]：読み込めない記録です（${(err as Error).message}）`,
      );
    }
  }
  await checkImport(file, events.filter(isEngineEvent), entry.scenario);
  const created = await exercises.store.create({
    scenarioId: file.scenario.id,
    scenarioVersion: file.scenario.version,
    seed: file.seed,
    teams: file.teams,
    facilitatorName: input.facilitatorName,
    ...(file.title ? { title: file.title } : {}),
    // Written in batches: until the last one, no code opens it (a crash leaves nothing joinable).
    unpublished: true,
  });
  const me = created.facilitator.participantId;
  try {
    await replayInto(exercises.runner, created.sessionId, me, events.filter(isEngineEvent));
  } catch (e) {
    if (e instanceof AppError && e.code === "rule_violation")
      throw new AppError(
        "invalid_payload",
        `exercise.events: ${e.message}`,
        undefined,
        `exercise.events：記録が正しくありません（${e.message}）`,
      );
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
    await exercises.runner.execute(
      created.sessionId,
      { participantId: me },
      { type: "replay_notes", events: notes },
    );
  // An import is a record to review: end it if the file had not.
  const state = await exercises.runner.read(created.sessionId);
  if (state.status !== "ended")
    await exercises.runner.execute(
      created.sessionId,
      { participantId: me },
      { type: "control", action: "end" },
    );
  await publish(exercises, created.sessionId);
  return {
    sessionId: created.sessionId,
    token: created.facilitator.token,
    stateHashes: await hashesOf(exercises, created.sessionId),
  };
}

/** Gives a fully written exercise its join code; its cached state is refolded with it. */
async function publish(exercises: ExerciseService, sessionId: string): Promise<string> {
  const joinCode = await exercises.store.publish(sessionId);
  await exercises.runner.refreshHeader(sessionId);
  return joinCode;
}

/**
 * The state hash after each resolved turn, as stored with its snapshot by the fold that wrote
 * the log (checkImport has already replayed the file against its recorded hashes). Reading the
 * whole log back to replay it again held the event loop for 1.5 s on a 40,000-event import.
 */
async function hashesOf(exercises: ExerciseService, sessionId: string) {
  const hashes: Record<string, string> = {};
  for (const s of await exercises.store.snapshotHashes(sessionId))
    hashes[String(s.turn)] = s.stateHash;
  return hashes;
}

/** A branch holding the log up to turn k (everything decided before it), paused, to play live or run headless. */
export async function forkExercise(
  exercises: ExerciseService,
  token: unknown,
  { atTurn }: ForkInput,
) {
  const { state: parent, me: caller } = await openExercise(exercises, token, "fork");
  const resolved = parent.engine.results.length;
  if (atTurn > resolved)
    throw new AppError(
      "rule_violation",
      `atTurn: only ${resolved} turns have been played; fork at 0…${resolved}`,
      undefined,
      `atTurn：進んだのは${resolved}ターンまでです。分岐できるのは0～${resolved}です`,
    );
  const g = parent.genesis;
  // The parent's own scenario reference: a library scenario is kept by its library id and version.
  const header = await exercises.store.header(g.sessionId);
  const created = await exercises.store.create({
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
  for await (const page of logPages(exercises.store, g.sessionId))
    for (const { event } of page)
      if (isEngineEvent(event) && event.turn < atTurn) events.push(event);
  const me = { participantId: created.facilitator.participantId };
  await replayInto(exercises.runner, created.sessionId, me.participantId, events);
  for (const action of ["start", "pause"] as const)
    await exercises.runner.execute(created.sessionId, me, { type: "control", action });
  return {
    sessionId: created.sessionId,
    joinCode: await publish(exercises, created.sessionId),
    token: created.facilitator.token,
  };
}

/** Runs a branch (or any exercise) to the end headless with the given decisions. */
export async function runBranch(exercises: ExerciseService, token: unknown, input: RunBranchInput) {
  const { state, me } = await openExercise(exercises, token, "fork");
  const decisions = new Map(Object.entries(input.turns).map(([t, d]) => [Number(t), d]));
  const r = await runToEnd(exercises.runner, state.genesis.sessionId, me.participantId, decisions);
  return { turnsPlayed: r.turnsPlayed, refused: r.refused };
}

/**
 * Everything an import must satisfy before anything is written: the teams are the scenario's
 * (each once), decisions come only from those teams, every event applies under the live rules,
 * and the log replays to the state hashes the file recorded. Yields to other requests every
 * 20 ms, since a long log takes a while.
 */
async function checkImport(
  file: ImportInput["exercise"],
  events: readonly EngineEvent[],
  scenario: Scenario,
): Promise<void> {
  const known = new Set(scenario.teams.map((t) => t.id));
  for (const [i, team] of file.teams.entries()) {
    if (!known.has(team))
      throw new AppError(
        "invalid_payload",
        `exercise.teams.${i}: '${team}' is not a team of ${scenario.id} (teams: ${[...known].join(", ")})`,
        undefined,
        `exercise.teams.${i}：「${team}」は${scenario.id}のチームではありません（チーム：${[...known].join("、")}）`,
      );
    if (file.teams.indexOf(team) !== i)
      throw new AppError(
        "invalid_payload",
        `exercise.teams.${i}: '${team}' is listed twice`,
        undefined,
        `exercise.teams.${i}：「${team}」が二度書かれています`,
      );
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
      throw new AppError(
        "invalid_payload",
        `exercise.events: engine event ${i} is an override whose reason has ${e.reason.length} characters; at most ${maxReason}`,
        { maxChars: maxReason },
        `exercise.events：記録${i}の修正理由が${e.reason.length}文字あります。最大${maxReason}文字です`,
      );
    if (e.type === "decisions_locked" && !file.teams.includes(e.team))
      throw new AppError(
        "invalid_payload",
        `exercise.events: engine event ${i} is a decision of '${e.team}', which is not in this exercise (teams: ${file.teams.join(", ")})`,
        undefined,
        `exercise.events：記録${i}は「${e.team}」の決定ですが、このチームは演習にいません（チーム：${file.teams.join("、")}）`,
      );
    const r = applyEvent(model, state, e);
    if (!r.ok)
      throw new AppError(
        "invalid_payload",
        `exercise.events: engine event ${i} does not apply: ${r.error.message}`,
        undefined,
        `exercise.events：記録${i}はルール上適用できません（${r.error.ja}）`,
      );
    state = r.state;
    const recorded = e.type === "turn_resolved" ? file.stateHashes[String(e.turn)] : undefined;
    if (recorded !== undefined && recorded !== stateHash(state))
      throw new AppError(
        "invalid_payload",
        `exercise.stateHashes.${e.turn}: the log replays to ${stateHash(state)} but the file records ${recorded}; the file was changed, or made by another engine version`,
        undefined,
        `exercise.stateHashes.${e.turn}：記録を再生した状態（${stateHash(state)}）がファイルの記録（${recorded}）と一致しません。ファイルが変更されたか、別の版のエンジンで作られています`,
      );
  }
}
