import type { ProjectLesson, RelocationLesson, RunLessons } from "@chokepoint/contracts";
import type { Model, TurnResult } from "@chokepoint/engine";

/**
 * The 2010 lessons as outcomes of a run, read from the engine's results (no re-run, no log):
 * what each diversification project earned or lost and the price path it met (started at the
 * peak, on stream once prices fell), and how much home downstream production moved abroad, with
 * which cause pushed it (the cost gap of dear inputs, or insecurity of supply). The CLI's
 * `run` prints the same figures. Work is one pass over the turns played, never the log.
 */
export function runLessons(model: Model, results: readonly TurnResult[]): RunLessons {
  const last = results.at(-1);
  if (!last) return { projects: [], relocation: [] };
  const startOf = new Map<string, number>();
  const pressure = new Map<string, RelocationLesson["pressure"]>();
  for (const r of results) {
    for (const p of r.projects) if (!startOf.has(p.id)) startOf.set(p.id, r.turn);
    for (const l of Object.values(r.location)) {
      const sum = pressure.get(l.source) ?? { shortage: 0, costGap: 0, insecurity: 0 };
      pressure.set(l.source, {
        shortage: sum.shortage + l.pressure.shortage,
        costGap: sum.costGap + l.pressure.costGap,
        insecurity: sum.insecurity + l.pressure.insecurity,
      });
    }
  }
  const multiple = (turn: number, material: string) => results[turn]?.priceMultiples[material] ?? 1;
  const projects: ProjectLesson[] = [];
  for (const p of last.projects) {
    const e = p.economics;
    const lever = model.levers.get(p.lever);
    if (!e || lever?.kind !== "diversify") continue;
    const startTurn = startOf.get(p.id) ?? last.turn;
    projects.push({
      lever: p.lever,
      status: p.status,
      startTurn,
      readyTurn: p.readyTurn,
      lossSinceTurn: e.lossSinceTurn,
      cumulativeCash: e.cumulativeCash,
      npv: e.npv,
      fundedShare: lever.fundedShare < 1 ? lever.fundedShare : null,
      priceMultiple: {
        atStart: multiple(startTurn, lever.material),
        atReady: p.readyTurn <= last.turn ? multiple(p.readyTurn, lever.material) : null,
        atEnd: multiple(last.turn, lever.material),
      },
    });
  }
  const relocation: RelocationLesson[] = [];
  for (const l of Object.values(last.location)) {
    if (!model.scenario.sources.find((s) => s.id === l.source)?.relocation) continue;
    const sum = pressure.get(l.source) ?? { shortage: 0, costGap: 0, insecurity: 0 };
    // Float residue (1e-16) is not a cause.
    const causes = (["shortage", "costGap", "insecurity"] as const).filter((c) => sum[c] > 1e-9);
    const driver = causes.reduce<(typeof causes)[number] | null>(
      (best, c) => (best === null || sum[c] > sum[best] ? c : best),
      null,
    );
    relocation.push({
      source: l.source,
      material: l.material,
      movedAbroad: 1 - l.homeShare,
      valueAddedMovedAbroad: l.valueAddedMovedAbroad,
      pressure: sum,
      driver,
    });
  }
  return { projects, relocation };
}
