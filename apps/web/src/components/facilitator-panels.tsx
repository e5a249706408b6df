"use client";
import type { ExerciseView } from "@chokepoint/api";
import { INPUT_LIMITS } from "@chokepoint/contracts";
import { moneyText } from "@chokepoint/engine";
import QRCode from "qrcode";
import { useEffect, useState } from "react";
import { useI18n } from "../i18n/use-i18n";
import { joinLink, useJoinBase } from "../lib/join-link";
import { api, errorText } from "../lib/trpc";
import { LimitHint } from "./limit-hint";
import { useOverrideWords } from "./override-log";

/** Runs a command; answers whether it succeeded (the error, if any, is shown by the page). */
type Call = (fn: (c: ReturnType<typeof api>) => Promise<ExerciseView>) => Promise<boolean>;

/** Join code, link and QR for participants' phones (never a localhost link), and the projector view. */
export function JoinPanel({ view }: { view: ExerciseView }) {
  const { t } = useI18n();
  const joinBase = useJoinBase();
  const [qr, setQr] = useState<string | null>(null);
  const link =
    joinBase && view.session.joinCode ? joinLink(joinBase.base, view.session.joinCode) : "";
  useEffect(() => {
    if (link) QRCode.toDataURL(link, { margin: 1, width: 180 }).then(setQr, () => setQr(null));
  }, [link]);
  return (
    <section className="card">
      <div className="code" data-testid="join-code-display">
        {view.session.joinCode}
      </div>
      <p>
        {t("joinHere")}:{" "}
        <a href={link} data-testid="join-link">
          {link}
        </a>
      </p>
      {joinBase?.local ? (
        <p className="error" data-testid="join-link-local">
          {t("joinLinkLocal")}
        </p>
      ) : null}
      {qr ? <img src={qr} alt="QR" width={180} height={180} data-testid="join-qr" /> : null}
      <p>
        <a
          href={`/projector?s=${view.session.id}`}
          target="_blank"
          rel="noopener"
          data-testid="open-projector"
        >
          {t("openProjector")}
        </a>
      </p>
      {view.session.observerCode ? (
        <details data-testid="observer-code-panel">
          <summary>{t("observerCode")}</summary>
          <p className="muted">{t("observerCodeHint")}</p>
          <p className="code small" data-testid="observer-code">
            {view.session.observerCode.slice(0, 6)}-{view.session.observerCode.slice(6)}
          </p>
        </details>
      ) : null}
    </section>
  );
}

/** Start / pause / resume / end, advance (or reveal) the turn, and how turns resolve. */
export function ControlPanel({ view, call }: { view: ExerciseView; call: Call }) {
  const { t, f, l } = useI18n();
  const s = view.session;
  const staffed = view.roster.filter(
    (r) => r.team !== null && r.members.some((m) => m.role === "participant"),
  );
  const allLocked = staffed.length > 0 && staffed.every((r) => r.locked);
  const reveal = s.resolution === "reveal";
  return (
    <section className="card">
      {s.status !== "ended" ? (
        <label>
          {t("resolutionLabel")}{" "}
          <select
            data-testid="resolution-mode"
            value={s.resolution}
            onChange={(e) =>
              call((c) =>
                c.facilitator.resolutionMode.mutate({
                  mode: e.target.value === "reveal" ? "reveal" : "all_locked",
                }),
              )
            }
          >
            <option value="all_locked">{t("resolutionAll")}</option>
            <option value="reveal">{t("resolutionReveal")}</option>
          </select>
        </label>
      ) : null}
      {reveal && allLocked && s.status === "running" ? (
        <p className="notice ok" data-testid="all-locked">
          {t("allLockedReveal")}
        </p>
      ) : null}
      {s.status === "lobby" ? (
        <button
          type="button"
          data-testid="start"
          onClick={() => call((c) => c.facilitator.control.mutate({ action: "start" }))}
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
              void call((c) =>
                c.facilitator.advance.mutate({
                  turn: s.turn,
                  idempotencyKey: `advance-${s.turn}-${crypto.randomUUID()}`,
                }),
              );
            }}
          >
            {reveal ? t("reveal") : t("advance")}
          </button>
          <button
            type="button"
            data-testid="pause"
            onClick={() => call((c) => c.facilitator.control.mutate({ action: "pause" }))}
          >
            {t("pause")}
          </button>
        </>
      ) : null}
      {s.status === "paused" ? (
        <button
          type="button"
          data-testid="resume"
          onClick={() => call((c) => c.facilitator.control.mutate({ action: "resume" }))}
        >
          {t("resume")}
        </button>
      ) : null}
      <a href={`/review?s=${s.id}`} data-testid="open-review">
        {t("openReview")}
      </a>{" "}
      {s.status !== "ended" ? (
        <button
          type="button"
          data-testid="end"
          onClick={() => {
            if (!window.confirm(t("confirmEnd"))) return;
            void call((c) => c.facilitator.control.mutate({ action: "end" }));
          }}
        >
          {t("end")}
        </button>
      ) : null}
    </section>
  );
}

