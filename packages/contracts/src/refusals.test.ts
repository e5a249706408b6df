import { describe, expect, it } from "vitest";
import { isAppError } from "./app-error.ts";
import { REFUSALS, type RefusalReason, refusal, refusalText } from "./refusals.ts";

const slots = (s: string) => new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]));
const reasons = Object.keys(REFUSALS) as RefusalReason[];

/** A value of each kind, to render every sentence with all its slots filled. */
const SAMPLE: Record<string, unknown> = {
  text: "x1",
  number: 7,
  turn: 2,
  list: ["a", "b"],
  status: "paused",
  control: "resume",
  role: "observer",
  roleNoun: "observer",
  teamAct: "lock",
  closedBy: "timer",
  bilingual: { ja: "規則", en: "a rule" },
};

describe("the refusal catalogue", () => {
  it.each(reasons)(
    "%s has an English and a Japanese sentence with exactly its parameters",
    (reason) => {
      const def = REFUSALS[reason];
      const declared = new Set(Object.keys(def.params));
      expect(def.en.trim(), "English").not.toBe("");
      expect(def.ja.trim(), "Japanese").not.toBe("");
      expect(slots(def.en), "English slots").toEqual(declared);
      expect(slots(def.ja), "Japanese slots").toEqual(declared);
    },
  );

  it.each(reasons)("%s renders in both languages with no slot left unfilled", (reason) => {
    const params = Object.fromEntries(
      Object.entries(REFUSALS[reason].params).map(([k, kind]) => [k, SAMPLE[kind]]),
    );
    for (const locale of ["en", "ja"] as const)
      expect(refusalText(reason, params, locale)).not.toMatch(/\{\w+\}|undefined/);
  });

  it("a refusal is an AppError with its code, both sentences, and its reason and parameters for the client", () => {
    const e = refusal("control_not_allowed", { action: "start", status: "ended" });
    expect(isAppError(e, "rule_violation")).toBe(true);
    expect(e.message).toBe("cannot start an exercise that is ended");
    expect(e.ja).toBe("終了済みの演習は開始できません");
    expect(e.details).toEqual({ reason: "control_not_allowed", action: "start", status: "ended" });
  });

  it("a turn closed before its closer was recorded says it resolved; turns print from 1", () => {
    const p = { turn: 2, current: 3, closedBy: null };
    expect(refusalText("turn_closed", p, "en")).toBe(
      "turn 3 has closed (it has resolved); the exercise is at turn 4",
    );
    expect(refusalText("turn_closed", p, "ja")).toBe(
      "第3ターンは締め切られました（解決済み）。演習は第4ターンです",
    );
  });
});
