import type { EngineEvent } from "@chokepoint/engine";
import type { z } from "zod";
import {
  AdvanceTurnInput,
  BroadcastInput,
  EditDraftInput,
  ExtendTurnInput,
  FireInjectInput,
  LockDecisionInput,
  MoveParticipantInput,
  OverrideInput,
  RemoveParticipantInput,
  ResolutionModeInput,
  SessionControlInput,
} from "./commands.ts";
import type { LogEvent } from "./log-event.ts";
import { DebriefAnswerInput, DebriefQuestionInput, DeleteNoteInput, NoteInput } from "./review.ts";

/**
 * Who may send a command. The core checks it before the command's own rules:
 * - `joiner`: someone without a token yet (a join);
 * - `server`: no member at all (the server's own turn timer);
 * - `member`: any member (their role and team are then the command's own rules);
 * - `facilitator`: the exercise's facilitator only;
 * - `respondent`: participants and observers (the debrief questionnaire).
 */
export type CommandCaller = "joiner" | "server" | "member" | "facilitator" | "respondent";

/**
 * How a command reaches the server, which decides what it answers:
 * - `play`: a tRPC mutation of the live exercise; answers a `PlayReceipt` (the version the
 *   caller's view reaches; the view itself comes by the socket's push);
 * - `note`: a tRPC mutation of the review (notes, questionnaire); answers a small receipt;
 * - `join`: the join, which also makes the caller (a token) and is worded by the service;
 * - `internal`: written by the server itself (timers, import, fork, branch runs): no procedure.
 */
export type CommandKind = "play" | "note" | "join" | "internal";

/** The tRPC routers commands are published on (each router may add queries of its own). */
export type CommandRouter = "exercise" | "facilitator" | "review";

interface Declared<K extends CommandKind, W extends CommandCaller> {
  kind: K;
  who: W;
}

/** A command a client sends: its input schema is the wire contract and, less the retry key, the core's command. */
interface Published<K extends CommandKind, W extends CommandCaller, I extends z.ZodType>
  extends Declared<K, W> {
  input: I;
  router: CommandRouter;
  procedure: string;
  /** The service adds `at` (its clock, as an ISO time) to the core's command. */
  stamped: boolean;
  /** A note's answer, from its input and whether it stored anything (play commands: `PlayReceipt`). */
  receipt?: (input: z.output<I>, stored: boolean) => unknown;
}

/** A command only the server builds: `payload` is a type only (never read at run time). */
interface Unpublished<K extends CommandKind, W extends CommandCaller, P> extends Declared<K, W> {
  payload?: P;
}

function play<
  R extends "exercise" | "facilitator",
  P extends string,
  I extends z.ZodType,
  W extends CommandCaller,
>(
  router: R,
  procedure: P,
  input: I,
  who: W,
): Published<"play", W, I> & { router: R; procedure: P; stamped: false } {
  return { kind: "play", who, input, router, procedure, stamped: false };
}

function note<
  P extends string,
  I extends z.ZodType,
  W extends CommandCaller,
  const St extends boolean,
  A,
>(
  procedure: P,
  input: I,
  who: W,
  stamped: St,
  receipt: (input: z.output<I>, stored: boolean) => A,
): Published<"note", W, I> & {
  router: "review";
  procedure: P;
  stamped: St;
  receipt: (input: z.output<I>, stored: boolean) => A;
} {
  return {
    kind: "note",
    who,
    input,
    router: "review",
    procedure,
    stamped,
    receipt,
  };
}

function unpublished<P>() {
  return <K extends "join" | "internal", W extends CommandCaller>(kind: K, who: W) =>
    ({ kind, who }) as Unpublished<K, W, P>;
}

/** A review event restored as it was (import): the note and questionnaire events. */
export type NoteEvent = Extract<
  LogEvent,
  { type: "note_written" | "note_deleted" | "debrief_question_added" | "debrief_answered" }
>;

/**
 * Every command anyone can ask of an exercise, declared once: its name (the core's `type`),
 * who may send it, how it arrives (kind, router, procedure) and its input schema. The core's
 * `Command` union, the service's one `execute` path and the tRPC procedures are derived from
 * this table; a command added here without a `decide` case does not compile.
 */
