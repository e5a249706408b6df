"use client";
import { fill } from "../i18n/translator";
import { type Comparison, leverName, type Timeline, type Tr, teamName, turnName } from "./format";

type Row = Comparison["sideBySide"][number];
type Side = Row["a"];

/** One line of the side-by-side table: a label, the original's cell, the branch's cell. */
interface Line {
  key: string;
  label: string;
  original: string;
  branch: string;
}

/** A side's decisions of one team in words ("no decision" when it took none). */
function decisionsText(tr: Tr, tl: Timeline, side: Side, team: string): string {
  const actions = side.decisions[team] ?? [];
  if (!actions.length) return tr.t("noDecision");
  return actions
    .map((a) =>
      a.op === "activate"
        ? leverName(tr, tl, a.lever)
        : `${leverName(tr, tl, a.lever)} ${a.op === "buy" ? "+" : "−"}${tr.n.tonnes(a.tonnes)}`,
    )
    .join(tr.locale === "ja" ? "、" : "; ");
}

/**
 * The lines of one turn: each team's decisions first (what the branch changed), then value
 * added lost, shortfall, each material's price, each stockpile held and each team's budget.
 * Lines equal on both sides are kept (the reader sees what did not move, too), and marked.
 */
function linesOf(tr: Tr, tl: Timeline, row: Row): Line[] {
  const f = tr.n;
  const u = tl.scenario.units;
  // The panel shows "a" as the branch (the exercise being reviewed) and "b" as the original.
  const line = (key: string, label: string, get: (s: Side) => string): Line => ({
    key,
    label,
    original: get(row.b),
    branch: get(row.a),
  });
  const stockLevers = Object.keys({ ...row.a.stockpiles, ...row.b.stockpiles }).filter(
    (id) => (row.a.stockpiles[id] ?? 0) > 0 || (row.b.stockpiles[id] ?? 0) > 0,
  );
  return [
    ...tl.scenario.teams.map((team) =>
      line(`d-${team.id}`, tr.l(team.name), (s) => decisionsText(tr, tl, s, team.id)),
    ),
    line("va", tr.t("vaLost"), (s) => f.money(s.valueAddedLost, u)),
    line("shortfall", tr.t("shortfallShare"), (s) => f.pct(s.shortfallShare)),
    ...tl.scenario.materials.map((m) =>
      line(`p-${m.id}`, fill(tr.t("priceOf"), { m: tr.l(m.name) }), (s) =>
        f.times(s.priceMultiples[m.id] ?? 1),
      ),
    ),
    ...stockLevers.map((id) =>
      line(`s-${id}`, fill(tr.t("stockHeld"), { name: leverName(tr, tl, id) }), (s) =>
        f.tonnes(s.stockpiles[id] ?? 0),
      ),
    ),
    ...tl.scenario.teams.map((team) =>
      line(`b-${team.id}`, fill(tr.t("budgetLeftOf"), { name: teamName(tr, tl, team.id) }), (s) =>
        f.money(s.budgetLeft[team.id] ?? 0, u),
      ),
    ),
  ];
}

/**
 * The branch and the original aligned turn by turn, from the turn where they part: each turn
 * a small three-column table (what, original, branch) that fits a phone, the cells that differ
 * marked. On screen each turn folds (the parting turn open); printed, every shown turn is open.
 */
export function ComparisonTurns({
  tr,
  tl,
  cmp,
  print = false,
}: {
  tr: Tr;
  tl: Timeline;
  cmp: Comparison;
  print?: boolean;
}) {
  const from = cmp.partsAt?.turn ?? cmp.sideBySide.length;
  // A handout keeps the parting turn and the three after it; the screen shows them all.
  const rows = cmp.sideBySide.slice(from, print ? from + 4 : undefined);
  return (
    <div data-testid="compare-turns">
      <h4>{tr.t("compareTurns")}</h4>
      {from > 0 ? <p className="muted">{fill(tr.t("compareSameBefore"), { k: from })}</p> : null}
      {rows.map((row) => {
        const body = (
          <table className="side-by-side">
            <thead>
              <tr>
                <th />
                <th>{tr.t("original")}</th>
                <th>{tr.t("branch")}</th>
              </tr>
            </thead>
            <tbody>
              {linesOf(tr, tl, row).map((x) => {
                const differs = x.original !== x.branch;
                return (
                  <tr key={x.key} className={differs ? "differs" : undefined} data-key={x.key}>
                    <th scope="row">{x.label}</th>
                    <td>{x.original}</td>
                    <td>
                      {x.branch}
                      {differs ? (
                        <span className="sr-only"> ({tr.t("compareDiffers")})</span>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        );
        const title = turnName(tr, row.turn, row.label);
        return print ? (
          <section key={row.turn} className="keep" data-testid={`compare-turn-${row.turn + 1}`}>
            <h5>{title}</h5>
            {body}
          </section>
        ) : (
          <details
            key={row.turn}
            open={row.turn === from}
            data-testid={`compare-turn-${row.turn + 1}`}
          >
            <summary>{title}</summary>
            {body}
          </details>
        );
      })}
    </div>
  );
}

/** Each objective met or not, and for how many turns, on both sides over the common turns. */
export function ComparisonObjectives({ tr, tl, cmp }: { tr: Tr; tl: Timeline; cmp: Comparison }) {
  if (!cmp.objectives.length) return null;
  const cell = (s: { met: boolean; turnsHeld: number }) =>
    fill(tr.t("metHeld"), { met: tr.t(s.met ? "met" : "notMet"), n: s.turnsHeld });
  return (
    <div data-testid="compare-objectives">
      <h4>{tr.t("compareObjectives")}</h4>
      <table className="side-by-side">
        <thead>
          <tr>
            <th>{tr.t("objective")}</th>
            <th>{tr.t("original")}</th>
            <th>{tr.t("branch")}</th>
          </tr>
        </thead>
        <tbody>
          {cmp.objectives.map((o) => (
            <tr key={o.id} className={o.a.met !== o.b.met ? "differs" : undefined}>
              <th scope="row">
                {tr.l(o.name)} <span className="muted small">· {teamName(tr, tl, o.team)}</span>
              </th>
              <td>{cell(o.b)}</td>
              <td>{cell(o.a)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
