import { describe, expect, it } from "vitest";
import { buildExerciseView, type Command } from "../src/core/index.ts";
import { memoryExercise, type RoleName } from "./memory-exercise.ts";

describe("the override log", () => {
  it("every override is listed with its reason, as far as the viewer may see the value it changed", async () => {
    const ex = await memoryExercise();
    const override = async (
      target: Extract<Command, { type: "override" }>["target"],
      reason: string,
    ) =>
      ex.runner.execute(ex.sessionId, ex.as("facilitator"), {
        type: "override",
        turn: (await ex.runner.read(ex.sessionId)).engine.turn,
        target,
        reason,
      });
    await override({ kind: "price", material: "ndpr_oxide", value: 120 }, "Analysts' Q1 quote");
    await override({ kind: "budget", team: "jogmec", value: 500 }, "Supplementary budget cut");
    await ex.runner.execute(ex.sessionId, ex.as("facilitator"), { type: "advance", turn: 0 });
    await override(
      { kind: "stockpile", lever: "jogmec_dy_stockpile", value: 40 },
      "Audit found less in store",
    );
    const state = await ex.runner.read(ex.sessionId);
    const seen = (role: RoleName) => {
      const me = state.members.get(ex.ids[role] as string);
      if (!me) throw new Error(role);
      return buildExerciseView(state, me).overrides.map(
        (o) => `${o.turn} ${o.kind}:${o.subject} ${o.to} ${o.reason}`,
      );
    };
    expect(seen("facilitator")).toEqual([
      "0 price:ndpr_oxide 120 Analysts' Q1 quote",
      "0 budget:jogmec 500 Supplementary budget cut",
      "1 stockpile:jogmec_dy_stockpile 40 Audit found less in store",
    ]);
    // JOGMEC: the public price, its own budget and its own stockpile.
    expect(seen("teamMember")).toEqual(seen("facilitator"));
    // METI and observers: the price only (budgets and stockpiles are their teams').
    expect(seen("otherTeamMember")).toEqual(["0 price:ndpr_oxide 120 Analysts' Q1 quote"]);
    expect(seen("observer")).toEqual(["0 price:ndpr_oxide 120 Analysts' Q1 quote"]);
  });
});
