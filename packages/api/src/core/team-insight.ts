import {
  explainTurn,
  explainTurnForTeam,
  type LeverKind,
  type LocalizedText,
  type ObjectiveMetric,
  type ProjectStatus,
  scoreObjectives,
  type Viewer,
} from "@chokepoint/engine";
import type { ExerciseState } from "./exercise-state.ts";

/** A team's objective with how it stood after each resolved turn (what the review scores). */
export interface ObjectiveProgress {
  id: string;
  team: string;
  name: LocalizedText;
  metric: ObjectiveMetric["kind"];
  atLeast: number | null;
  atMost: number | null;
  when: "every_turn" | "end";
  values: number[];
  held: boolean[];
  met: boolean;
}

/** Why the last resolved turn came out as it did, in both languages, as far as the viewer may read. */
export interface WhyCard {
  turn: number;
  label: string;
  lines: { subject: string; text: LocalizedText }[];
}

/** A project's turn of fortune: it came on stream, succeeded, failed, closed or began losing money. */
export interface ProjectNews {
  projectId: string;
  lever: string;
  /** What kind of project: "active" is a won case, a successful programme or a mine on stream. */
  kind: LeverKind;
  /** The lever's name (observers' views carry no lever definitions). */
  name: LocalizedText;
  /** The teams that run (or co-fund) it. */
  teams: string[];
  turn: number;
  label: string;
  outcome: Extract<ProjectStatus, "active" | "completed" | "failed" | "closed"> | "losing";
}

/** The viewer's objectives: the team's own; observers and the facilitator see every team's. */
export function objectivesFor(ex: ExerciseState, viewer: Viewer): ObjectiveProgress[] {
  const g = ex.genesis;
  return scoreObjectives(g.model, ex.engine.results)
    .filter((s) => g.teams.includes(s.objective.team))
    .filter((s) => viewer.kind !== "team" || s.objective.team === viewer.team)
    .map(({ objective: o, values, held, met }) => ({
      id: o.id,
      team: o.team,
      name: o.name,
      metric: o.metric.kind,
      atLeast: o.atLeast ?? null,
      atMost: o.atMost ?? null,
      when: o.when,
      values,
      held,
      met,
    }));
}

/**
 * The last resolved turn's explanations: a team reads its own materials and sectors with its
 * own orders and never another team's (`explainTurnForTeam`); observers and the facilitator
 * read every cause, since every team's decisions are theirs to see once a turn resolves.
 */
export function whyCardFor(ex: ExerciseState, viewer: Viewer): WhyCard | null {
  const r = ex.engine.results.at(-1);
  if (!r) return null;
  const model = ex.genesis.model;
  const explain = (locale: "ja" | "en") =>
    viewer.kind === "team"
      ? explainTurnForTeam(model, r, locale, viewer.team)
      : explainTurn(model, r, locale);
  const ja = explain("ja");
  const en = explain("en");
  return {
    turn: r.turn,
    label: r.label,
    lines: en.map((e, i) => ({
      subject: e.subject.kind === "override" ? e.subject.target : e.subject.id,
      text: { ja: ja[i]?.text ?? e.text, en: e.text },
    })),
  };
}

/**
 * Each change of fortune of the projects the viewer may see, turn by turn, read from the
 * stored results: a team sees the projects it runs or co-funds; observers and the facilitator
 * see all.
 */
export function projectNewsFor(ex: ExerciseState, viewer: Viewer): ProjectNews[] {
  const funders = new Map(
    ex.engine.projects.map((p) => [p.id, p.funders ? Object.keys(p.funders) : [p.team]]),
  );
  const seen = new Map<string, { status: ProjectStatus; losing: boolean }>();
  const out: ProjectNews[] = [];
  for (const r of ex.engine.results)
    for (const p of r.projects) {
      const teams = funders.get(p.id) ?? [p.team];
      const before = seen.get(p.id) ?? { status: "pending" as ProjectStatus, losing: false };
      const losing = p.economics?.lossSinceTurn != null;
      seen.set(p.id, { status: p.status, losing });
      if (viewer.kind === "team" && !teams.includes(viewer.team)) continue;
      const name = ex.genesis.model.levers.get(p.lever)?.name ?? { ja: p.lever, en: p.lever };
      const base = {
        projectId: p.id,
        lever: p.lever,
        kind: p.kind,
        name,
        teams,
        turn: r.turn,
        label: r.label,
      };
      if (p.status !== before.status && p.status !== "pending")
        out.push({ ...base, outcome: p.status });
      else if (p.status === "active" && losing && !before.losing)
        out.push({ ...base, outcome: "losing" });
    }
  return out.reverse();
}
