import { describe, expect, it } from "vitest";
import { EVENT_SCHEMA_VERSION, readStoredEvent } from "./stored-event.ts";

describe("reading stored events", () => {
  it("reads a first-format event that today's rules would refuse (stored logs are never re-validated)", () => {
    const long = "x".repeat(5000); // longer than a broadcast's max(2000) today
    expect(readStoredEvent({ type: "message_broadcast", text: long }, 1)).toEqual({
      type: "message_broadcast",
      text: long,
    });
    const many = Array.from({ length: 80 }, () => ({ op: "buy", lever: "l", tonnes: 1 }));
    const lock = { type: "decisions_locked", turn: 0, team: "t", actions: many };
    expect(readStoredEvent(lock)).toEqual(lock);
  });

  it("refuses what it cannot read, saying why", () => {
    expect(() => readStoredEvent({ type: "launch_missiles" })).toThrow(/not one this code knows/);
    expect(() => readStoredEvent("text")).toThrow(/object with a type/);
    expect(() => readStoredEvent({ type: "session_started" }, EVENT_SCHEMA_VERSION + 1)).toThrow(
      /newer than this code reads/,
    );
  });
});
