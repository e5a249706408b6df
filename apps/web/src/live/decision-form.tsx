"use client";
import type { ExerciseView } from "@chokepoint/api";
import type { LeverAction, LeverDefinition } from "@chokepoint/engine";
import { useMutation } from "@tanstack/react-query";
import { useCallback, useEffect, useState } from "react";
import { errorTextIn } from "../data/error-text";
import { useTRPC } from "../data/trpc";
import { useAwaitView, useViewQuery } from "../data/view-cache";
import { useI18n } from "../i18n/use-i18n";
import { actionsText, decisionDiff, hhmm } from "../session/decision-words";
import { CostPreview } from "./cost-preview";
import { LeverFacts } from "./lever-facts";
import { DraftHistory, LockBanner } from "./lock-banner";
import { type TurnClosed, TurnClosedNotice, turnClosedOf } from "./turn-closed-notice";
import { useSharedDraft } from "./use-shared-draft";

/**
 * The team's decision for the open turn as one shared object: every member edits the same
 * draft (pushed live, with who changed what), locks it for the team, sees who locked it and
 * when — after a refresh too — and what locking again would change.
 */
export function DecisionForm({ view }: { view: ExerciseView }) {
  const { t, f, l, locale } = useI18n();
  const trpc = useTRPC();
  const awaitView = useAwaitView();
  const { refetch: refetchView } = useViewQuery();
  // The refusal itself, worded at render time: it follows a language switch.
  const [error, setError] = useState<unknown>(null);
  const [closed, setClosed] = useState<TurnClosed | null>(null);
  const { mutateAsync: lockDecision } = useMutation(
    trpc.exercise.lock.mutationOptions({ onSuccess: awaitView }),
  );
  // Busy from the first flushed edit to the lock's answer: the button never flickers back between.
  const [busy, setBusy] = useState(false);
  const team = view.scenario.teams.find((x) => x.id === view.me.team);
  const levers = team?.levers ?? [];
  const decision = view.me.team ? view.decisions[view.me.team] : undefined;
  const onError = useCallback(
    (e: unknown) => {
      const c = turnClosedOf(e);
      if (c) {
        setClosed(c);
        // This screen missed the turn's end: fetch where the exercise is now.
        void refetchView();
      } else setError(e);
    },
    [refetchView],
  );
  const draft = useSharedDraft(view, levers, onError);
  // A refusal belongs to the turn it was about; the turn-closed notice outlives it on purpose.
  const turn = view.session.turn;
  useEffect(() => setError(null), [turn]);
  // Under way (by this team, or by another team that shares the lever): a second start is refused.
  const running = new Set([
    ...view.state.projects
      .filter((p) => p.status === "pending" || p.status === "active")
      .map((p) => p.lever),
    ...view.runByOthers.map((r) => r.lever),
  ]);
  if (!levers.length) return <p className="muted">{t("noLevers")}</p>;

  const name = (lv: LeverDefinition) => l(lv.name);
  // Changing the draft answers the last refusal: it no longer applies to what is on screen.
  const change = (lv: LeverDefinition, patch: Parameters<typeof draft.set>[1]) => {
    setError(null);
    draft.set(lv, patch);
  };
  // A tonnage that is not a positive number would be dropped without a word: say so and hold the lock.
  const badAmount = (v: string | undefined) =>
    v !== undefined && v.trim() !== "" && !(Number(v) >= 0);
  const anyBad = levers.some((lv) => {
    const f = draft.fields(lv);
    return badAmount(f.buy) || badAmount(f.release);
  });
  const actions = draft.actions();
  const lock = decision?.lock ?? null;
  const diff = lock ? decisionDiff(lock.actions, actions, levers, name, f, locale) : [];
  const open = view.session.status === "running" && !view.session.awaitingReveal;

  const submit = async () => {
    setBusy(true);
    setError(null);
    setClosed(null);
    try {
      await draft.flush();
      await lockDecision({
        turn: view.session.turn,
        actions,
        idempotencyKey: `lock-${view.session.turn}-${crypto.randomUUID()}`,
      });
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };

  const lastEdit = (lever: string) => decision?.edits.filter((e) => e.lever === lever).at(-1);
  return (
    <section className="card" data-testid="decision-form">
      <h3>{t("draftTitle")}</h3>
      <p className="muted small">{t("draftShared")}</p>
      {closed ? <TurnClosedNotice closed={closed} /> : null}
      {/* The turn-closed notice already says the draft was carried over. */}
      {decision?.carriedFrom !== null &&
      decision?.carriedFrom !== undefined &&
      !lock &&
      !closed?.kept ? (
        <p className="notice" data-testid="carried">
          {f(decision.carriedAfterLock ? "carriedOverAfterLock" : "carriedOver", {
            turn: decision.carriedFrom + 1,
          })}
        </p>
      ) : null}
      {/* Once the timer closed drafting (reveal mode) the draft is what was locked: no more edits. */}
      <fieldset className="bare" disabled={view.session.awaitingReveal}>
        {levers.map((lv: LeverDefinition) => {
          const fields = draft.fields(lv);
          const edit = lastEdit(lv.id);
          return (
            <div key={lv.id} className="lever" data-testid={`lever-${lv.id}`}>
              <strong>{l(lv.name)}</strong>
              <LeverFacts lever={lv} view={view} />
              {lv.kind === "stockpile" ? (
                <span>
                  {(["buy", "release"] as const).map((op) => (
                    <label key={op}>
                      {t(op)}{" "}
                      <input
                        type="number"
                        inputMode="decimal"
                        min={0}
                        step="any"
                        data-testid={`${op}-${lv.id}`}
                        aria-invalid={badAmount(fields[op])}
                        value={fields[op] ?? ""}
                        onChange={(e) => change(lv, { [op]: e.target.value })}
                      />
                    </label>
                  ))}
                  {badAmount(fields.buy) || badAmount(fields.release) ? (
                    <small className="error" role="alert" data-testid={`bad-amount-${lv.id}`}>
                      {t("amountNotNegative")}
                    </small>
                  ) : null}
                </span>
              ) : (
                <label>
                  <input
                    type="checkbox"
                    data-testid={`activate-${lv.id}`}
                    disabled={running.has(lv.id)}
                    checked={fields.activate ?? false}
                    onChange={(e) => change(lv, { activate: e.target.checked })}
                  />{" "}
                  {t("activate")}
                </label>
              )}
              {edit ? (
                <small className="muted" data-testid={`changed-${lv.id}`}>
                  {f("lastChangedBy", {
                    name: edit.by ?? t("someone"),
                    time: hhmm(edit.at, locale),
                  })}
                </small>
              ) : null}
            </div>
          );
        })}
      </fieldset>
      <CostPreview view={view} levers={levers} actions={actions} />
      {lock ? <LockBanner view={view} lock={lock} levers={levers} /> : null}
      {view.session.awaitingReveal ? (
        <p className="notice warn" data-testid="drafting-closed">
          {t("draftingClosedTeam")}
        </p>
      ) : null}
      {lock && diff.length ? (
        <div className="notice" data-testid="relock-diff">
          {t("draftDiffers")}
          <ul>
            {diff.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {error ? (
        <p className="error" role="alert" data-testid="decision-error">
          {t("error")}: {errorTextIn(error, locale)}
        </p>
      ) : null}
      <button
        type="button"
        data-testid="lock"
        data-busy={busy ? "true" : "false"}
        disabled={busy || !open || anyBad || (lock !== null && diff.length === 0)}
        onClick={submit}
      >
        {lock ? (diff.length ? t("lockChanges") : t("lockedSame")) : t("lock")}
      </button>
      {draft.saving ? <small className="muted"> {t("saving")}</small> : null}
      {view.session.status === "paused" || view.session.status === "lobby" ? (
        <p className="muted small" data-testid="lock-waits">
          {t(view.session.status === "paused" ? "lockWhenPaused" : "lockWhenLobby")}
        </p>
      ) : null}
      {decision?.edits.length ? (
        <DraftHistory
          edits={decision.edits}
          levers={levers}
          describe={(a: LeverAction[]) => actionsText(a, f, locale)}
        />
      ) : null}
    </section>
  );
}
