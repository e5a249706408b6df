import { describe, expect, it } from "vitest";
import { memoryServiceExercise } from "./memory-exercise.ts";

describe("the service over the in-memory store", () => {
  it("creates, joins, runs a turn and pushes one view per audience — no database", async () => {
    const { service, pushes, pushed, joinCode, fac } = await memoryServiceExercise();
    const a = await service.join({ joinCode, displayName: "Aiko", team: "meti" });
    await service.execute("control", fac, { action: "start" });
    await pushed();
    const v = await service.execute("lock", a.token, { turn: 0, actions: [] });
    await pushed();
    expect(v.session.turn).toBe(1);
    const last = pushes.at(-1);
    expect(last?.baseVersion).toBe(v.session.seq - 2);
    expect(last?.views().map((x) => x.audience)).toEqual([
      "facilitator",
      "observer",
      "team:meti",
      "team:jogmec",
    ]);
    expect((await service.view(a.token)).me.displayName).toBe("Aiko");
  });
});