/** Who joined, which team, who has locked; move people between teams. */
export function RosterPanel({ view, call }: { view: ExerciseView; call: Call }) {
  const { t, f, l } = useI18n();
  const teamName = (id: string | null) =>
    id === null ? t("unassigned") : l(view.scenario.teams.find((x) => x.id === id)?.name) || id;
  return (
    <section className="card" data-testid="roster">
      <h3>{t("roster")}</h3>
      <table>
        <tbody>
          {view.roster.map((r) => (
            <tr key={r.team ?? "none"} data-testid={`roster-${r.team ?? "none"}`}>
              <th>
                {teamName(r.team)}{" "}
                {r.team ? (
                  <small>{r.locked ? `✔ ${t("lockedMark")}` : t("notLocked")}</small>
                ) : null}
              </th>
              <td>
                {r.members
                  .filter((m) => m.role !== "facilitator")
                  .map((m) => (
                    <span key={m.participantId} data-testid="member">
                      {m.displayName}
                      {m.role === "participant" && view.session.status !== "ended" ? (
                        <select
                          aria-label={t("moveTo")}
                          value={r.team ?? ""}
                          onChange={(e) =>
                            call((c) =>
                              c.facilitator.move.mutate({
                                participantId: m.participantId,
                                team: e.target.value || null,
                              }),
                            )
                          }
                        >
                          <option value="">{t("unassigned")}</option>
                          {view.scenario.teams.map((tm) => (
                            <option key={tm.id} value={tm.id}>
                              {l(tm.name)}
                            </option>
                          ))}
                        </select>
                      ) : null}
                      {view.session.status !== "ended" ? (
                        <button
                          type="button"
                          className="linklike"
                          data-testid="remove-member"
                          onClick={() => {
                            if (!window.confirm(f("removeConfirm", { name: m.displayName })))
                              return;
                            void call((c) =>
                              c.facilitator.remove.mutate({ participantId: m.participantId }),
                            );
                          }}
                        >
                          {t("removeMember")}
                        </button>
                      ) : null}{" "}
                    </span>
                  ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Fire a prepared inject, broadcast a message, override an outcome with a reason. */
export function ActionsPanel({ view, call }: { view: ExerciseView; call: Call }) {
  const { t, f, l, locale } = useI18n();
  const [text, setText] = useState("");
  const [target, setTarget] = useState(`budget:${view.scenario.teams[0]?.id ?? ""}`);
  const [value, setValue] = useState("");
  const [reason, setReason] = useState("");
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
              void call((c) => c.facilitator.inject.mutate({ turn, inject: i.id }));
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
        onClick={() =>
          call((c) => c.facilitator.broadcast.mutate({ text })).then(() => setText(""))
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
        onClick={async () => {
          const applied = await call((c) =>
            c.facilitator.override.mutate({
              turn,
              target: overrideTarget(target, Number(value), view.scenario.units.priceScale),
              reason,
            }),
          );
          // A used override clears, so it cannot be applied again by accident a turn later.
          if (applied) {
            setValue("");
            setReason("");
          }
        }}
      >
        {t("apply")}
      </button>
    </section>
  );
}

/** Every team's locked decisions this turn (the facilitator sees all). */
export function DecisionsPanel({ view }: { view: ExerciseView }) {
  const { t, l, locale } = useI18n();
  return (
    <section className="card" data-testid="all-decisions">
      <h3>{t("allDecisions")}</h3>
      <ul>
        {Object.entries(view.state.locked).map(([team, actions]) => {
          const tm = view.scenario.teams.find((x) => x.id === team);
          const lever = (id: string) => {
            const def = tm?.levers.find((x) => x.id === id);
            return def ? l(def.name) : id;
          };
          const op = {
            buy: l({ ja: "購入", en: "buy" }),
            release: l({ ja: "放出", en: "release" }),
          };
          return (
            <li key={team}>
              <strong>{tm ? l(tm.name) : team}</strong>:{" "}
              {actions.length
                ? actions
                    .map((a) =>
                      a.op === "activate"
                        ? lever(a.lever)
                        : `${lever(a.lever)} ${op[a.op]} ${a.tonnes} t`,
                    )
                    .join(l({ ja: "、", en: ", " }))
                : l({ ja: "何もしない", en: "nothing" })}
            </li>
          );
        })}
      </ul>
      <h3>
        {t("budget")} ({l(view.scenario.units.money)})
      </h3>
      <table data-testid="budgets">
        <tbody>
          {/* The fielded teams only, by name (the engine keeps every scenario team's budget). */}
          {view.scenario.teams.map((tm) => (
            <tr key={tm.id}>
              <th>{l(tm.name)}</th>
              <td>{moneyText(view.scenario.units, view.state.budgets[tm.id] ?? 0, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function useCall(
  token: string | null,
  onView: (v: ExerciseView) => void,
): { call: Call; error: string | null; clearError: () => void } {
  const [error, setError] = useState<string | null>(null);
  const call: Call = async (fn) => {
    setError(null);
    try {
      onView(await fn(api(token)));
      return true;
    } catch (e) {
      setError(errorText(e));
      return false;
    }
  };
  return { call, error, clearError: () => setError(null) };
}

/** "budget:meti" / "price:dy_oxide" / "stockpile:jogmec_dy_stockpile" → the engine's override target. Prices are entered in display units. */
function overrideTarget(key: string, value: number, priceScale: number) {
  const [kind, id = ""] = key.split(":");
  if (kind === "price") return { kind: "price" as const, material: id, value: value / priceScale };
  if (kind === "stockpile") return { kind: "stockpile" as const, lever: id, value };
  return { kind: "budget" as const, team: id, value };
}
