"use client";
import { leverName, type Timeline, type Tr } from "../format";
import { type LessonPair, pairLessons, projectParts, relocationParts } from "./lessons";

/**
 * The 2010 lessons as figures, not statements: what each project earned or lost (with the price
 * path that made it) and how much home production moved abroad (with its driver), this
 * exercise beside Japan's path on the same seed — a room that did nothing, or started late,
 * sees the difference and argues about why.
 */
export function LessonsTable({ tr, tl }: { tr: Tr; tl: Timeline }) {
  const { t, l } = tr;
  const ref = tl.reference;
  const money = (v: number) => tr.n.money(v, tl.scenario.units);
  // Japan's path runs over the same calendar: a turn index names the same quarter in both.
  const label = (turn: number) => tl.turnLabels[turn] ?? String(turn + 1);
  const { projects, relocation } = pairLessons(tl.lessons, ref?.lessons ?? null);
  if (!projects.length && !relocation.length) return null;
  const row = <T,>(
    id: string,
    head: string,
    p: LessonPair<T>,
    parts: (x: T) => string[],
    none: string,
  ) => {
    // One figure a line: a phone's narrow column stays readable, and so does the PDF's text.
    const cell = (x: T | null) =>
      x ? parts(x).map((s, i) => <div key={`${i}-${s}`}>{s}</div>) : none;
    return (
      <tr key={id} data-testid={`lesson-${id}`}>
        <th>{head}</th>
        <td>{cell(p.exercise)}</td>
        {ref ? <td>{cell(p.reference)}</td> : null}
      </tr>
    );
  };
  const material = (id: string) => {
    const m = tl.scenario.materials.find((x) => x.id === id);
    return m ? l(m.name) : id;
  };
  return (
    <>
      <h4>{t("lessonTitle")}</h4>
      <div className="table-scroll">
        <table data-testid="findings-lessons">
          <thead>
            <tr>
              <th />
              <th>{t("actualRun")}</th>
              {ref ? <th>{t("japanActual")}</th> : null}
            </tr>
          </thead>
          <tbody>
            {projects.map((p) =>
              row(
                `project-${p.id}`,
                leverName(tr, tl, p.id),
                p,
                (x) => projectParts(tr, x, label, money),
                t("lessonNotStarted"),
              ),
            )}
            {relocation.map((r) =>
              row(
                `relocation-${r.id}`,
                `${t("lessonRelocation")}: ${material(r.exercise?.material ?? r.reference?.material ?? "")}`,
                r,
                (x) => relocationParts(tr, x, money),
                "—",
              ),
            )}
          </tbody>
        </table>
      </div>
    </>
  );
}
