"use client";
import { INPUT_LIMITS } from "@chokepoint/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { errorText } from "../data/error-text";
import { useTRPC } from "../data/trpc";
import { fill } from "../i18n/translator";
import { LimitHint } from "../shared/form/limit-hint";
import { type Timeline, type Tr, turnName } from "./format";

type Note = Timeline["notes"][number];

/** A fresh id per note from the browser: a double click or a retry then stores the note once. */
const newNoteId = () => `note-${crypto.randomUUID()}`;

/**
 * The facilitator's notes: on the scrubbed turn or the whole exercise; each shows its author
 * and time and can be edited or deleted. Buttons are disabled while a write is under way.
 */
export function NotesPanel({ tr, tl, turn }: { tr: Tr; tl: Timeline; turn: number }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // A note changes the timeline (and the PDF): read it again before the buttons free up.
  const refresh = {
    onSuccess: () => queryClient.invalidateQueries(trpc.review.timeline.queryFilter()),
  };
  const saveNote = useMutation(trpc.review.saveNote.mutationOptions(refresh));
  const deleteNote = useMutation(trpc.review.deleteNote.mutationOptions(refresh));
  const [body, setBody] = useState("");
  const [whole, setWhole] = useState(false);
  const [noteId, setNoteId] = useState(newNoteId);
  const [editing, setEditing] = useState<{ noteId: string; body: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (f: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await f();
      return true;
    } catch (e) {
      setError(errorText(e));
      return false;
    } finally {
      setBusy(false);
    }
  };
  const save = async () => {
    const ok = await run(() => saveNote.mutateAsync({ noteId, turn: whole ? null : turn, body }));
    if (ok) {
      setBody("");
      setNoteId(newNoteId());
    }
  };
  const shown = tl.notes.filter((n) => n.turn === turn || n.turn === null);
  const when = (n: Note) =>
    new Date(n.editedAt ?? n.writtenAt).toLocaleString(tr.locale === "ja" ? "ja-JP" : "en-GB", {
      dateStyle: "medium",
      timeStyle: "short",
    });
  return (
    <section className="card" data-testid="notes">
      <h3>{tr.t("notes")}</h3>
      {shown.length ? null : <p className="muted">{tr.t("noNotes")}</p>}
      <ul className="notes">
        {shown.map((n) => (
          <li key={n.noteId} data-testid="note" data-note-id={n.noteId}>
            <div className="muted small">
              {n.turn === null
                ? tr.t("noteWhole")
                : turnName(tr, n.turn, tl.turns[n.turn]?.label ?? "")}
              {" · "}
              {n.authorName} · {when(n)}
              {n.editedAt ? ` (${tr.t("edited")})` : ""}
            </div>
            {editing?.noteId === n.noteId ? (
              <>
                <textarea
                  data-testid="note-edit-text"
                  maxLength={INPUT_LIMITS.noteChars}
                  rows={3}
                  value={editing.body}
                  onChange={(e) => setEditing({ noteId: n.noteId, body: e.target.value })}
                />{" "}
                <LimitHint tr={tr} value={editing.body} max={INPUT_LIMITS.noteChars} />
                <button
                  type="button"
                  data-testid="note-edit-save"
                  disabled={busy || !editing.body.trim()}
                  onClick={async () => {
                    if (
                      await run(() =>
                        saveNote.mutateAsync({
                          noteId: n.noteId,
                          turn: n.turn,
                          body: editing.body,
                        }),
                      )
                    )
                      setEditing(null);
                  }}
                >
                  {tr.t("saveNote")}
                </button>
                <button type="button" className="secondary" onClick={() => setEditing(null)}>
                  {tr.t("cancel")}
                </button>
              </>
            ) : (
              <>
                <p className="note-body">{n.body}</p>
                {n.legacy ? null : (
                  <>
                    <button
                      type="button"
                      className="secondary small"
                      data-testid="note-edit"
                      disabled={busy}
                      onClick={() => setEditing({ noteId: n.noteId, body: n.body })}
                    >
                      {tr.t("editNote")}
                    </button>
                    <button
                      type="button"
                      className="secondary small"
                      data-testid="note-delete"
                      disabled={busy}
                      onClick={() => run(() => deleteNote.mutateAsync({ noteId: n.noteId }))}
                    >
                      {tr.t("deleteNote")}
                    </button>
                  </>
                )}
              </>
            )}
          </li>
        ))}
      </ul>
      <textarea
        data-testid="note-text"
        maxLength={INPUT_LIMITS.noteChars}
        rows={3}
        value={body}
        onChange={(e) => setBody(e.target.value)}
      />{" "}
      <LimitHint tr={tr} value={body} max={INPUT_LIMITS.noteChars} />
      <label className="small">
        <input type="checkbox" checked={whole} onChange={(e) => setWhole(e.target.checked)} />{" "}
        {tr.t("noteWhole")}
      </label>{" "}
      <button type="button" data-testid="save-note" onClick={save} disabled={busy || !body.trim()}>
        {tr.t("saveNote")}
        {whole ? "" : ` — ${fill("{label}", { label: tl.turns[turn]?.label ?? "" })}`}
      </button>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
