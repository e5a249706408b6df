import { isEngineEvent } from "@chokepoint/contracts";
import {
  appendEvent,
  createSession,
  type Database,
  headSeq,
  readLog,
  saveSnapshot,
  setSessionStatus,
} from "@chokepoint/db";
import {
  applyEvent,
  type EngineEvent,
  type Locale,
  type Plan,
  prepareModel,
  replay,
  type Scenario,
  stateHash,
} from "@chokepoint/engine";

/**
 * Plays a scenario as a stored exercise: creates the session, appends every decision and
 * turn to the event log (each durable before the next), snapshots each turn, then replays
 * the log read back from the database and checks it reproduces the live state exactly.
 */
export async function storedRun(
  db: Database,
  scenario: Scenario,
  seed: number,
  plan: Plan,
  locale: Locale,
) {
  const model = prepareModel(scenario);
  const { sessionId, joinCode } = await createSession(db, {
    scenarioId: scenario.id,
    scenarioVersion: scenario.version,
    seed,
    teams: scenario.teams.map((t) => t.id),
    facilitatorName: locale === "ja" ? "ファシリテーター（自動実行）" : "Facilitator (headless)",
    title: scenario.title[locale],
  });
  await setSessionStatus(db, sessionId, "running");
  let seq = await headSeq(db, sessionId);
  const append = async (event: unknown) => {
    const r = await appendEvent(db, {
      sessionId,
      expectedSeq: seq,
      event,
      idempotencyKey: `${sessionId}:${seq + 1}`,
    });
    seq = r.stored.seq;
  };
  await append({ type: "session_started" });
  const first = replay(scenario, seed, []);
  if (!first.ok) throw new Error(first.error.message);
  let state = first.state;
  const apply = async (e: EngineEvent) => {
    const r = applyEvent(model, state, e);
    if (!r.ok) return r.error.message;
    await append(e);
    state = r.state;
    return undefined;
  };
  const refused: string[] = [];
  for (let turn = 0; turn < scenario.calendar.turns; turn++) {
    for (const d of plan.get(turn) ?? []) {
      const why = await apply({ type: "decisions_locked", turn, team: d.team, actions: d.actions });
      if (why) refused.push(`${d.team} @${turn + 1}: ${why}`);
    }
    await apply({ type: "turn_resolved", turn });
    await saveSnapshot(db, sessionId, { turn, seq, stateHash: stateHash(state), state });
  }
  await append({ type: "session_ended" });
  await setSessionStatus(db, sessionId, "ended");

  const stored = (await readLog(db, sessionId)).map((e) => e.event).filter(isEngineEvent);
  const replayed = replay(scenario, seed, stored);
  if (!replayed.ok)
    throw new Error(
      `the stored log does not replay: event ${replayed.index}: ${replayed.error.message}`,
    );
  const liveHash = stateHash(state);
  const replayHash = stateHash(replayed.state);
  if (liveHash !== replayHash)
    throw new Error(
      `replay from the database (${replayHash}) differs from the live state (${liveHash})`,
    );
  return {
    sessionId,
    joinCode,
    events: seq,
    state: replayed.state,
    model,
    hash: replayHash,
    refused,
  };
}
