import type { Model } from "../model/model.ts";
import type { Rng } from "../model/rng.ts";
import type { FiredEvent, Project } from "../model/state.ts";
import { unhandledKind } from "./lever-kinds.ts";

/**
 * Moves projects on at the start of a turn: pending ones whose lead time is over succeed or
 * fail (drawn from the lever's probability); contracts run out; a won WTO case ends the
 * measures it challenged once the compliance period is over.
 */
export function advanceProjects(
  model: Model,
  projects: readonly Project[],
  fired: readonly FiredEvent[],
  turn: number,
  rampMultiplier: number,
  rng: Rng,
): { projects: Project[]; fired: FiredEvent[]; notes: string[] } {
  const notes: string[] = [];
  // Replaced (never written to) when a case ends measures: most turns return `fired` itself.
  let outFired = fired as FiredEvent[];
  const out = projects.map((p0) => {
    const lever = model.levers.get(p0.lever);
    // Most projects do not change in a turn: keep them as they are (no copy).
    if (!lever || !mayChange(p0, lever, turn)) return p0;
    // Copied on its first change: a contract or case running on is usually the same object.
    let p = p0;
    if (p.status === "pending" && turn >= p.readyTurn) {
      p = { ...p0 };
      switch (lever.kind) {
        case "wto_case": {
          const won = rng.next() < lever.winProbability;
          p.status = won ? "active" : "failed";
          if (won) p.effectTurn = turn + lever.complianceTurns;
          notes.push(`${p.id}:${won ? "ruling_won" : "ruling_lost"}`);
          break;
        }
        case "diversify":
        case "substitute": {
          const ok = rng.next() < lever.successProbability;
          p.status = ok ? "active" : "failed";
          notes.push(`${p.id}:${ok ? "succeeded" : "failed"}`);
          break;
        }
        // Certain once their lead time is over.
        case "recycle":
        case "allied_offtake":
        case "demand_procurement":
        case "export_control":
        case "investment_screening":
        case "stockpile":
          p.status = "active";
          break;
        default:
          unhandledKind(lever);
      }
    }
    if (p.status === "active" && lever.kind === "diversify") {
      if (p === p0) p = { ...p0 };
      p.progress = Math.min(1, p.progress + rampMultiplier / lever.rampTurns);
    }
    if (
      p.status === "active" &&
      (lever.kind === "allied_offtake" || lever.kind === "demand_procurement")
    ) {
      const start = lever.kind === "allied_offtake" ? p.readyTurn : p.startTurn;
      if (turn >= start + lever.durationTurns) {
        if (p === p0) p = { ...p0 };
        p.status = "completed";
      }
    }
    if (
      lever.kind === "wto_case" &&
      p.status === "active" &&
      p.effectTurn !== undefined &&
      turn >= p.effectTurn
    ) {
      if (p === p0) p = { ...p0 };
      const targets = new Set(lever.challenges);
      outFired = outFired.map((f) =>
        targets.has(f.id) && (f.endTurn === null || f.endTurn > turn) ? { ...f, endTurn: turn } : f,
      );
      p.status = "completed";
      notes.push(`${p.id}:measures_ended`);
    }
    return p;
  });
  return { projects: out, fired: outFired, notes };
}

/** Whether advancing can change this project this turn (pending and due, ramping, a contract or case running). */
function mayChange(
  p: Project,
  lever: NonNullable<ReturnType<Model["levers"]["get"]>>,
  turn: number,
): boolean {
  if (p.status === "pending") return turn >= p.readyTurn;
  if (p.status !== "active") return false;
  switch (lever.kind) {
    case "diversify":
      return p.progress < 1;
    // Contracts run out; a won case ends the measures it challenged.
    case "allied_offtake":
    case "demand_procurement":
    case "wto_case":
      return true;
    case "substitute":
    case "recycle":
    case "export_control":
    case "investment_screening":
    case "stockpile":
      return false;
    default:
      return unhandledKind(lever);
  }
}
