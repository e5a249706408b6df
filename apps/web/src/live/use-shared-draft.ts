"use client";
import type { ExerciseView } from "@chokepoint/api";
import type { LeverAction, LeverDefinition } from "@chokepoint/engine";
import { useMutation } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTRPC } from "../data/trpc";
import { useAwaitView } from "../data/view-cache";

/** What an editor has typed for one lever (strings, so "1." survives while typing). */
export interface LeverFields {
  buy?: string;
  release?: string;
  activate?: boolean;
}

/** The fields a lever's stored actions show. */
function fieldsOf(actions: readonly LeverAction[]): LeverFields {
  const out: LeverFields = {};
  for (const a of actions) {
    if (a.op === "buy") out.buy = String(a.tonnes);
    else if (a.op === "release") out.release = String(a.tonnes);
    else out.activate = true;
  }
  return out;
}

/** The actions a lever's fields plan (blank, zero or nonsense means nothing). */
export function actionsOf(lv: LeverDefinition, f: LeverFields): LeverAction[] {
  const t = (s: string | undefined) => {
    const x = Number(s);
    return s && Number.isFinite(x) && x > 0 ? x : null;
  };
  if (lv.kind !== "stockpile")
    return f.activate ? [{ op: "activate", lever: lv.id, scale: 1 }] : [];
  const out: LeverAction[] = [];
  const b = t(f.buy);
  const r = t(f.release);
  if (b !== null) out.push({ op: "buy", lever: lv.id, tonnes: b });
  if (r !== null) out.push({ op: "release", lever: lv.id, tonnes: r });
  return out;
}

/** Edits are sent this long after the last keystroke on a lever (or at once on lock). */
const SEND_AFTER_MS = 400;

/**
 * The team's shared draft as this screen edits it: what the server holds (every teammate's
 * edits, pushed live) with this editor's unsent changes on top. Each lever's change is sent
 * shortly after typing stops; `flush` sends everything at once (before a lock).
 */
export function useSharedDraft(
  view: ExerciseView,
  levers: readonly LeverDefinition[],
  onError: (e: unknown) => void,
) {
  const trpc = useTRPC();
  const awaitView = useAwaitView();
  // One mutation for every lever's edits: `mutateAsync` runs several at once, each awaited alone.
  const { mutateAsync: editDraft } = useMutation(trpc.exercise.editDraft.mutationOptions());
  const team = view.me.team ?? "";
  const server = view.decisions[team]?.draft ?? [];
  const [pending, setPending] = useState<Record<string, LeverFields>>({});
  const pendingRef = useRef(pending);
  pendingRef.current = pending;
  /** Each lever's pending send, with the turn the edit was typed in. */
  const timers = useRef(new Map<string, { timer: ReturnType<typeof setTimeout>; turn: number }>());
  const [inFlight, setInFlight] = useState(0);
  const turn = view.session.turn;
  const turnRef = useRef(turn);
  turnRef.current = turn;

  // A new turn starts from the server's draft (carried over or empty). Edits typed in the
  // turn that just closed are still sent, for that turn: the server adds them to the carried
  // draft or says the turn closed — they are never dropped unseen.
  useEffect(() => {
    for (const [lever, p] of timers.current) {
      clearTimeout(p.timer);
      const lv = levers.find((x) => x.id === lever);
      if (lv) void send(lv, p.turn);
    }
    timers.current.clear();
  }, [turn]);

  const fields = (lv: LeverDefinition): LeverFields =>
    pending[lv.id] ?? fieldsOf(server.filter((a) => a.lever === lv.id));

  const send = useCallback(
    async (lv: LeverDefinition, turn: number) => {
      timers.current.delete(lv.id);
      const sent = pendingRef.current[lv.id];
      if (!sent) return;
      setInFlight((n) => n + 1);
      try {
        // Pending until the view holds the edit, so the field never falls back to the old draft.
        await awaitView(await editDraft({ turn, lever: lv.id, actions: actionsOf(lv, sent) }));
        // Keep what was typed since; drop what the server now holds.
        setPending((p) => {
          if (p[lv.id] !== sent) return p;
          const { [lv.id]: _, ...rest } = p;
          return rest;
        });
      } catch (e) {
        setPending((p) => {
          const { [lv.id]: _, ...rest } = p;
          return rest;
        });
        onError(e);
      } finally {
        setInFlight((n) => n - 1);
      }
    },
    [editDraft, awaitView, onError],
  );

  const set = (lv: LeverDefinition, patch: LeverFields) => {
    const base = pendingRef.current[lv.id] ?? fieldsOf(server.filter((a) => a.lever === lv.id));
    const next = { ...base, ...patch };
    pendingRef.current = { ...pendingRef.current, [lv.id]: next };
    setPending(pendingRef.current);
    const old = timers.current.get(lv.id);
    if (old) clearTimeout(old.timer);
    const typedIn = turnRef.current;
    timers.current.set(lv.id, {
      timer: setTimeout(() => void send(lv, typedIn), SEND_AFTER_MS),
      turn: typedIn,
    });
  };

  /** Sends every unsent change now. */
  const flush = async () => {
    const waiting = levers.filter((lv) => pendingRef.current[lv.id]);
    const turns = new Map<string, number>();
    for (const lv of waiting) {
      const p = timers.current.get(lv.id);
      if (p) clearTimeout(p.timer);
      turns.set(lv.id, p?.turn ?? turnRef.current);
    }
    await Promise.all(waiting.map((lv) => send(lv, turns.get(lv.id) ?? turnRef.current)));
  };

  /** The whole draft as this screen shows it, in the team's lever order. */
  const actions = (): LeverAction[] => levers.flatMap((lv) => actionsOf(lv, fields(lv)));

  return { fields, set, flush, actions, saving: inFlight > 0 || Object.keys(pending).length > 0 };
}