export const COMMANDS = {
  join: unpublished<{
    participantId: string;
    displayName: string;
    role: "participant" | "observer";
    team: string | null;
    /** Which code the joiner typed: the observer code makes an observer, the join code a participant. */
    via: "join_code" | "observer_code";
    /** Most members the exercise takes (the server's limit, passed as data). */
    capacity: number;
  }>()("join", "joiner"),
  lock: play("exercise", "lock", LockDecisionInput, "member"),
  /** Sets one lever of the caller's team draft (`turn` is the turn the editor was looking at). */
  edit_draft: play("exercise", "editDraft", EditDraftInput, "member"),
  advance: play("facilitator", "advance", AdvanceTurnInput, "facilitator"),
  inject: play("facilitator", "inject", FireInjectInput, "facilitator"),
  override: play("facilitator", "override", OverrideInput, "facilitator"),
  broadcast: play("facilitator", "broadcast", BroadcastInput, "facilitator"),
  move: play("facilitator", "move", MoveParticipantInput, "facilitator"),
  remove: play("facilitator", "remove", RemoveParticipantInput, "facilitator"),
  set_resolution_mode: play("facilitator", "resolutionMode", ResolutionModeInput, "facilitator"),
  control: play("facilitator", "control", SessionControlInput, "facilitator"),
  extend_turn: play("facilitator", "extendTurn", ExtendTurnInput, "facilitator"),
  /** Writes or edits a note; `at` is the service's clock, carried as data. */
  write_note: note("saveNote", NoteInput, "facilitator", true, (i, stored) => ({
    noteId: i.noteId,
    stored,
  })),
  delete_note: note("deleteNote", DeleteNoteInput, "facilitator", true, (i) => ({
    noteId: i.noteId,
  })),
  add_debrief_question: note(
    "addDebriefQuestion",
    DebriefQuestionInput,
    "facilitator",
    false,
    (i) => ({ questionId: i.questionId }),
  ),
  answer_debrief: note("answerDebrief", DebriefAnswerInput, "respondent", true, (_, stored) => ({
    stored,
  })),
  /** The server's turn timer ran out for `turn`. */
  timer_expired: unpublished<{ turn: number }>()("internal", "server"),
  /** Restores notes and the questionnaire from an imported log as they were (authors, times). */
  replay_notes: unpublished<{ events: NoteEvent[] }>()("internal", "facilitator"),
  /** Replays engine events already decided elsewhere (import, fork, headless branch runs). */
  replay_engine: unpublished<{ events: EngineEvent[] }>()("internal", "facilitator"),
} as const;

export type CommandTable = typeof COMMANDS;
export type CommandName = keyof CommandTable;

/** Commands a client sends through tRPC (play and note). */
export type PublishedCommand = {
  [K in CommandName]: CommandTable[K] extends { input: z.ZodType } ? K : never;
}[CommandName];

/** The published commands of one router, by procedure name. */
export type CommandsOf<R extends CommandRouter> = {
  [K in PublishedCommand as CommandTable[K]["router"] extends R
    ? CommandTable[K]["procedure"]
    : never]: K;
};

/** The command a router serves under a procedure name. */
export type CommandAt<R extends CommandRouter, P> = {
  [K in PublishedCommand]: CommandTable[K]["router"] extends R
    ? CommandTable[K]["procedure"] extends P
      ? K
      : never
    : never;
}[PublishedCommand];

/** What a published command's input is once parsed. */
export type CommandInput<K extends PublishedCommand> = z.output<CommandTable[K]["input"]>;

type PayloadOf<S> = S extends { input: infer I extends z.ZodType }
  ? Omit<z.output<I>, "idempotencyKey"> & (S extends { stamped: true } ? { at: string } : unknown)
  : S extends { payload?: infer P }
    ? P
    : never;

/**
 * Everything anyone can ask of an exercise, as data (the core's input). Ids and times are made
 * outside the core (ids by the service, times by the clock) and arrive here in the command.
 */
export type Command = {
  [K in CommandName]: { type: K } & PayloadOf<CommandTable[K]>;
}[CommandName];

/** The published commands of one router, as a list (for building its procedures). */
export function commandsOf(router: CommandRouter): PublishedCommand[] {
  return (Object.keys(COMMANDS) as CommandName[]).filter((k): k is PublishedCommand => {
    const spec = COMMANDS[k];
    return "router" in spec && spec.router === router;
  });
}
