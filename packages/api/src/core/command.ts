import type { EngineEvent, LeverAction, OverrideTarget, ScenarioEvent } from "@chokepoint/engine";
import type { z } from "zod";
import type { NoteEvent } from "./decide-note.ts";
import type { Role } from "./exercise-state.ts";

/**
 * Everything anyone can ask of an exercise, as data. Ids and times are made outside the core
 * (ids by the service, times by the clock) and arrive here in the command: the core has none.
 */
export type Command =
  | {
      type: "join";
      participantId: string;
      displayName: string;
      role: Exclude<Role, "facilitator">;
      team: string | null;
      /** Which code the joiner typed: the observer code makes an observer, the join code a participant. */
      via: "join_code" | "observer_code";
      /** Most members the exercise takes (the server's limit, passed as data). */
      capacity: number;
    }
  | { type: "lock"; turn: number; actions: LeverAction[] }
  /** Sets one lever of the caller's team draft (`turn` is the turn the editor was looking at). */
  | { type: "edit_draft"; turn: number; lever: string; actions: LeverAction[] }
  | { type: "set_resolution_mode"; mode: "all_locked" | "reveal" }
  | { type: "advance"; turn: number }
  | { type: "timer_expired"; turn: number }
  | {
      type: "inject";
      turn: number;
      inject?: string;
      custom?: z.infer<typeof ScenarioEvent>;
    }
  | { type: "override"; turn: number; target: z.infer<typeof OverrideTarget>; reason: string }
  | { type: "broadcast"; text: string }
  | { type: "move"; participantId: string; team: string | null }
  | { type: "remove"; participantId: string }
  | { type: "control"; action: "start" | "pause" | "resume" | "end" }
  /** Writes or edits a note; `at` is the service's clock, carried as data. */
  | { type: "write_note"; noteId: string; turn: number | null; body: string; at: string }
  | { type: "delete_note"; noteId: string; at: string }
  | { type: "add_debrief_question"; questionId: string; text: string }
  | { type: "answer_debrief"; questionId: string; answer: string; at: string }
  /** Restores notes and the questionnaire from an imported log as they were (authors, times). */
  | { type: "replay_notes"; events: NoteEvent[] }
  /** Replays engine events already decided elsewhere (import, fork, headless branch runs). */
  | { type: "replay_engine"; events: EngineEvent[] };

/** Reads that are not events: who may do them is still a rule of the core. */
export type Permission = "view" | "review" | "write_note" | "fork" | "export" | "answer_debrief";

export type CommandType = Command["type"];
