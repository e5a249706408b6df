"use client";
import { LineChart } from "../shared/chart/line-chart";
import {
  actionText,
  fill,
  fmt,
  overrideTarget,
  paren,
  type Timeline,
  type Tr,
  type Turn,
  turnName,
} from "./format";

/**
 * Parts of the review shared by the page and the printed debrief, so both say the same thing
 * in the same words. Each takes the translator (`Tr`) rather than a hook: the print page has
 * its language from the URL.
 */

/** A turn's events, injects and overrides (with reasons), in the order they happened. */
export function TurnRecord({ tr, tl, turn }: { tr: Tr; tl: Timeline; turn: Turn }) {
  const f = fmt(tr.locale);
  const u = tl.scenario.units;
  if (!turn.entries.length) return <p className="muted">{tr.t("nothingHappened")}</p>;
  return (
    <ul className="record" data-testid="turn-record">
      {turn.entries.map((e, i) => (
        <li key={`${e.kind}-${i}`} className={`entry entry-${e.kind}`}>
          <strong>
            {tr.t(
              e.kind === "event"
                ? "entryEvent"
                : e.kind === "inject"
                  ? "entryInject"
                  : "entryOverride",
            )}
          </strong>
          {": "}
          {e.kind === "override" ? (
            <>
              {overrideTarget(tr, tl, e.target)}{" "}
              {e.target.startsWith("price:")
                ? `${f.num(e.from * u.priceScale)} → ${f.num(e.to * u.priceScale)} ${tr.l(u.price)}`
                : e.target.startsWith("budget:")
                  ? `${f.money(e.from, u)} → ${f.money(e.to, u)}`
                  : `${f.tonnes(e.from)} → ${f.tonnes(e.to)}`}
              {" — "}
              {tr.t("reason")}: {e.reason}
            </>
          ) : (
            tr.l(e.title)
          )}
        </li>
      ))}
    </ul>
  );
}

/** Each team's decisions of a turn, in words. */
export function TurnDecisions({ tr, tl, turn }: { tr: Tr; tl: Timeline; turn: Turn }) {
  return (
    <ul data-testid="turn-decisions">
      {tl.scenario.teams.map((team) => {
        const actions = turn.decisions[team.id] ?? [];
        return (
          <li key={team.id}>
            <strong>{tr.l(team.name)}</strong>:{" "}
            {actions.map((a) => actionText(tr, tl, a)).join(tr.locale === "ja" ? "、" : "; ") ||
              tr.t("noDecision")}
          </li>
        );
      })}
    </ul>
  );
}

