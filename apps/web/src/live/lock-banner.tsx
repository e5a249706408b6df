"use client";
import type { DraftEdit, ExerciseView, LockRecord } from "@chokepoint/api";
import type { LeverAction, LeverDefinition } from "@chokepoint/engine";
import { useEffect, useState } from "react";
import { useI18n } from "../i18n/use-i18n";
import { actionsText, decisionDiff, hhmm } from "../session/decision-words";

/**
 * The team's locked decision as everyone on the team sees it, after a refresh too: who locked
 * it and when, what it holds, and — when a teammate re-locked — what changed.
 */
export function LockBanner({
  view,
  lock,
  levers,
}: {
  view: ExerciseView;
  lock: LockRecord;
  levers: readonly LeverDefinition[];
}) {
  const { t, f, l, locale } = useI18n();
  const time = hhmm(lock.at, locale);
  const name = (lv: LeverDefinition) => l(lv.name);
  const held = levers
    .map((lv) => {
      const a = lock.actions.filter((x) => x.lever === lv.id);
      return a.length ? `${l(lv.name)}: ${actionsText(a, f, locale)}` : null;
    })
    .filter((x): x is string => x !== null);
  const changes = lock.previous
    ? decisionDiff(lock.previous, lock.actions, levers, name, f, locale)
    : [];
  return (
    <div className="notice ok" data-testid="locked-note">
      <strong data-testid="locked-by">
        ✔ {lock.by ? f("lockedBy", { name: lock.by, time }) : f("lockedByUnknown", { time })}
      </strong>
      <div>
        {t("lockedDecision")}:{" "}
        <span data-testid="locked-actions">
          {held.length ? held.join(locale === "ja" ? "／" : "; ") : t("nothingPlanned")}
        </span>
      </div>
      {lock.previous ? (
        <div data-testid="relock-notice">
          {f("relockNotice", {
            name: lock.by ?? t("someone"),
            time,
            changes: changes.length ? changes.join(locale === "ja" ? "／" : "; ") : "—",
          })}
        </div>
      ) : null}
      <small className="muted">
        {view.session.resolution === "reveal" ? t("lockedWaitingReveal") : t("lockedWaiting")}{" "}
        {view.session.awaitingReveal ? null : t("lockedHowToChange")}
      </small>
    </div>
  );
}

/** This turn's edits of the shared draft, newest first: who changed which lever, from what to what. */
export function DraftHistory({
  edits,
  levers,
  describe,
}: {
  edits: readonly DraftEdit[];
  levers: readonly LeverDefinition[];
  describe: (a: LeverAction[]) => string;
}) {
  const { t, f, l, locale } = useI18n();
  return (
    <details className="small" data-testid="draft-history" open>
      <summary>{t("editsTitle")}</summary>
      <ul>
        {[...edits]
          .reverse()
          .slice(0, 8)
          .map((e) => (
            <li key={e.seq}>
              {f("editLine", {
                time: hhmm(e.at, locale),
                name: e.by ?? t("someone"),
                lever: l(levers.find((lv) => lv.id === e.lever)?.name) || e.lever,
                before: describe(e.before),
                after: describe(e.after),
              })}
            </li>
          ))}
      </ul>
    </details>
  );
}

/**
 * A notice in the sticky bar when a teammate locks or re-locks the team's decision, so a
 * member reading the news or the charts is told; a refresh does not repeat old ones.
 */
export function LockToast({ view }: { view: ExerciseView }) {
  const { t, f, locale } = useI18n();
  const lock = view.me.team ? view.decisions[view.me.team]?.lock : undefined;
  const [seen, setSeen] = useState<number | null>(null);
  useEffect(() => {
    setSeen((s) => (s === null ? (lock?.seq ?? 0) : s));
  }, [lock?.seq]);
  if (!lock || seen === null || lock.seq <= seen || lock.by === view.me.displayName) return null;
  // A lock with no author while drafting is closed is the timer's (reveal mode), not a teammate's.
  const byTimer = lock.by === null && view.session.awaitingReveal;
  const vars = {
    name: lock.by ?? t(byTimer ? "theTimer" : "someone"),
    time: hhmm(lock.at, locale),
  };
  return (
    <div className="notice ok toast" role="status" data-testid="lock-toast">
      {f(lock.previous ? "toastRelocked" : "toastLocked", vars)}{" "}
      <button
        type="button"
        className="linklike"
        onClick={() => {
          document
            .querySelector('[data-testid="locked-note"]')
            ?.scrollIntoView({ behavior: "smooth", block: "center" });
          setSeen(lock.seq);
        }}
      >
        {t("toastSee")}
      </button>
    </div>
  );
}
