"use client";
import { fill } from "../../i18n/translator";
import { projectNewsKey } from "../../session/project-news";
import { leverName, type Timeline, type Tr, teamName } from "../format";
import { type Beside, reviewFindings } from "./findings";
import { LessonsTable } from "./lessons-table";

/**
 * The review's opening card: the whole exercise in a few figures beside Japan's actual path on
 * the same seed, and how each project fared turn by turn — what the room compares first, before
 * scrubbing turns (the 2010 lessons: dependence fell where teams diversified; a project may lose
 * money once prices fall).
 */
export function FindingsPanel({ tr, tl }: { tr: Tr; tl: Timeline }) {
  const found = reviewFindings(tl);
  if (!found) return null;
  const { t } = tr;
  const f = tr.n;
  const money = (v: number) => f.money(v, tl.scenario.units);
  const withRef = tl.reference !== null;
  const row = (
    id: string,
    label: string,
    b: Beside | { exercise: string; reference: string | null },
    show: (v: number) => string = (v) => String(v),
  ) => {
    const cell = (v: number | string | null) =>
      v === null ? t("findingsNotKept") : typeof v === "string" ? v : show(v);
    return (
      <tr key={id} data-testid={`finding-${id}`}>
        <th>{label}</th>
        <td className="nowrap">{cell(b.exercise)}</td>
        {withRef ? <td className="nowrap">{cell(b.reference)}</td> : null}
      </tr>
    );
  };
  const range = (a: number | null, b: number | null) =>
    a === null || b === null ? null : `${f.pct(a)} → ${f.pct(b)}`;
  const of = (n: number | null) => (n === null ? null : `${n} / ${found.objectives}`);
  return (
    <section className="card" data-testid="findings">
      <h3>{t("findingsTitle")}</h3>
      <p className="muted small">{withRef ? t("findingsIntro") : null}</p>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th />
              <th>{t("actualRun")}</th>
              {withRef ? <th>{t("japanActual")}</th> : null}
            </tr>
          </thead>
          <tbody>
            {row("dependence", t("findingsDependence"), {
              exercise: range(found.dependenceStart.exercise, found.dependenceEnd.exercise) ?? "",
              reference: range(found.dependenceStart.reference, found.dependenceEnd.reference),
            })}
            {row("va-lost", t("findingsVaLost"), found.valueAddedLost, money)}
            {row("worst-shortfall", t("findingsWorstShortfall"), found.worstShortfall, (v) =>
              f.pct(v),
            )}
            {row("extra-cost", t("findingsExtraCost"), found.extraInputCost, money)}
            {row("spend", t("findingsSpend"), found.spend, money)}
            {found.objectives
              ? row("objectives", t("findingsObjectives"), {
                  exercise: of(found.objectivesMet.exercise) ?? "",
                  reference: of(found.objectivesMet.reference),
                })
              : null}
          </tbody>
        </table>
      </div>
      <LessonsTable tr={tr} tl={tl} />
      <h4>{t("findingsProjects")}</h4>
      {found.projects.length ? (
        <ul data-testid="findings-projects">
          {found.projects.map((p) => (
            <li key={p.lever} data-testid={`finding-project-${p.lever}`}>
              <strong>{leverName(tr, tl, p.lever)}</strong>
              {": "}
              {[
                ...(p.started
                  ? [
                      fill(t("findingsStarted"), {
                        label: p.started.label,
                        teams: p.started.teams.map((x) => teamName(tr, tl, x)).join(", "),
                      }),
                    ]
                  : []),
                ...p.steps.map(
                  (s) =>
                    `${s.label}: ${fill(t(projectNewsKey({ kind: s.entry.leverKind, outcome: s.entry.outcome })), { lever: t("findingsIt") })}`,
                ),
              ].join(" → ")}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t("findingsNoProjects")}</p>
      )}
    </section>
  );
}
