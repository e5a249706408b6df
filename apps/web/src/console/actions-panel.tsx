"use client";
import type { ExerciseView } from "@chokepoint/api";
import { INPUT_LIMITS } from "@chokepoint/contracts";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "../data/trpc";
import { useI18n } from "../i18n/use-i18n";
import { useOverrideWords } from "../session/override-log";
import { LimitHint } from "../shared/form/limit-hint";
import type { CommandOutcome } from "./use-command-outcome";

/** Fire a prepared inject, broadcast a message, override an outcome with a reason. */
export function ActionsPanel({ view, outcome }: { view: ExerciseView; outcome: CommandOutcome }) {
  const { t, f, l, locale } = useI18n();
  const trpc = useTRPC();
  const [text, setText] = useState("");
  const [target, setTarget] = useState(`budget:${view.scenario.teams[0]?.id ?? ""}`);
  const [value, setValue] = useState("");
  const [reason, setReason] = useState("");
  const inject = useMutation(trpc.facilitator.inject.mutationOptions(outcome));
  const broadcast = useMutation(trpc.facilitator.broadcast.mutationOptions(outcome));
  // A used override clears, so it cannot be applied again by accident a turn later. Cleared in
  // the same callback that awaits the new view, so the fields never show a value already applied.
  const override = useMutation(
    trpc.facilitator.override.mutationOptions({
      ...outcome,
      onSuccess: (r) => {
        setValue("");
        setReason("");
        return outcome.onSuccess(r);
      },
    }),
  );
  const words = useOverrideWords(view);
  const turn = view.session.turn;
  // An ended exercise is a record: nothing here applies to it any more.
  if (view.session.status === "ended") return null;
  const [kind = "budget", subject = ""] = target.split(":") as [
    "price" | "budget" | "stockpile",
    string,
  ];
  const current =
    kind === "price"
      ? view.state.prices[subject]
      : kind === "budget"
        ? view.state.budgets[subject]
        : view.state.stockpiles[subject]?.tonnes;
  return (
    <section className="card">
      <h3>{t("injects")}</h3>
      {view.scenario.injects.map((i) => {
        const fired = view.state.firedEvents.some((e) => e.id === i.id);
        return (
          <button
            key={i.id}
            type="button"
            data-testid={`inject-${i.id}`}
            disabled={fired}
            onClick={() => {
              // Every team gets it as news at once, and it cannot be taken back: ask first.
              if (!window.confirm(f("confirmInject", { title: l(i.title) }))) return;
              // A key, so that a send whose answer is lost is re-sent and applied once.
              inject.mutate({
                turn,
                inject: i.id,
                idempotencyKey: `inject-${crypto.randomUUID()}`,
              });
            }}
          >
            {fired ? `${t("fired")}: ` : `${t("fire")}: `}
            {l(i.title)}
          </button>
        );
      })}
      <h3>{t("broadcast")}</h3>
      <input
        data-testid="broadcast-text"
        maxLength={INPUT_LIMITS.broadcastChars}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />{" "}
      <LimitHint tr={{ t, locale }} value={text} max={INPUT_LIMITS.broadcastChars} />
      <button
        type="button"
        data-testid="broadcast"
        // Cleared once answered, as before: a refused text is said in the console's error line.
        onClick={() =>
          broadcast.mutate(
            { text, idempotencyKey: `broadcast-${crypto.randomUUID()}` },
            { onSettled: () => setText("") },
          )
        }
      >
        {t("broadcast")}
      </button>
      <h3>{t("override")}</h3>
      <select
        value={target}
        onChange={(e) => setTarget(e.target.value)}
        data-testid="override-target"
      >
        {view.scenario.teams.map((tm) => (
          <option key={tm.id} value={`budget:${tm.id}`}>
            {t("budget")} — {l(tm.name)} ({l(view.scenario.units.money)})
          </option>
        ))}
        {view.scenario.materials.map((m) => (
          <option key={m.id} value={`price:${m.id}`}>
            {t("overridePrice")} — {l(m.name)} ({l(view.scenario.units.price)})
          </option>
        ))}
        {Object.values(view.state.stockpiles).map((st) => (
          <option key={st.lever} value={`stockpile:${st.lever}`}>
            {words.subject("stockpile", st.lever)} (t)
          </option>
        ))}
      </select>
      {kind === "price" ? (
        <p className="notice" data-testid="override-rule">
          {f("overridePriceRule", { label: view.session.turnLabel ?? "" })}
        </p>
      ) : null}
      <p className="muted" data-testid="override-current">
        {t("overrideNow")}: {current === undefined ? "—" : words.amount(kind, current)}
      </p>
      <input
        type="number"
        data-testid="override-value"
        value={value}
        onChange={(e) => setValue(e.target.value)}
      />
      <label>
        {t("reason")}{" "}
        <input
          data-testid="override-reason"
          minLength={INPUT_LIMITS.overrideReasonChars.min}
          maxLength={INPUT_LIMITS.overrideReasonChars.max}
          placeholder={t("overrideReasonHint")}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />{" "}
        <LimitHint tr={{ t, locale }} value={reason} {...INPUT_LIMITS.overrideReasonChars} />
      </label>
      <button
        type="button"
        data-testid="override-apply"
        onClick={() =>
          override.mutate({
            turn,
            target: overrideTarget(target, Number(value), view.scenario.units.priceScale),
            reason,
            idempotencyKey: `override-${crypto.randomUUID()}`,
          })
        }
      >
        {t("apply")}
      </button>
    </section>
  );
}

/** "budget:meti" / "price:dy_oxide" / "stockpile:jogmec_dy_stockpile" → the engine's override target. Prices are entered in display units. */
function overrideTarget(key: string, value: number, priceScale: number) {
  const [kind, id = ""] = key.split(":");
  if (kind === "price") return { kind: "price" as const, material: id, value: value / priceScale };
  if (kind === "stockpile") return { kind: "stockpile" as const, lever: id, value };
  return { kind: "budget" as const, team: id, value };
}
