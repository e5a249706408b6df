import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  checkHistory,
  type EngineEvent,
  type EngineState,
  type Model,
  stateHash,
  turnMetrics,
} from "@chokepoint/engine";

/** The run JSON is a documented contract (docs/run-output.md): bump the version on any breaking change. */
export const RUN_OUTPUT_FORMAT = "chokepoint.run";
export const RUN_OUTPUT_VERSION = 2;

/** Writes per-turn metrics as CSV and the run (events, final state, hash) as JSON. */
export function writeRunOutputs(
  dir: string,
  model: Model,
  state: EngineState,
  events: readonly EngineEvent[],
): string[] {
  mkdirSync(dir, { recursive: true });
  const mats = model.materialOrder.map((m) => m.id);
  const sectors = model.sectors.map((s) => s.id);
  const header = [
    "turn",
    "label",
    ...mats.map((m) => `price_multiple_${m}`),
    ...mats.map((m) => `shortfall_t_${m}`),
    ...sectors.map((s) => `output_${s}`),
    ...sectors.map((s) => `va_lost_${s}`),
    "shortfall_share",
    "va_lost",
    "spend",
    "controlled_share",
    "stockpile_t",
    "stockpile_t_oxide_eq",
    "stockpile_value",
    "events",
  ];
  const lines = state.results.map((r) => {
    const m = turnMetrics(model, r);
    return [
      r.turn,
      r.label,
      ...mats.map((id) => r.priceMultiples[id] ?? 0),
      ...mats.map((id) => r.materials[id]?.shortfall ?? 0),
      ...sectors.map((s) => r.sectors[s]?.output ?? 0),
      ...sectors.map((s) => r.sectors[s]?.valueAddedLost ?? 0),
      m.shortfallShare,
      m.valueAddedLost,
      m.spend,
      m.controlledShare,
      m.stockpileTonnes,
      m.stockpileOxideTonnes ?? "",
      m.stockpileValue,
      `"${r.newlyFired.join(" ")}"`,
    ].join(",");
  });
  const csv = join(dir, `${model.scenario.id}-turns.csv`);
  writeFileSync(csv, `${header.join(",")}\n${lines.join("\n")}\n`);
  const json = join(dir, `${model.scenario.id}-run.json`);
  writeFileSync(
    json,
    `${JSON.stringify(
      {
        format: RUN_OUTPUT_FORMAT,
        formatVersion: RUN_OUTPUT_VERSION,
        scenario: model.scenario.id,
        version: model.scenario.version,
        seed: state.seed,
        params: state.params,
        events,
        stateHash: stateHash(state),
        history: checkHistory(model, state.results).results.map((r) => ({
          id: r.check.id,
          model: r.model,
          expected: r.expected,
          tolerance: r.tolerance,
          pass: r.pass,
        })),
        results: state.results,
      },
      null,
      2,
    )}\n`,
  );
  return [csv, json];
}
