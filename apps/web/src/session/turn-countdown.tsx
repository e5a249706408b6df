"use client";
import type { ExerciseView } from "@chokepoint/api";
import { useEffect, useState } from "react";
import { useI18n } from "../i18n/use-i18n";

/** m:ss (or h:mm:ss) of a duration in ms, rounded up so 0:00 means the time is really up. */
export function clockText(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, "0");
  return h ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

/**
 * The open turn's time, for everyone: the server sends the deadline (its clock) and each
 * screen counts down on its own, corrected by the server's clock offset; paused, it shows
 * the time that resuming will carry on with.
 */
export function TurnCountdown({
  view,
  clockOffsetMs,
}: {
  view: ExerciseView;
  clockOffsetMs: number;
}) {
  const { f, t } = useI18n();
  const { deadlineMs, remainingMs, status } = view.session;
  // Ticks only to re-render; the time is read afresh each render (a tick from before a pause
  // would otherwise count the paused seconds too).
  const [, setTick] = useState(0);
  useEffect(() => {
    if (deadlineMs === null) return;
    const id = setInterval(() => setTick((n) => n + 1), 250);
    return () => clearInterval(id);
  }, [deadlineMs]);
  const now = Date.now();
  if (!view.session.turnTimerSeconds || status === "ended" || status === "lobby") return null;
  if (status === "paused" && remainingMs !== null)
    return (
      <span className="countdown paused" data-testid="countdown" data-state="paused">
        {f("timePaused", { time: clockText(remainingMs) })}
      </span>
    );
  // Reveal mode: the timer closed drafting and the turn now waits for the facilitator.
  if (view.session.awaitingReveal)
    return (
      <span className="countdown up" data-testid="countdown" data-state="closed">
        {t("timeUpReveal")}
      </span>
    );
  if (deadlineMs === null) return null;
  const left = deadlineMs - (now + clockOffsetMs);
  if (left <= 0)
    return (
      <span className="countdown up" data-testid="countdown" data-state="up">
        {t("timeUp")}
      </span>
    );
  return (
    <span
      className={left < 60_000 ? "countdown soon" : "countdown"}
      data-testid="countdown"
      data-state="running"
      data-left={Math.ceil(left / 1000)}
    >
      {f("timeLeft", { time: clockText(left) })}
    </span>
  );
}
