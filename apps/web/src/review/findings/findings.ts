import type { Timeline } from "../format";

type Entry = Timeline["turns"][number]["entries"][number];
export type ProjectEntry = Extract<Entry, { kind: "project" }>;

/** What the review's findings read from the timeline (a slice of it, so tests can build one). */
export interface FindingsInput {
  turns: {
    label: string;
    metrics: {
      shortfallShare: number;
      valueAddedLost: number;
      extraInputCost: number;
      spend: number;
      controlledShare: number;
    };
    entries: readonly Entry[];
    decisions: Record<string, readonly { op: string; lever: string }[]>;
  }[];
  reference: {
    turns: {
      shortfallShare: number;
      valueAddedLost: number;
      controlledShare: number;
      extraInputCost: number;
      spend: number;
    }[];
    scorecard: { met: boolean }[];
  } | null;
  scorecard: { met: boolean }[];
}

/** A figure of this exercise beside Japan's actual path on the same seed (null: no such path). */
export interface Beside {
  exercise: number;
  reference: number | null;
}

export interface Findings {
  dependenceStart: Beside;
  dependenceEnd: Beside;
  valueAddedLost: Beside;
  worstShortfall: Beside;
  /** What home sectors paid above normal prices for their inputs: the margin squeeze. */
  extraInputCost: Beside;
  spend: Beside;
  objectivesMet: Beside;
  objectives: number;
  /**
   * Each project: when and by whom it was started, then its turns of fortune in order (a project
   * started at the peak may lose money once prices fall — the 2010 lesson).
   */
  projects: {
    lever: string;
    started: { label: string; teams: string[] } | null;
    steps: { label: string; entry: ProjectEntry }[];
  }[];
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const max = (xs: readonly number[]) => xs.reduce((a, b) => Math.max(a, b), 0);

/**
 * The whole exercise in a few figures, each beside what Japan actually did on the same seed,
 * so a room that did nothing can see what acting changed (and a room that acted, what it cost):
 * dependence on the controlling country, output lost, the margin squeeze of dear inputs,
 * objectives met, and how each project fared. Null before any turn is played.
 */
export function reviewFindings(tl: FindingsInput): Findings | null {
  const first = tl.turns[0];
  const last = tl.turns[tl.turns.length - 1];
  if (!first || !last) return null;
  const ref = tl.reference;
  const refTurns = ref?.turns.slice(0, tl.turns.length) ?? [];
  const beside = (exercise: number, reference: number | undefined): Beside => ({
    exercise,
    reference: ref && reference !== undefined ? reference : null,
  });
  type Project = Findings["projects"][number];
  const projects = new Map<string, Project>();
  const project = (lever: string) => {
    const p = projects.get(lever) ?? { lever, started: null, steps: [] };
    projects.set(lever, p);
    return p;
  };
  for (const t of tl.turns) {
    for (const [team, actions] of Object.entries(t.decisions))
      for (const a of actions)
        if (a.op === "activate") {
          const p = project(a.lever);
          // Co-funders starting it in the same turn share one project: name them together.
          if (!p.started) p.started = { label: t.label, teams: [team] };
          else if (p.started.label === t.label) p.started.teams.push(team);
        }
    for (const e of t.entries)
      if (e.kind === "project") project(e.lever).steps.push({ label: t.label, entry: e });
  }
  return {
    dependenceStart: beside(first.metrics.controlledShare, refTurns[0]?.controlledShare),
    dependenceEnd: beside(last.metrics.controlledShare, refTurns.at(-1)?.controlledShare),
    valueAddedLost: beside(
      sum(tl.turns.map((t) => t.metrics.valueAddedLost)),
      ref ? sum(refTurns.map((t) => t.valueAddedLost)) : undefined,
    ),
    worstShortfall: beside(
      max(tl.turns.map((t) => t.metrics.shortfallShare)),
      ref ? max(refTurns.map((t) => t.shortfallShare)) : undefined,
    ),
    extraInputCost: beside(
      sum(tl.turns.map((t) => t.metrics.extraInputCost)),
      ref ? sum(refTurns.map((t) => t.extraInputCost)) : undefined,
    ),
    spend: beside(
      sum(tl.turns.map((t) => t.metrics.spend)),
      ref ? sum(refTurns.map((t) => t.spend)) : undefined,
    ),
    objectivesMet: beside(
      tl.scorecard.filter((s) => s.met).length,
      ref?.scorecard.filter((s) => s.met).length,
    ),
    objectives: tl.scorecard.length,
    projects: [...projects.values()],
  };
}
