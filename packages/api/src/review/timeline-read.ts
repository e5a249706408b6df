import type { ExerciseStore } from "@chokepoint/db";
import type { ExerciseState, Member, Note } from "../core/index.ts";
import type { ScenarioCatalog } from "../scenario-catalog.ts";
import { readableLog } from "./readable-log.ts";
import { runLessons } from "./run-lessons.ts";
import { referencePath, scorecard, timelineTurns } from "./timeline.ts";

/**
 * The review's one read of an exercise as `me` may see it: the scenario's names, the teams, the
 * turns as they were played, the scorecard, the notes, the questionnaire and the lineage. The
 * review screen, the PDF and the CSV all print from it.
 */
export async function readTimeline(
  store: ExerciseStore,
  catalog: ScenarioCatalog,
  state: ExerciseState,
  me: Member,
) {
  const g = state.genesis;
  const log = await readableLog(store, state, me);
  const header = await store.header(g.sessionId);
  const members = [...state.members.values()];
  const started = log[0]?.createdAt ?? null;
  return {
    sessionId: g.sessionId,
    title: g.title,
    seed: g.seed,
    /** When the exercise's log begins (its first event), ISO. */
    startedAt: started ? started.toISOString() : null,
    facilitator: g.facilitator.displayName,
    scenario: {
      id: g.scenario.id,
      version: g.scenario.version,
      title: g.scenario.title,
      summary: g.scenario.summary,
      units: g.scenario.units,
      calendarTurns: g.scenario.calendar.turns,
      materials: g.scenario.materials.map((m) => ({ id: m.id, name: m.name })),
      sectors: g.scenario.sectors.map((x) => ({ id: x.id, name: x.name })),
      levers: g.scenario.levers.map((l) => ({ id: l.id, name: l.name, kind: l.kind })),
      /** Scheduled and triggered events and the facilitator's injects, by name (the Monte Carlo note names parameters of events). */
      events: g.scenario.events.map((e) => ({ id: e.id, title: e.title })),
      injects: g.scenario.injects.map((e) => ({ id: e.id, title: e.title })),
      debriefQuestions: g.scenario.debriefQuestions,
      teams: g.teams.map((id) => ({
        id,
        name: g.scenario.teams.find((x) => x.id === id)?.name ?? { ja: id, en: id },
        levers: g.scenario.teams.find((x) => x.id === id)?.levers ?? [],
        members: members
          .filter((m) => m.role === "participant" && m.team === id)
          .map((m) => m.displayName),
      })),
    },
    /** Every turn's label, played or not (for choosing turns of a branch run). */
    turnLabels: [...g.model.labels],
    observers: members.filter((m) => m.role === "observer").map((m) => m.displayName),
    status: state.status,
    turns: timelineTurns(
      state,
      log.map((e) => e.event),
    ),
    scorecard: scorecard(g.model, state),
    lessons: runLessons(g.model, state.engine.results),
    /** Japan's actual path where the scenario has one (same engine and seed), else null. */
    reference: referencePath(state, catalog.get(g.scenario.id)?.reference),
    notes: await notesOf(store, state),
    debrief: debriefOf(state),
    /** Imported without recorded state hashes: the review, the PDF and exports say so. */
    unverified: g.unverified,
    lineage: {
      parentId: header.parentId,
      forkedAtTurn: header.forkedAtTurn,
      /** Shown to the facilitator so a branch can be played live (join code, console). */
      joinCode: me.role === "facilitator" ? header.joinCode : null,
      branches: (await store.branches(g.sessionId)).map((b) => ({
        ...b,
        createdAt: b.createdAt.toISOString(),
      })),
    },
  };
}

/**
 * The notes as the log holds them, after any written before notes were events (kept in the
 * old table, shown read-only so nothing is lost).
 */
async function notesOf(
  store: ExerciseStore,
  state: ExerciseState,
): Promise<(Note & { legacy: boolean })[]> {
  const legacy = (await store.legacyNotes(state.genesis.sessionId)).map((n) => ({
    noteId: n.id,
    turn: n.turn,
    body: n.body,
    authorId: n.authorId ?? "",
    authorName: n.authorId
      ? (state.members.get(n.authorId)?.displayName ?? "")
      : state.genesis.facilitator.displayName,
    writtenAt: n.updatedAt.toISOString(),
    editedAt: null,
    legacy: true,
  }));
  return [...legacy, ...[...state.notes.values()].map((n) => ({ ...n, legacy: false }))];
}

/**
 * The questionnaire: the scenario's questions (ja/en) then the facilitator's (in the language
 * written, shown as is in both), and every answer with who gave it.
 */
export function debriefOf(state: ExerciseState) {
  const questions = [
    ...state.genesis.scenario.debriefQuestions.map((q) => ({ questionId: q.id, text: q.text })),
    ...state.debrief.questions.map((q) => ({
      questionId: q.questionId,
      text: { ja: q.text, en: q.text },
    })),
  ];
  return { questions, answers: [...state.debrief.answers.values()] };
}
