"use client";
import type { ExerciseView } from "@chokepoint/api";
import { useI18n } from "../i18n/use-i18n";

/**
 * After each turn, what the team's stockpile orders got against what they asked for, and why
 * a shortfall happened: the market filled only part of home orders (users before stock), the
 * events cutting supply, or — for releases — how little demand the market left unmet.
 */
export function TurnFills({ view }: { view: ExerciseView }) {
  const { t, f, l, locale, n: nf } = useI18n();
  const last = view.state.history.at(-1);
  if (!last || !view.me.team) return null;
  const team = view.scenario.teams.find((x) => x.id === view.me.team);
  const fills = last.fills.filter((x) => x.team === view.me.team);
  const n = (x: number) => nf.tonnes(x, 1);
  const pct = nf.wholePct;
  const eventTitle = (id: string) => l(view.news.find((e) => e.eventId === id)?.title) || id;
  return (
    <section className="card" data-testid="turn-fills">
      <h3>{f("fillsTitle", { label: last.label })}</h3>
      {fills.length === 0 ? <p className="muted">{t("fillsNone")}</p> : null}
      <ul>
        {fills.map((x) => {
          const lever = l(team?.levers.find((lv) => lv.id === x.lever)?.name) || x.lever;
          const short = x.filled < x.ordered - 1e-6;
          return (
            <li key={`${x.lever}-${x.op}`} data-testid={`fill-${x.lever}-${x.op}`}>
              {f(
                x.op === "buy"
                  ? short
                    ? "fillBuy"
                    : "fillBuyFull"
                  : short
                    ? "fillRelease"
                    : "fillReleaseFull",
                { lever, ordered: n(x.ordered), filled: n(x.filled) },
              )}
              {short ? (
                <div className="muted small" data-testid="fill-why">
                  {x.op === "buy"
                    ? f("whyBuyShort", { share: pct(x.marketFillShare) })
                    : f("whyRelease", { gap: n(x.unmetOrders) })}
                  {x.events.length
                    ? ` ${f("whyBuyEvents", { events: x.events.map(eventTitle).join(locale === "ja" ? "、" : ", ") })}`
                    : null}
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
