import type { MonteCarloResult, Scenario } from "@chokepoint/engine";
import type { scorecard, TimelineTurn } from "../timeline.ts";

type Text = { ja: string; en: string };

/**
 * One table as the debrief reads it: what the review service already produces for the
 * exercise (its turns, scorecard and scenario names) and the Monte Carlo bands over its own log
 * (null when they did not come, e.g. the pool was busy: the debrief draws the paths anyway).
 */
export interface TableReview {
  label: string;
  exerciseId: string;
  title: string | null;
  seed: number;
  status: string;
  scenario: {
    id: string;
    title: Text;
    units: Scenario["units"];
    materials: { id: string; name: Text }[];
    sectors: { id: string; name: Text }[];
    levers: { id: string; name: Text; kind: string }[];
    teams: { id: string; name: Text; levers: string[] }[];
  };
  turns: readonly TimelineTurn[];
  scorecard: ReturnType<typeof scorecard>;
  bands: MonteCarloResult | null;
}
