import type * as engine from "@chokepoint/engine";
import { describe, expect, it, vi } from "vitest";

// Count every time the engine applies a turn_resolved event: the market's resolution.
const resolutions = vi.hoisted(() => ({ count: 0 }));
vi.mock("@chokepoint/engine", async (original) => {
  const real = await original<typeof engine>();
  return {
    ...real,
    applyEvent: (...args: Parameters<typeof real.applyEvent>) => {
      if (args[2].type === "turn_resolved") resolutions.count++;
      return real.applyEvent(...args);
    },
  };
});

const { memoryExercise } = await import("./memory-exercise.ts");

describe("the write path", () => {
  it("a lock that completes a turn runs the engine's resolution once", async () => {
    const x = await memoryExercise();
    await x.runner.execute(x.sessionId, x.as("otherTeamMember"), {
      type: "lock",
      turn: 0,
      actions: [],
    });
    resolutions.count = 0;
    // JOGMEC's lock is the last one: the turn resolves with it.
    const done = await x.runner.execute(x.sessionId, x.as("teamMember"), {
      type: "lock",
      turn: 0,
      actions: [],
    });
    expect(done.state.engine.turn).toBe(1);
    expect(resolutions.count).toBe(1);
  });
});
