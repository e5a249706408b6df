import { isEngineEvent, type LogEvent } from "@chokepoint/contracts";
import { type Database, getSession, readLog } from "@chokepoint/db";
import {
  applyEvent,
  type EngineState,
  initialState,
  type Model,
  type Scenario,
} from "@chokepoint/engine";
import type { ScenarioCatalog } from "../scenario-catalog.ts";

export interface Member {
  participantId: string;
  displayName: string;
  role: "facilitator" | "participant" | "observer";
  team: string | null;
}

/** One exercise in memory: the engine state folded from its log, and who is in it. */
export interface LoadedExercise {
  sessionId: string;
  joinCode: string;
  title: string | null;
  status: "lobby" | "running" | "paused" | "ended";
  turnTimerSeconds: number | null;
  scenario: Scenario;
  model: Model;
  teams: string[];
  seed: number;
  /** Last log seq folded in. */
  seq: number;
  state: EngineState;
  members: Map<string, Member>;
  messages: { seq: number; text: string; at: string }[];
}

/**
 * Rebuilds an exercise from the database: the session row, then every log event in order
 * (engine events through the engine, session events into membership and messages). This is
 * how a restarted server resumes at the same turn with every locked decision.
 */
export async function loadExercise(
  db: Database,
  catalog: ScenarioCatalog,
  sessionId: string,
): Promise<LoadedExercise> {
  const row = await getSession(db, sessionId);
  const entry = catalog.get(row.scenarioId);
  if (!entry)
    throw new Error(
      `exercise ${sessionId} uses scenario '${row.scenarioId}', which this server does not have`,
    );
  if (entry.scenario.version !== row.scenarioVersion) {
    // Replaying on another version could diverge silently; refuse loudly instead.
    throw new Error(
      `exercise ${sessionId} was run on ${row.scenarioId} ${row.scenarioVersion}, but this server has ${entry.scenario.version}`,
    );
  }
  const participants = await db.participant.findMany({
    where: { sessionId },
    include: { team: true },
  });
  const ex: LoadedExercise = {
    sessionId,
    joinCode: row.joinCode,
    title: row.title,
    status: row.status as LoadedExercise["status"],
    turnTimerSeconds: row.turnTimerSeconds,
    scenario: entry.scenario,
    model: entry.model,
    teams: row.teams.map((t) => t.key),
    seed: row.seed,
    seq: 0,
    state: initialState(entry.model, row.seed),
    members: new Map(
      participants.map((p) => [
        p.id,
        {
          participantId: p.id,
          displayName: p.displayName,
          role: p.role as Member["role"],
          team: p.team?.key ?? null,
        },
      ]),
    ),
    messages: [],
  };
  for (const e of await readLog(db, sessionId)) foldInto(ex, e.seq, e.event, e.createdAt);
  return ex;
}

/** Applies one stored event to the in-memory exercise. Stored events were valid when written. */
export function foldInto(ex: LoadedExercise, seq: number, event: LogEvent, at: Date): void {
  ex.seq = seq;
  if (isEngineEvent(event)) {
    const r = applyEvent(ex.model, ex.state, event);
    if (!r.ok)
      throw new Error(
        `stored event ${seq} of ${ex.sessionId} no longer applies: ${r.error.message}`,
      );
    ex.state = r.state;
    return;
  }
  switch (event.type) {
    case "participant_joined":
      ex.members.set(event.participantId, {
        participantId: event.participantId,
        displayName: event.displayName,
        role: event.role,
        team: event.team,
      });
      break;
    case "participant_moved": {
      const m = ex.members.get(event.participantId);
      if (m) m.team = event.team;
      break;
    }
    case "message_broadcast":
      ex.messages.push({ seq, text: event.text, at: at.toISOString() });
      break;
    case "session_started":
    case "session_resumed":
      ex.status = "running";
      break;
    case "session_paused":
      ex.status = "paused";
      break;
    case "session_ended":
      ex.status = "ended";
      break;
  }
}
