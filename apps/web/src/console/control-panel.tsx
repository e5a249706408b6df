"use client";
import type { ExerciseView } from "@chokepoint/api";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "../data/trpc";
import { useI18n } from "../i18n/use-i18n";
import type { CommandOutcome } from "./use-command-outcome";

/** Start / pause / resume / end, advance (or reveal) the turn, and how turns resolve. */
export function ControlPanel({ view, outcome }: { view: ExerciseView; outcome: CommandOutcome }) {
  const { t, f, l } = useI18n();
  const trpc = useTRPC();
  const control = useMutation(trpc.facilitator.control.mutationOptions(outcome));
  const advance = useMutation(trpc.facilitator.advance.mutationOptions(outcome));
  const resolutionMode = useMutation(trpc.facilitator.resolutionMode.mutationOptions(outcome));
  const extendTurn = useMutation(trpc.facilitator.extendTurn.mutationOptions(outcome));
  const s = view.session;
  const staffed = view.roster.filter(
    (r) => r.team !== null && r.members.some((m) => m.role === "participant"),
  );
  const allLocked = staffed.length > 0 && staffed.every((r) => r.locked);
  const reveal = s.resolution === "reveal";
  // A turn still counting down (or paused with time left) can be given a minute more.
  const timed = !!s.turnTimerSeconds && !s.awaitingReveal;
  return (
    <section className="card">
      {s.status !== "ended" ? (
        <label>
          {t("resolutionLabel")}{" "}
          <select
            data-testid="resolution-mode"
            value={s.resolution}
            onChange={(e) =>
              resolutionMode.mutate({
                mode: e.target.value === "reveal" ? "reveal" : "all_locked",
              })
            }
          >
            <option value="all_locked">{t("resolutionAll")}</option>
            <option value="reveal">{t("resolutionReveal")}</option>
          </select>
        </label>
      ) : null}
      {reveal && s.awaitingReveal && s.status === "running" ? (
        <p className="notice warn" data-testid="drafting-closed">
          {t("draftingClosedConsole")}
        </p>
      ) : reveal && allLocked && s.status === "running" ? (
        <p className="notice ok" data-testid="all-locked">
          {t("allLockedReveal")}
        </p>
      ) : null}
      {s.status === "lobby" ? (
        <button
          type="button"
          data-testid="start"
          onClick={() => control.mutate({ action: "start" })}
        >
          {t("start")}
        </button>
      ) : null}
      {s.status === "running" ? (
        <>
          <button
            type="button"
            data-testid="advance"
            onClick={() => {
              // Name what will happen: teams that have not locked play the turn with nothing.
              const waiting = staffed.filter((r) => !r.locked);
              if (
                waiting.length &&
                !window.confirm(
                  f("confirmAdvance", {
                    n: waiting.length,
                    teams: waiting
                      .map((r) => l(view.scenario.teams.find((x) => x.id === r.team)?.name))
                      .join(l({ ja: "、", en: ", " })),
                  }),
                )
              )
                return;
              advance.mutate({
                turn: s.turn,
                idempotencyKey: `advance-${s.turn}-${crypto.randomUUID()}`,
              });
            }}
          >
            {reveal ? t("reveal") : t("advance")}
          </button>
          <button
            type="button"
            data-testid="pause"
            onClick={() => control.mutate({ action: "pause" })}
          >
            {t("pause")}
          </button>
        </>
      ) : null}
      {timed && (s.status === "running" || s.status === "paused") ? (
        <button
          type="button"
          data-testid="extend-turn"
          onClick={() =>
            extendTurn.mutate({
              turn: s.turn,
              seconds: 60,
              idempotencyKey: `extend-${s.turn}-${crypto.randomUUID()}`,
            })
          }
        >
          {t("extendTurn")}
        </button>
      ) : null}
      {s.status === "paused" ? (
        <button
          type="button"
          data-testid="resume"
          onClick={() => control.mutate({ action: "resume" })}
        >
          {t("resume")}
        </button>
      ) : null}
      {s.status === "ended" ? (
        // The console's controls are gone at the end: say where the room goes next.
        <p data-testid="ended-next">{t("endedNext")}</p>
      ) : null}
      <a
        href={`/review?s=${s.id}`}
        data-testid="open-review"
        className={s.status === "ended" ? "link-button" : undefined}
      >
        {t("openReview")}
      </a>{" "}
      {s.status !== "ended" ? (
        <button
          type="button"
          data-testid="end"
          onClick={() => {
            if (!window.confirm(t("confirmEnd"))) return;
            control.mutate({ action: "end" });
          }}
        >
          {t("end")}
        </button>
      ) : null}
    </section>
  );
}
