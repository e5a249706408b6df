import { describe, expect, it } from "vitest";
import { buildExerciseView, type Member } from "../src/core/index.ts";
import { memoryExercise, type RoleName } from "./memory-exercise.ts";

/**
 * What the room reads about its own play, per audience: objectives, the why card, project news
 * and the reveal — a team its own, observers and the facilitator every team's, and never an
 * open turn's decisions.
 */
async function oneTurnPlayed() {
  const ex = await memoryExercise();
  await ex.runner.execute(ex.sessionId, ex.as("teamMember"), {
    type: "lock",
    turn: 0,
    actions: [{ op: "buy", lever: "jogmec_dy_stockpile", tonnes: 40 }],
  });
  await ex.runner.execute(ex.sessionId, ex.as("otherTeamMember"), {
    type: "lock",
    turn: 0,
    actions: [{ op: "activate", lever: "wto_ds431", scale: 1 }],
  });
  const viewOf = async (role: RoleName) => {
    const state = await ex.runner.read(ex.sessionId);
    return buildExerciseView(state, state.members.get(ex.ids[role] ?? "") as Member);
  };
  return { ...ex, viewOf };
}

describe("what each audience reads about the play", () => {
  it("a team sees its own objectives with a value per resolved turn; observers see every team's", async () => {
    const ex = await oneTurnPlayed();
    const jogmec = await ex.viewOf("teamMember");
    expect(jogmec.objectives.map((o) => o.id)).toEqual(["jogmec_dy_cover"]);
    expect(jogmec.objectives[0]?.values).toHaveLength(1);
    const observer = await ex.viewOf("observer");
    expect(observer.objectives.map((o) => o.team).sort()).toEqual(["jogmec", "meti"]);
  });

  it("a team's why card names its own order and never another team's lever; the observer's names both", async () => {
    const ex = await oneTurnPlayed();
    const text = (v: Awaited<ReturnType<typeof ex.viewOf>>) =>
      JSON.stringify(v.why?.lines.map((l) => l.text) ?? []);
    const jogmec = await ex.viewOf("teamMember");
    expect(jogmec.why?.turn).toBe(0);
    expect(text(jogmec)).toContain("JOGMEC dysprosium stockpile");
    const meti = await ex.viewOf("otherTeamMember");
    expect(text(meti)).not.toContain("JOGMEC");
    expect(text(await ex.viewOf("observer"))).toContain("JOGMEC dysprosium stockpile");
  });

  it("the reveal of the last resolved turn goes to observers and the facilitator, never to a team, and never shows the open turn", async () => {
    const ex = await oneTurnPlayed();
    await ex.runner.execute(ex.sessionId, ex.as("teamMember"), {
      type: "lock",
      turn: 1,
      actions: [{ op: "buy", lever: "jogmec_dy_stockpile", tonnes: 7 }],
    });
    const observer = await ex.viewOf("observer");
    expect(observer.revealed?.turn).toBe(0);
    expect(observer.revealed?.decisions.jogmec).toEqual([
      { op: "buy", lever: "jogmec_dy_stockpile", tonnes: 40 },
    ]);
    expect(observer.revealed?.decisions.meti).toEqual([
      { op: "activate", lever: "wto_ds431", scale: 1 },
    ]);
    expect((await ex.viewOf("facilitator")).revealed?.turn).toBe(0);
    expect((await ex.viewOf("otherTeamMember")).revealed).toBeNull();
  });

  it("a project's news goes to the team that runs it and the facilitator, not to another team", async () => {
    const ex = await oneTurnPlayed();
    // The 2010 WTO case is ruled 7 to 10 quarters after filing: play until it is.
    for (let turn = 1; turn < 11; turn++)
      await ex.runner.execute(ex.sessionId, ex.as("facilitator"), { type: "advance", turn });
    const meti = await ex.viewOf("otherTeamMember");
    const ruling = meti.projectNews.find((p) => p.lever === "wto_ds431");
    // Won, a case is "active" until the measures end; lost, it has "failed".
    expect(["active", "failed"]).toContain(ruling?.outcome);
    expect(ruling?.kind).toBe("wto_case");
    expect(ruling?.teams).toEqual(["meti"]);
    expect((await ex.viewOf("teamMember")).projectNews.some((p) => p.lever === "wto_ds431")).toBe(
      false,
    );
    expect((await ex.viewOf("facilitator")).projectNews.some((p) => p.lever === "wto_ds431")).toBe(
      true,
    );
  });
});
