"use client";
import type { ExerciseView } from "@chokepoint/api";
import { type LeverAction, type LeverDefinition, upfrontCost } from "@chokepoint/engine";
import { useState } from "react";
import { useI18n } from "../i18n/use-i18n";
import { api, errorText } from "../lib/trpc";
import { LeverFacts } from "./lever-facts";

type Draft = Record<string, { buy?: string; release?: string; activate?: boolean }>;

/** Drafting and locking a team's decisions for the current turn, with the server's messages on error. */
export function DecisionForm({
  view,
  token,
  onView,
}: {
  view: ExerciseView;
  token: string;
  onView: (v: ExerciseView) => void;
}) {
  const { t, l } = useI18n();
  const [draft, setDraft] = useState<Draft>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const team = view.scenario.teams.find((x) => x.id === view.me.team);
  const levers = team?.levers ?? [];
  const locked = view.me.team ? view.state.lockedTeams.includes(view.me.team) : false;
  const running = new Set(
    view.state.projects
      .filter((p) => p.status === "pending" || p.status === "active")
      .map((p) => p.lever),
  );
  if (!levers.length) return <p className="muted">{t("noLevers")}</p>;

  const actions = (): LeverAction[] =>
    levers.flatMap((lv): LeverAction[] => {
      const d = draft[lv.id];
      if (!d) return [];
      if (lv.kind === "stockpile") {
        const out: LeverAction[] = [];
        if (d.buy && Number(d.buy) > 0)
          out.push({ op: "buy", lever: lv.id, tonnes: Number(d.buy) });
        if (d.release && Number(d.release) > 0)
          out.push({ op: "release", lever: lv.id, tonnes: Number(d.release) });
        return out;
      }
      return d.activate ? [{ op: "activate", lever: lv.id, scale: 1 }] : [];
    });

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      onView(
        await api(token).exercise.lock.mutate({
          turn: view.session.turn,
          actions: actions(),
          idempotencyKey: `lock-${view.session.turn}-${crypto.randomUUID()}`,
        }),
      );
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const set = (lever: string, patch: Draft[string]) =>
    setDraft((d) => ({ ...d, [lever]: { ...d[lever], ...patch } }));
  return (
    <section className="card" data-testid="decision-form">
      <h3>{t("decisions")}</h3>
      {levers.map((lv: LeverDefinition) => (
        <div key={lv.id} className="lever" data-testid={`lever-${lv.id}`}>
          <strong>{l(lv.name)}</strong>
          <LeverFacts lever={lv} view={view} />
          {lv.kind === "stockpile" ? (
            <span>
              <label>
                {t("buy")}{" "}
                <input
                  type="number"
                  min={0}
                  step="any"
                  data-testid={`buy-${lv.id}`}
                  value={draft[lv.id]?.buy ?? ""}
                  onChange={(e) => set(lv.id, { buy: e.target.value })}
                />
              </label>
              <label>
                {t("release")}{" "}
                <input
                  type="number"
                  min={0}
                  step="any"
                  data-testid={`release-${lv.id}`}
                  value={draft[lv.id]?.release ?? ""}
                  onChange={(e) => set(lv.id, { release: e.target.value })}
                />
              </label>
              <small> {Math.round(view.state.stockpiles[lv.id]?.tonnes ?? 0)} t</small>
            </span>
          ) : (
            <label>
              <input
                type="checkbox"
                data-testid={`activate-${lv.id}`}
                disabled={running.has(lv.id)}
                checked={draft[lv.id]?.activate ?? false}
                onChange={(e) => set(lv.id, { activate: e.target.checked })}
              />{" "}
              {t("activate")}
            </label>
          )}
        </div>
      ))}
      <CostPreview view={view} levers={levers} actions={actions()} />
      {error ? (
        <p className="error" role="alert" data-testid="decision-error">
          {t("error")}: {error}
        </p>
      ) : null}
      <button
        type="button"
        data-testid="lock"
        disabled={busy || view.session.status !== "running"}
        onClick={submit}
      >
        {locked ? t("relock") : t("lock")}
      </button>
      {locked ? <p data-testid="locked-note">{t("locked")}</p> : null}
    </section>
  );
}

/** What the draft would cost now, against the team's budget, before it is locked. */
function CostPreview({
  view,
  levers,
  actions,
}: {
  view: ExerciseView;
  levers: LeverDefinition[];
  actions: LeverAction[];
}) {
  const { t, l, locale } = useI18n();
  const cost = actions.reduce((sum, a) => {
    const lv = levers.find((x) => x.id === a.lever);
    if (!lv) return sum;
    const price = "material" in lv ? (view.state.prices[lv.material] ?? 0) : 0;
    return sum + upfrontCost(lv, a, price);
  }, 0);
  const budget = view.me.team ? (view.state.budgets[view.me.team] ?? 0) : 0;
  const n = (x: number) =>
    `${new Intl.NumberFormat(locale === "ja" ? "ja-JP" : "en-US", { maximumFractionDigits: 1 }).format(x)} ${l(view.scenario.units.money)}`;
  return (
    <p data-testid="cost-preview" data-over={cost > budget ? "true" : "false"}>
      {t("previewCost")}: <strong>{n(cost)}</strong> · {t("previewLeft")}:{" "}
      <strong className={cost > budget ? "error" : undefined}>{n(budget - cost)}</strong>
      {cost > budget ? ` (${t("previewOver")})` : null}
    </p>
  );
}
