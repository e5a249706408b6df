import { isEngineEvent, type LogEvent } from "@chokepoint/contracts";
import { applyEngineEvent } from "./apply-engine-event.ts";
import { evolveVersions } from "./audience-version.ts";
import type { ClosedBy, ExerciseState } from "./exercise-state.ts";
import { evolveNews } from "./news-feed.ts";
import { evolveDecisions } from "./team-decision.ts";
import { evolveClock } from "./turn-clock.ts";

/** One stored event with the facts the store adds: its seq, when it was written and by whom. */
export interface Recorded {
  seq: number;
  event: LogEvent;
  /** ISO time the event was stored (data, not a clock read). */
  at: string;
  /** The same time in epoch ms, for the turn timer (absent in logs folded without times). */
  atMs?: number;
  /** The participant whose command stored it; null for the server itself (its turn timers). */
  actorId?: string | null;
}

/**
 * Folds one stored event into the exercise (emmett's `evolve`). Stored events were valid when
 * written; one that no longer applies is a programmer error (a changed engine or scenario),
 * so it throws rather than returning a value.
 */
export function evolve(state: ExerciseState, r: Recorded): ExerciseState {
  const after = evolveOne(state, r);
  return {
    ...after,
    decisions: evolveDecisions(state, after, r),
    clock: evolveClock(state, after, r),
    news: evolveNews(state, after, r),
    versions: evolveVersions(state.versions, r.event, r.seq),
    // The decisions a turn played, read before the engine cleared them for the next turn.
    revealed:
      r.event.type === "turn_resolved"
        ? { turn: r.event.turn, decisions: state.engine.locked }
        : state.revealed,
    closedBy:
      r.event.type === "turn_resolved"
        ? { ...state.closedBy, [r.event.turn]: closedBy(after, r) }
        : state.closedBy,
  };
}

function closedBy(state: ExerciseState, r: Recorded): ClosedBy {
  if (r.actorId === null) return "timer";
  const m = r.actorId === undefined ? undefined : state.members.get(r.actorId);
  return m?.role === "participant" ? "all_locked" : "facilitator";
}

function evolveOne(state: ExerciseState, r: Recorded): ExerciseState {
  const { event, seq } = r;
  if (isEngineEvent(event)) {
    const step = applyEngineEvent(state.genesis.model, state.engine, event);
    if (!step.ok)
      throw new Error(
        `stored event ${seq} (${event.type}) of ${state.genesis.sessionId} no longer applies: ${step.error.message}. Replay it on the scenario version it was recorded with.`,
      );
    return { ...state, seq, engine: step.state };
  }
  switch (event.type) {
    case "participant_joined":
    case "participant_moved": {
      const members = new Map(state.members);
      const before = members.get(event.participantId);
      if (event.type === "participant_joined")
        members.set(event.participantId, {
          participantId: event.participantId,
          displayName: event.displayName,
          role: event.role,
          team: event.team,
        });
      else if (before) members.set(event.participantId, { ...before, team: event.team });
      return { ...state, seq, members };
    }
    case "participant_removed": {
      const members = new Map(state.members);
      members.delete(event.participantId);
      return { ...state, seq, members, removed: new Set(state.removed).add(event.participantId) };
    }
    case "message_broadcast":
      return {
        ...state,
        seq,
        messages: [
          ...state.messages,
          {
            seq,
            text: event.text,
            at: r.at,
            by: (r.actorId && state.members.get(r.actorId)?.displayName) || null,
          },
        ],
      };
    case "draft_edited":
      return { ...state, seq };
    case "resolution_mode_set":
      return { ...state, seq, resolution: event.mode };
    case "drafting_closed":
      return { ...state, seq, draftingClosed: event.turn };
    case "turn_extended":
      return { ...state, seq };
    case "session_started":
    case "session_resumed":
      return { ...state, seq, status: "running" };
    case "session_paused":
      return { ...state, seq, status: "paused" };
    case "session_ended":
      return { ...state, seq, status: "ended", endedAt: r.at };
    case "note_written": {
      const notes = new Map(state.notes);
      const before = notes.get(event.noteId);
      notes.set(event.noteId, {
        noteId: event.noteId,
        turn: event.turn,
        body: event.body,
        authorId: before?.authorId ?? event.authorId,
        authorName: before?.authorName ?? event.authorName,
        writtenAt: before?.writtenAt ?? event.at,
        editedAt: before ? event.at : null,
      });
      return { ...state, seq, notes };
    }
    case "debrief_question_added":
      return {
        ...state,
        seq,
        debrief: {
          ...state.debrief,
          questions: [
            ...state.debrief.questions.filter((q) => q.questionId !== event.questionId),
            { questionId: event.questionId, text: event.text },
          ],
        },
      };
    case "debrief_answered": {
      const answers = new Map(state.debrief.answers);
      const { type: _, ...answer } = event;
      answers.set(`${event.participantId}:${event.questionId}`, answer);
      return { ...state, seq, debrief: { ...state.debrief, answers } };
    }
    case "note_deleted": {
      const notes = new Map(state.notes);
      notes.delete(event.noteId);
      return { ...state, seq, notes };
    }
  }
}

/** The fold of a whole log: `state = foldLog(initial, log)`. */
export function foldLog(initial: ExerciseState, log: readonly Recorded[]): ExerciseState {
  let s = initial;
  for (const r of log) s = evolve(s, r);
  return s;
}
