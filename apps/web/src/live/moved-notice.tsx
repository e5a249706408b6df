"use client";
import type { ExerciseView } from "@chokepoint/api";
import { useEffect, useState } from "react";
import { useI18n } from "../i18n/use-i18n";

const key = (sessionId: string) => `chokepoint:team-seen:${sessionId}`;

/**
 * Tells a participant the facilitator moved them to another team: otherwise the form, the
 * briefing and the budget just change under them. The team this device last showed is kept
 * in localStorage, so a move made while the page was closed is told when it opens again.
 */
export function MovedNotice({ view }: { view: ExerciseView }) {
  const { f, t, l } = useI18n();
  const sessionId = view.session.id;
  const team = view.me.team;
  const [moved, setMoved] = useState<{ from: string | null; to: string | null } | null>(null);
  useEffect(() => {
    if (view.me.role !== "participant") return;
    const seen = window.localStorage.getItem(key(sessionId));
    const now = team ?? "";
    if (seen !== null && seen !== now) setMoved({ from: seen || null, to: team });
    window.localStorage.setItem(key(sessionId), now);
  }, [sessionId, team, view.me.role]);
  if (!moved) return null;
  const name = (id: string | null) =>
    id ? l(view.scenario.teams.find((x) => x.id === id)?.name) || id : t("waitingTeam");
  return (
    <div className="notice warn" role="status" data-testid="moved-notice">
      {!moved.to
        ? f("movedOff", { from: name(moved.from) })
        : moved.from
          ? f("movedTo", { to: name(moved.to), from: name(moved.from) })
          : f("movedAssigned", { to: name(moved.to) })}{" "}
      <button type="button" className="linklike" onClick={() => setMoved(null)}>
        {t("movedOk")}
      </button>
    </div>
  );
}
