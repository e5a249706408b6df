import { describe, expect, it } from "vitest";
import { isEngineEvent, LogEvent } from "./log-event.ts";

describe("LogEvent", () => {
  it("accepts engine and session events and tells them apart", () => {
    const lock = LogEvent.parse({ type: "decisions_locked", turn: 0, team: "meti", actions: [] });
    const join = LogEvent.parse({
      type: "participant_joined",
      participantId: "p1",
      displayName: "Aiko",
      role: "participant",
      team: null,
    });
    expect(isEngineEvent(lock)).toBe(true);
    expect(isEngineEvent(join)).toBe(false);
  });
  it("rejects an unknown type and a malformed member, naming the field", () => {
    expect(LogEvent.safeParse({ type: "launch_missiles" }).success).toBe(false);
    const r = LogEvent.safeParse({ type: "decisions_locked", turn: -1, team: "meti", actions: [] });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues[0]?.path).toEqual(["turn"]);
  });
});
