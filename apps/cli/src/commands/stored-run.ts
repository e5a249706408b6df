import { ExerciseRunner, runToEnd, ScenarioCatalog } from "@chokepoint/api";
import { isEngineEvent } from "@chokepoint/contracts";
import { type Database, PrismaExerciseStore } from "@chokepoint/db";
import { type Locale, type Plan, replay, type Scenario, stateHash } from "@chokepoint/engine";

/**
 * Plays a scenario as a stored exercise through the same write path as a live one (the api's
 * headless runner: each decision and turn decided by the exercise core, stored durably with
 * its snapshot before the next), then replays the log read back from the database and checks
 * it reproduces the live state exactly.
 */
export async function storedRun(
  db: Database,
  scenario: Scenario,
  seed: number,
  plan: Plan,
  locale: Locale,
) {
  const catalog = new ScenarioCatalog([scenario]);
  const store = new PrismaExerciseStore(db);
  const runner = new ExerciseRunner(store, catalog);
  const created = await store.create({
    scenarioId: scenario.id,
    scenarioVersion: scenario.version,
    seed,
    teams: scenario.teams.map((t) => t.id),
    facilitatorName: locale === "ja" ? "ファシリテーター（自動実行）" : "Facilitator (headless)",
    title: scenario.title[locale],
  });
  const { sessionId, joinCode } = created;
  const facilitator = created.facilitator.participantId;
  await runner.execute(
    sessionId,
    { participantId: facilitator },
    { type: "control", action: "start" },
  );
  const live = await runToEnd(runner, sessionId, facilitator, plan);
  const log = await store.readLog(sessionId);
  const replayed = replay(scenario, seed, log.map((e) => e.event).filter(isEngineEvent));
  if (!replayed.ok)
    throw new Error(
      `the stored log does not replay: event ${replayed.index}: ${replayed.error.message}`,
    );
  const liveHash = stateHash(live.state.engine);
  const replayHash = stateHash(replayed.state);
  if (liveHash !== replayHash)
    throw new Error(
      `replay from the database (${replayHash}) differs from the live state (${liveHash})`,
    );
  return {
    sessionId,
    joinCode,
    events: log.length,
    state: replayed.state,
    model: catalog.require(scenario.id).model,
    hash: replayHash,
    refused: live.refused.map((r) => `${r.team} @${r.turn + 1}: ${r.message}`),
  };
}
