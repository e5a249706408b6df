import { validateActions } from "../decisions/validate-actions.ts";
import type { EngineEvent } from "../events/engine-event.ts";
import { closeTargets, fire } from "../events/fire-due-events.ts";
import type { Model } from "../model/model.ts";
import type { EngineState } from "../model/state.ts";
import { checkEventReferences } from "../scenario/check-references.ts";
import type { EngineError, StepResult } from "./engine-error.ts";
import { type ResultsMode, resolveTurn } from "./resolve-turn.ts";

const fail = (
  code: EngineError["code"],
  message: string,
  ja: string,
  issues?: EngineError["issues"],
): StepResult<EngineState> => ({
  ok: false,
  error: { code, message, ja, ...(issues ? { issues } : {}) },
});

/** Issues' Japanese texts, one sentence each. */
const jaOf = (issues: readonly { message: string; ja?: string }[]) =>
  issues.map((i) => i.ja ?? i.message).join("。");

/**
 * The engine's step function: the state after one event, or the rule it breaks (state
 * unchanged). Every event names the turn it was meant for; an event for another turn is
 * stale and rejected, as a command on stale state is.
 * @example
 * let r = applyEvent(model, state, { type: "decisions_locked", turn: 0, team: "jogmec", actions: [] });
 * if (r.ok) r = applyEvent(model, r.state, { type: "turn_resolved", turn: 0 });
 */
export function applyEvent(
  model: Model,
  state: EngineState,
  event: EngineEvent,
  /** Internal to folds that own `state.results` and never read an earlier state (see resolveTurn). */
  ownsResults: ResultsMode = false,
): StepResult<EngineState> {
  const turns = model.scenario.calendar.turns;
  if (state.turn >= turns)
    return fail(
      "exercise_over",
      `the exercise is over (all ${turns} turns resolved)`,
      `演習は終了しています（全${turns}期を処理済み）`,
    );
  if (event.turn !== state.turn)
    return fail(
      "stale_turn",
      `event is for turn ${event.turn + 1} but the exercise is at turn ${state.turn + 1}`,
      `第${event.turn + 1}期に対する操作ですが、演習はすでに第${state.turn + 1}期に進んでいます`,
    );
  switch (event.type) {
    case "decisions_locked": {
      if (!model.teams.has(event.team))
        return fail(
          "unknown_team",
          `unknown team '${event.team}'`,
          `チーム '${event.team}' はこのシナリオにありません`,
        );
      const issues = validateActions(model, state, event.team, event.actions);
      if (issues.length)
        return fail(
          "invalid_decision",
          issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "),
          jaOf(issues),
          issues,
        );
      // Plain copies, then the field: V8's fast clone (a spread with overrides is a slow path;
      // Monte Carlo locks each plan's decisions in every run). Same keys, same order.
      const locked = { ...state.locked };
      locked[event.team] = event.actions;
      const next = { ...state };
      next.locked = locked;
      return { ok: true, state: next };
    }
    case "turn_resolved":
      return { ok: true, state: resolveTurn(model, state, ownsResults) };
    case "inject_fired": {
      if (Boolean(event.inject) === Boolean(event.custom))
        return fail(
          "invalid_inject",
          "name a prepared inject ('inject') or write one ('custom'), not both or neither",
          "用意されたインジェクトを選ぶか新しく書くか、どちらか一方にしてください",
        );
      const e = event.inject ? model.injects.get(event.inject) : event.custom;
      if (!e)
        return fail(
          "unknown_inject",
          `unknown inject '${event.inject}' (prepared: ${[...model.injects.keys()].join(", ") || "none"})`,
          `インジェクト '${event.inject}' は用意されていません`,
        );
      if (state.fired.some((f) => f.id === e.id))
        return fail(
          "inject_already_fired",
          `'${e.id}' has already fired`,
          `「${e.title.ja}」はすでに発生しています`,
        );
      const issues = checkEventReferences(model.scenario, e, ["custom"]);
      if (issues.length)
        return fail(
          "invalid_inject",
          issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "),
          jaOf(issues),
          issues,
        );
      return {
        ok: true,
        state: {
          ...state,
          fired: [...closeTargets(state.fired, e, state.turn), fire(e, state.turn, "inject")],
        },
      };
    }
    case "outcome_overridden":
      return applyOverride(model, state, event);
  }
}

function applyOverride(
  model: Model,
  state: EngineState,
  event: Extract<EngineEvent, { type: "outcome_overridden" }>,
): StepResult<EngineState> {
  const t = event.target;
  const record = (target: string, from: number) => [
    ...state.overrides,
    { turn: state.turn, target, from, to: t.value, reason: event.reason },
  ];
  switch (t.kind) {
    case "price": {
      if (!model.materials.has(t.material))
        return fail(
          "invalid_override",
          `unknown material '${t.material}'`,
          `素材 '${t.material}' はありません`,
        );
      return {
        ok: true,
        state: {
          ...state,
          prices: { ...state.prices, [t.material]: t.value },
          overrides: record(`price:${t.material}`, state.prices[t.material] ?? 0),
        },
      };
    }
    case "budget": {
      if (!model.teams.has(t.team))
        return fail(
          "invalid_override",
          `unknown team '${t.team}'`,
          `チーム '${t.team}' はありません`,
        );
      return {
        ok: true,
        state: {
          ...state,
          budgets: { ...state.budgets, [t.team]: t.value },
          overrides: record(`budget:${t.team}`, state.budgets[t.team] ?? 0),
        },
      };
    }
    case "stockpile": {
      const st = state.stockpiles[t.lever];
      const def = model.levers.get(t.lever);
      if (!st || def?.kind !== "stockpile")
        return fail(
          "invalid_override",
          `unknown stockpile '${t.lever}'`,
          `備蓄 '${t.lever}' はありません`,
        );
      if (t.value > def.capacity)
        return fail(
          "invalid_override",
          `stockpile '${t.lever}' holds at most ${def.capacity} t`,
          `備蓄「${def.name.ja}」の容量は ${def.capacity} t です`,
        );
      return {
        ok: true,
        state: {
          ...state,
          stockpiles: { ...state.stockpiles, [t.lever]: { ...st, tonnes: t.value } },
          overrides: record(`stockpile:${t.lever}`, st.tonnes),
        },
      };
    }
  }
}