/** The state at the end of a turn: prices and shortfalls, sectors' output, teams' money. */
export function TurnState({ tr, tl, turn }: { tr: Tr; tl: Timeline; turn: Turn }) {
  const f = fmt(tr.locale);
  return (
    <div className="state-tables" data-testid="turn-state">
      <table>
        <thead>
          <tr>
            <th>{tr.t("material")}</th>
            <th>{tr.t("priceMultiple")}</th>
            <th>{tr.t("shortfallTonnes")}</th>
          </tr>
        </thead>
        <tbody>
          {tl.scenario.materials.map((m) => (
            <tr key={m.id}>
              <td>{tr.l(m.name)}</td>
              <td>{f.times(turn.materials[m.id]?.priceMultiple ?? 1)}</td>
              <td>{f.tonnes(turn.materials[m.id]?.shortfallTonnes ?? 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table>
        <thead>
          <tr>
            <th>{tr.t("sector")}</th>
            <th>{tr.t("output")}</th>
            <th>{tr.t("vaLost")}</th>
          </tr>
        </thead>
        <tbody>
          {tl.scenario.sectors.map((s) => (
            <tr key={s.id}>
              <td>{tr.l(s.name)}</td>
              <td>{f.pct(turn.sectors[s.id]?.output ?? 1)}</td>
              <td>{f.money(turn.sectors[s.id]?.valueAddedLost ?? 0, tl.scenario.units)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table>
        <thead>
          <tr>
            <th>{tr.t("team")}</th>
            <th>{tr.t("spent")}</th>
            <th>{tr.t("budgetLeft")}</th>
          </tr>
        </thead>
        <tbody>
          {tl.scenario.teams.map((x) => (
            <tr key={x.id}>
              <td>{tr.l(x.name)}</td>
              <td>{f.money(turn.teams[x.id]?.spent ?? 0, tl.scenario.units)}</td>
              <td>{f.money(turn.teams[x.id]?.budgetLeft ?? 0, tl.scenario.units)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The scenario's objectives, per team: the target, how many turns it held, met or not. */
export function Scorecard({
  tr,
  tl,
  variant = "table",
}: {
  tr: Tr;
  tl: Timeline;
  /** "list" for print: one line per objective, so no cell wraps into its neighbour. */
  variant?: "table" | "list";
}) {
  if (!tl.scorecard.length) return null;
  const f = fmt(tr.locale);
  const show = (metric: string, v: number) =>
    metric === "sector_output" || metric === "controlled_share"
      ? f.pct(v)
      : metric === "stockpile_days"
        ? `${f.num(v)} ${tr.locale === "ja" ? "日" : "days"}`
        : metric === "budget_left"
          ? f.money(v, tl.scenario.units)
          : v >= 1
            ? "✓"
            : "✗";
  const teamName = (id: string) => tr.l(tl.scenario.teams.find((x) => x.id === id)?.name) || id;
  const target = (s: Timeline["scorecard"][number]) =>
    `${s.direction === "atLeast" ? "≥ " : "≤ "}${show(s.metric, s.target)}${paren(tr.locale, tr.t(s.when === "end" ? "atEnd" : "everyTurn"))}`;
  const held = (s: Timeline["scorecard"][number]) =>
    `${s.held.filter(Boolean).length} / ${s.held.length}${s.values.length ? ` · ${show(s.metric, s.values[s.values.length - 1] ?? 0)}` : ""}`;
  const refText = (s: Timeline["scorecard"][number]) => {
    const r = tl.reference?.scorecard.find((x) => x.id === s.id);
    return r
      ? `${held({ ...s, values: r.values, held: r.held })} · ${tr.t(r.met ? "met" : "notMet")}`
      : "—";
  };
  if (variant === "list")
    return (
      <ul data-testid="scorecard" className="scorecard">
        {tl.scorecard.map((s) => (
          <li key={s.id}>
            <strong>{teamName(s.team)}</strong> — {tr.l(s.name)}
            <br />
            {tr.t("target")}: {target(s)} · {tr.t("turnsHeld")}: {held(s)} ·{" "}
            <strong>{tr.t(s.met ? "met" : "notMet")}</strong>
            {tl.reference ? (
              <>
                <br />
                {tr.t("japanActual")}: {refText(s)}
              </>
            ) : null}
          </li>
        ))}
      </ul>
    );
  return (
    <table data-testid="scorecard" className="scorecard">
      <thead>
        <tr>
          <th>{tr.t("team")}</th>
          <th>{tr.t("objective")}</th>
          <th>{tr.t("target")}</th>
          <th>{tr.t("turnsHeld")}</th>
          <th>{tr.t("met")}</th>
          {tl.reference ? <th>{tr.t("japanActual")}</th> : null}
        </tr>
      </thead>
      <tbody>
        {tl.scorecard.map((s) => (
          <tr key={s.id}>
            <td>{teamName(s.team)}</td>
            <td>{tr.l(s.name)}</td>
            <td>{target(s)}</td>
            <td>{held(s)}</td>
            <td className={s.met ? "ok" : "bad"}>{tr.t(s.met ? "met" : "notMet")}</td>
            {tl.reference ? <td>{refText(s)}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Each objective turn by turn: this exercise, Japan's actual path (where the scenario has one)
 * and the target, so the scorecard's "met" can be seen, not only read.
 */
export function ScorecardCharts({
  tr,
  tl,
  firstFigure,
}: {
  tr: Tr;
  tl: Timeline;
  firstFigure?: number;
}) {
  if (!tl.scorecard.length) return null;
  const f = fmt(tr.locale);
  const labels = tl.turns.map((x) => x.label);
  return (
    <div className="charts" data-testid="scorecard-charts">
      {tl.scorecard.map((s, i) => {
        const ref = tl.reference?.scorecard.find((r) => r.id === s.id);
        const format =
          s.metric === "sector_output" || s.metric === "controlled_share"
            ? f.pct
            : s.metric === "budget_left"
              ? f.num
              : (v: number) => f.num(v);
        const title = `${tr.l(tl.scenario.teams.find((x) => x.id === s.team)?.name) || s.team}: ${tr.l(s.name)}`;
        return (
          <LineChart
            key={s.id}
            testId={`score-${s.id}`}
            title={
              firstFigure !== undefined
                ? fill(tr.t("chartCaption"), { n: firstFigure + i, what: title })
                : title
            }
            labels={labels}
            series={[
              { name: tr.t("actualRun"), values: s.values },
              ...(ref ? [{ name: tr.t("japanActual"), values: ref.values }] : []),
              { name: tr.t("targetLine"), values: s.values.map(() => s.target) },
            ]}
            format={format}
            yMin={0}
          />
        );
      })}
    </div>
  );
}

/** "Fork at the start of turn k (label)" with what the branch keeps. */
export function forkLabel(tr: Tr, tl: Timeline, k: number) {
  const label = tl.turnLabels[k] ?? "";
  return fill(tr.t("forkAtStart"), { k: k + 1, label });
}

export { turnName };
