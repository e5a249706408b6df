"use client";
import { actionText, overrideTarget, type Timeline, type Tr, type Turn } from "./format";

/*
 * A turn as the review and the printed debrief tell it, in the same words. Each part takes the
 * translator (`Tr`) rather than a hook: the print page has its language from the URL.
 */

/** A turn's events, injects and overrides (with reasons), in the order they happened. */
export function TurnRecord({ tr, tl, turn }: { tr: Tr; tl: Timeline; turn: Turn }) {
  const f = tr.n;
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
  const f = tr.n;
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
