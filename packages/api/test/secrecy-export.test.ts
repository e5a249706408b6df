import { ImportInput } from "@chokepoint/contracts";
import { describe, expect, it } from "vitest";
import { reviewForFile, runningExercise } from "./service-fixture.ts";

const fx = reviewForFile();

describe("secrecy through the exports (the attack: re-join as an observer and export)", () => {
  it("an observer's JSON and CSV exports hold no team's decision of the unresolved turn; after it resolves they do", async () => {
    const ex = await runningExercise(fx.service);
    await fx.service.execute("lock", ex.jogmec.token, {
      turn: 0,
      actions: [{ op: "buy", lever: "jogmec_dy_stockpile", tonnes: 7 }],
    });
    // The room's join code no longer admits observers…
    await expect(
      fx.service.join({ joinCode: ex.joinCode, displayName: "Aiko again", role: "observer" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    // …and even with the observer code (say, passed on by an observer) the exports hold nothing.
    const { session } = await fx.service.view(ex.facilitator);
    const spy = await fx.service.join({
      joinCode: session.observerCode as string,
      displayName: "Aiko again",
    });
    const json = await fx.review.exportJson(spy.token);
    const locks = json.events.filter((e) => e.event.type === "decisions_locked");
    expect(locks).toEqual([]);
    const csv = await fx.review.exportCsv(spy.token);
    expect(csv).not.toContain("jogmec_dy_stockpile");
    expect(csv).not.toContain("JOGMEC dysprosium stockpile");
    // The review's record (the scenario's lever list aside) shows nothing of it either.
    const t = await fx.review.timeline(spy.token);
    expect(JSON.stringify({ ...t, scenario: undefined })).not.toContain("jogmec_dy_stockpile");

    // Once the turn resolves, the review may show it.
    await fx.service.execute("advance", ex.facilitator, { turn: 0 });
    const after = await fx.review.exportJson(spy.token);
    expect(after.events.some((e) => e.event.type === "decisions_locked")).toBe(true);
  });

  it("an import is checked before anything is written: recorded hashes, teams, and whose decisions", async () => {
    const ex = await runningExercise(fx.service);
    await fx.service.execute("lock", ex.meti.token, { turn: 0, actions: [] });
    await fx.service.execute("advance", ex.facilitator, { turn: 0 });
    const file = await fx.review.exportJson(ex.facilitator);
    const attempt = (exercise: typeof file) =>
      fx.review.importJson({ facilitatorName: "Imp", exercise }).catch((e: Error) => e.message);
    expect(await attempt({ ...file, stateHashes: { "0": "0000000000000000" } })).toMatch(
      /exercise\.stateHashes\.0: the log replays to [0-9a-f]+ but the file records 0000000000000000/,
    );
    expect(await attempt({ ...file, teams: [...file.teams, "nobody"] })).toMatch(
      /exercise\.teams\.3: 'nobody' is not a team of rare-earth-2010/,
    );
    // A decision of a scenario team this exercise did not field.
    const lock = file.events.find((e) => e.event.type === "decisions_locked");
    const foreign = {
      ...lock,
      event: { ...lock?.event, team: "automaker" },
    } as (typeof file.events)[number];
    expect(
      await attempt({ ...file, events: [...file.events.slice(0, -1), foreign], stateHashes: {} }),
    ).toMatch(/decision of 'automaker', which is not in this exercise/);
    // What the import's contract bounds, before any of the above runs (the edge parses with it).
    const bounds = (exercise: unknown) =>
      ImportInput.safeParse({ facilitatorName: "Imp", exercise }).error?.issues.map((i) =>
        i.path.join("."),
      );
    expect(bounds({ ...file, seed: -1 })).toEqual(["exercise.seed"]);
    expect(bounds({ ...file, seed: 2 ** 31 })).toEqual(["exercise.seed"]);
    expect(bounds({ ...file, title: "x".repeat(121) })).toEqual(["exercise.title"]);
    expect(bounds({ ...file, teams: Array.from({ length: 31 }, (_, i) => `t${i}`) })).toEqual([
      "exercise.teams",
    ]);
    expect(bounds(file)).toBeUndefined();
    // The untouched file imports.
    expect(
      (await fx.review.importJson({ facilitatorName: "Imp", exercise: file })).sessionId,
    ).toBeTruthy();
  });
});
