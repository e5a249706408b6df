// Public entry of @chokepoint/engine. Pure: no I/O, no clock, no Math.random.
export { describeVariation } from "./analysis/describe-variation.ts";
export { type Explanation, explainTurn } from "./analysis/explain-turn.ts";
export { explainTurnForTeam } from "./analysis/explain-turn-for-team.ts";
export {
  type CheckReport,
  type CheckResult,
  checkHistory,
  type HistorySample,
} from "./analysis/history-checks.ts";
export { type HistoryPanel, historyPanel, type PanelScore } from "./analysis/history-panel.ts";
export {
  type Band,
  band,
  type MonteCarloOptions,
  type MonteCarloResult,
  monteCarlo,
  monteCarloLog,
  monteCarloLogSteps,
} from "./analysis/monte-carlo.ts";
export { type RunSummary, runSummary } from "./analysis/run-summary.ts";
export { type ObjectiveScore, scoreObjectives } from "./analysis/score-objectives.ts";
export { type TurnMetrics, turnMetrics } from "./analysis/turn-metrics.ts";
export { DecisionsFile, LeverAction, TeamDecision } from "./decisions/action-schema.ts";
export { validateActions } from "./decisions/validate-actions.ts";
export { EngineEvent, type EngineEventType, OverrideTarget } from "./events/engine-event.ts";
// How an event looks once fired (news tells a scheduled one before the engine applies it).
export { fire } from "./events/fire-due-events.ts";
export { upfrontCost } from "./levers/lever-cost.ts";
export { LEVER_OPS, type LeverOp, leverTakes } from "./levers/lever-kinds.ts";
export { daysPerTurn, turnIndexOf, turnLabel } from "./model/calendar.ts";
export type { Model } from "./model/model.ts";
export { periodTurns } from "./model/period.ts";
export { prepareModel } from "./model/prepare-model.ts";
export type * from "./model/state.ts";
export { applyEvent } from "./run/apply-event.ts";
export {
  ENGINE_ERROR_CODES,
  type EngineError,
  type EngineErrorCode,
  type StepResult,
} from "./run/engine-error.ts";
export { initialState, sampleParameters } from "./run/initial-state.ts";
export { type ReplayResult, replay } from "./run/replay.ts";
export { type Plan, type PlanRun, planFromDecisions, runPlan } from "./run/run-plan.ts";
export { canonicalJson, stateHash } from "./run/state-hash.ts";
export {
  type FillView,
  type OpeningView,
  type StateView,
  type TurnView,
  type Viewer,
  viewFor,
} from "./run/team-view.ts";
export { EventEffect, Trigger } from "./scenario/effect-schema.ts";
export { HistoryCheck, HistoryMetric } from "./scenario/history-schema.ts";
export { LeverDefinition, type LeverKind } from "./scenario/lever-schema.ts";
export { parseScenario, type ScenarioResult } from "./scenario/load-scenario.ts";
export { MarketParams, Relocation } from "./scenario/market-schema.ts";
export { type MoneyUnits, moneyText } from "./scenario/money-text.ts";
export { Objective, ObjectiveMetric } from "./scenario/objective-schema.ts";
export { formatPath, type ScenarioIssue } from "./scenario/scenario-issue.ts";
export { scenarioJsonSchema } from "./scenario/scenario-json-schema.ts";
export {
  Material,
  Scenario,
  ScenarioEvent,
  type ScenarioInput,
  Sector,
  SupplySource,
  Team,
} from "./scenario/scenario-schema.ts";
export { Locale, LocalizedText } from "./scenario/text.ts";
