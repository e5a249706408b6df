"use client";
import type { FanOutResult } from "@chokepoint/contracts";
import { INPUT_LIMITS } from "@chokepoint/contracts";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { errorText, inReadersLanguage } from "../data/error-text";
import { useTRPC } from "../data/trpc";
import type { MessageKey } from "../i18n/messages";
import { useI18n } from "../i18n/use-i18n";
import type { SeminarOverview } from "./use-mission-control";

type Pending = {
  action: MessageKey;
  tables: string[];
  /** Tables where a team has nobody, said when starting a room whose turns wait for every lock. */
  unmanned: string[];
  run: () => Promise<FanOutResult[]>;
};

/**
 * Whole-room controls: start, pause, resume, advance, a message and an inject, to all tables or
 * a chosen set. Each asks for a confirmation that names the tables, then fans out as the
 * tables' ordinary commands; each table's outcome is reported (one may refuse, the rest go on).
 */
export function RoomControls({ overview }: { overview: SeminarOverview }) {
  const { t, f, l, locale } = useI18n();
  const trpc = useTRPC();
  const control = useMutation(trpc.seminar.control.mutationOptions());
  const advance = useMutation(trpc.seminar.advance.mutationOptions());
  const broadcast = useMutation(trpc.seminar.broadcast.mutationOptions());
  const inject = useMutation(trpc.seminar.inject.mutationOptions());
  const labels = overview.tables.map((x) => x.label);
  const [chosen, setChosen] = useState<string[] | null>(null);
  const tables = chosen ?? labels;
  const [clock, setClock] = useState(false);
  const [text, setText] = useState("");
  const [injectId, setInjectId] = useState(overview.scenario.injects[0]?.id ?? "");
  const [pending, setPending] = useState<Pending | null>(null);
  const [outcome, setOutcome] = useState<{ done: string; refused: string[] } | null>(null);
  const sep = locale === "ja" ? "、" : ", ";
  const seminarId = overview.seminarId;
  const target = chosen ? { tables } : {};
  const roomTurn = Math.min(
    ...overview.rows.filter((r) => tables.includes(r.label)).map((r) => r.turn),
  );
  // A university room has fewer people than seats: a team nobody plays never locks, so a turn
  // that waits for every team (and has no timer) would wait for ever unless advanced by hand.
  const waitsForLocks =
    overview.template.resolution !== "reveal" && !overview.template.turnTimerSeconds;
  const unmannedAt = (action: MessageKey) =>
    action === "semStartAll" && waitsForLocks
      ? overview.rows
          .filter((r) => tables.includes(r.label) && r.teams.some((x) => !x.members.length))
          .map((r) => r.label)
      : [];
  const ask = (action: MessageKey, run: () => Promise<FanOutResult[]>) =>
    setPending({ action, tables, unmanned: unmannedAt(action), run });
  const go = async (p: Pending) => {
    setPending(null);
    try {
      const results = await p.run();
      setOutcome({
        done: f("semDone", {
          action: t(p.action),
          tables:
            results
              .filter((r) => r.ok)
              .map((r) => r.table)
              .join(sep) || "—",
        }),
        refused: results
          .filter((r) => !r.ok)
          .map((r) =>
            f("semRefusedAt", {
              table: r.table,
              reason: inReadersLanguage(r.error?.message ?? "", r.error?.ja),
            }),
          ),
      });
    } catch (e) {
      setOutcome({ done: "", refused: [errorText(e)] });
    }
  };
  const act = (action: "start" | "pause" | "resume", key: MessageKey) => (
    <button
      type="button"
      data-testid={`room-${action}`}
      onClick={() => ask(key, () => control.mutateAsync({ seminarId, action, ...target }))}
    >
      {t(key)}
    </button>
  );
  return (
    <section className="card" data-testid="room-controls">
      <h2>{t("semRoomControls")}</h2>
      <fieldset className="room-tables" data-testid="room-tables">
        <legend>{t("semChooseTables")}</legend>
        <label>
          <input
            type="checkbox"
            data-testid="room-table-all"
            checked={chosen === null}
            onChange={(e) => setChosen(e.target.checked ? null : [])}
          />{" "}
          {t("semAll")}
        </label>{" "}
        {labels.map((label) => (
          <label key={label}>
            <input
              type="checkbox"
              data-testid={`room-table-${label}`}
              checked={tables.includes(label)}
              onChange={(e) => {
                const next = e.target.checked
                  ? labels.filter((x) => x === label || tables.includes(x))
                  : tables.filter((x) => x !== label);
                setChosen(next.length === labels.length ? null : next);
              }}
            />{" "}
            {label}
          </label>
        ))}
      </fieldset>
      <p className="room-buttons">
        {act("start", "semStartAll")} {act("pause", "semPauseAll")} {act("resume", "semResumeAll")}{" "}
        <button
          type="button"
          data-testid="room-advance"
          onClick={() =>
            ask("semAdvanceAll", () =>
              advance.mutateAsync({ seminarId, ...target, ...(clock ? { turn: roomTurn } : {}) }),
            )
          }
        >
          {t("semAdvanceAll")}
        </button>{" "}
        <label>
          <input type="checkbox" checked={clock} onChange={(e) => setClock(e.target.checked)} />{" "}
          {f("semRoomClock", { turn: Number.isFinite(roomTurn) ? roomTurn + 1 : "—" })}
        </label>
      </p>
      <p>
        <textarea
          data-testid="room-message"
          maxLength={INPUT_LIMITS.broadcastChars}
          aria-label={t("semMessagePlaceholder")}
          placeholder={t("semMessagePlaceholder")}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />{" "}
        <button
          type="button"
          data-testid="room-broadcast"
          disabled={!text.trim()}
          onClick={() =>
            ask("semBroadcast", () => broadcast.mutateAsync({ seminarId, ...target, text }))
          }
        >
          {t("semBroadcast")}
        </button>
      </p>
      {overview.scenario.injects.length ? (
        <p>
          <select
            data-testid="room-inject-id"
            value={injectId}
            onChange={(e) => setInjectId(e.target.value)}
          >
            {overview.scenario.injects.map((i) => (
              <option key={i.id} value={i.id}>
                {l(i.title)}
              </option>
            ))}
          </select>{" "}
          <button
            type="button"
            data-testid="room-inject"
            onClick={() =>
              ask("semInject", () => inject.mutateAsync({ seminarId, ...target, inject: injectId }))
            }
          >
            {t("semInject")}
          </button>
        </p>
      ) : null}
      {pending ? (
        <div className="confirm" role="alertdialog" data-testid="room-confirm">
          <p>{f("semConfirm", { action: t(pending.action), tables: pending.tables.join(sep) })}</p>
          {pending.unmanned.length ? (
            <p className="error" data-testid="room-confirm-unmanned">
              {f("semConfirmUnmanned", { tables: pending.unmanned.join(sep) })}
            </p>
          ) : null}
          <button type="button" data-testid="room-confirm-yes" onClick={() => void go(pending)}>
            {t("semConfirmYes")}
          </button>{" "}
          <button type="button" onClick={() => setPending(null)}>
            {t("semCancel")}
          </button>
        </div>
      ) : null}
      {outcome ? (
        <div data-testid="room-outcome" role="status">
          {outcome.done ? <p>{outcome.done}</p> : null}
          {outcome.refused.map((r) => (
            <p key={r} className="error">
              {r}
            </p>
          ))}
        </div>
      ) : null}
    </section>
  );
}
