import {
  CreateExerciseInput,
  FireInjectInput,
  LockDecisionInput,
  RunBranchInput,
} from "@chokepoint/contracts";
import { describe, expect, it } from "vitest";
import { parseInput } from "./parse-input.ts";

/** The refusal for an input, as the client receives it. */
function refusal(schema: Parameters<typeof parseInput>[0], input: unknown) {
  try {
    parseInput(schema, input);
  } catch (e) {
    return e as { code: string; message: string; ja: string };
  }
  throw new Error("the input was accepted");
}

describe("a schema failure in words", () => {
  it("names a decision's field as the screen does, with the bound, and keeps the English path", () => {
    const e = refusal(LockDecisionInput, {
      turn: 0,
      actions: [
        { op: "buy", lever: "jogmec_dy_stockpile", tonnes: 10 },
        { op: "buy", lever: "jogmec_dy_stockpile", tonnes: -5 },
      ],
    });
    expect(e.code).toBe("invalid_payload");
    expect(e.ja).toBe(
      "入力が正しくありません — 「決定 2 件目の数量（t）」：0より大きい値にしてください",
    );
    expect(e.message).toMatch(/^invalid input — actions\.1\.tonnes: /);
  });

  it("says an empty name is to be filled in, a seed must be whole, and a long title how long it may be", () => {
    const e = refusal(CreateExerciseInput, {
      scenarioId: "rare-earth-2010",
      seed: 1.5,
      facilitatorName: "  ",
      title: "x".repeat(121),
    });
    expect(e.ja).toContain("「シード」：整数を入力してください");
    expect(e.ja).toContain("「ファシリテーターの名前」：入力してください");
    expect(e.ja).toContain("「タイトル」：120文字以内で入力してください");
  });

  it("lists the choices of an unknown operation", () => {
    const e = refusal(LockDecisionInput, {
      turn: 0,
      actions: [{ op: "sell", lever: "jogmec_dy_stockpile", tonnes: 1 }],
    });
    expect(e.ja).toContain(
      "「決定 1 件目の操作」：次のどれかにしてください：buy、release、activate",
    );
  });

  it("gives a refinement's own Japanese (a custom inject's title over 200 characters)", () => {
    const e = refusal(FireInjectInput, {
      turn: 0,
      custom: {
        id: "walkout",
        title: { ja: "あ".repeat(201), en: "Strike" },
        effect: { kind: "briefing_only" },
      },
    });
    expect(e.ja).toContain(
      "「自作のインジェクトのタイトル」：インジェクトのタイトルは200文字以内にしてください",
    );
    expect(e.message).toContain("at most 200 characters");
  });

  it("keeps a key it has no word for as it is — even one named like an Object method", () => {
    const e = refusal(RunBranchInput, { turns: { constructor: [] } });
    expect(e.ja).toContain("「ターンのconstructor」：項目名が正しくありません");
    expect(e.ja).toContain("0以上の整数");
    expect(e.ja).not.toContain("function");
  });
});
