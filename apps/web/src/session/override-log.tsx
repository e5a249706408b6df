"use client";
import type { ExerciseView } from "@chokepoint/api";
import { useI18n } from "../i18n/use-i18n";

/** What an override changed, in the reader's words and display units. */
export function useOverrideWords(view: ExerciseView) {
  const { t, l, n } = useI18n();
  const u = view.scenario.units;
  const lever = (id: string) =>
    l(view.scenario.teams.flatMap((tm) => tm.levers).find((x) => x.id === id)?.name) || id;
  return {
    subject(kind: "price" | "budget" | "stockpile", id: string): string {
      if (kind === "price")
        return `${t("overridePrice")} — ${l(view.scenario.materials.find((m) => m.id === id)?.name) || id}`;
      if (kind === "budget")
        return `${t("budget")} — ${l(view.scenario.teams.find((tm) => tm.id === id)?.name) || id}`;
      return `${t("chartStock")} — ${lever(id)}`;
    },
    /** A model value in display units, with the unit. */
    amount(kind: "price" | "budget" | "stockpile", v: number): string {
      if (kind === "price") return `${n.num(v * u.priceScale, 1)} ${l(u.price)}`;
      if (kind === "budget") return n.money(v, u);
      return n.tonnes(v);
    },
  };
}

/**
 * The facilitator's overrides with their reasons, as this viewer may see them: a room must be
 * able to tell when the world was changed by hand, and why.
 */
export function OverrideLog({ view }: { view: ExerciseView }) {
  const { t, f } = useI18n();
  const words = useOverrideWords(view);
  if (!view.overrides.length) return null;
  const label = (turn: number) =>
    view.state.history.find((h) => h.turn === turn)?.label ??
    (turn === view.session.turn ? view.session.turnLabel : null) ??
    String(turn + 1);
  const priceResult = (turn: number, material: string) => {
    const resolved = view.state.history.find((h) => h.turn === turn)?.prices[material];
    return resolved === undefined
      ? t("overridePriceOpen")
      : f("overridePriceResult", { price: words.amount("price", resolved) });
  };
  return (
    <section className="card" data-testid="override-log">
      <h3>{t("overrideLog")}</h3>
      <ul>
        {view.overrides.map((o, i) => (
          <li key={i} data-testid="override-entry">
            <strong>{label(o.turn)}</strong> {words.subject(o.kind, o.subject)}:{" "}
            {words.amount(o.kind, o.from)} → {words.amount(o.kind, o.to)} — {t("reason")}:{" "}
            {o.reason}
            {/* A price override sets the turn's starting price; say what the turn then made of it. */}
            {o.kind === "price" ? (
              <div className="muted small" data-testid="override-result">
                {priceResult(o.turn, o.subject)}
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
