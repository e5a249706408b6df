import { isAppError } from "@chokepoint/contracts";
import { describe, expect, it } from "vitest";
import {
  buildExerciseView,
  type Command,
  decide,
  may,
  type Permission,
  visibleLog,
} from "../src/core/index.ts";
import { memoryExercise, ROLES, type RoleName } from "./memory-exercise.ts";

/**
 * The exercise's rules, every command × every role, against the in-memory store and through
 * the real write path (queue → load → decide → append → evolve). A refusal is an error code
 * and writes nothing. "The team" is JOGMEC; "another team" is METI. A caller with no token is
 * `{ participantId: null }` — at the HTTP edge an absent token is refused before the core, so
 * only the server itself (joins, its turn timers) acts as nobody.
 */
const buy = { op: "buy" as const, lever: "jogmec_dy_stockpile", tonnes: 1 };
type Expect = "ok" | "forbidden" | "rule_violation";
const facilitatorOnly: Record<RoleName, Expect> = {
  facilitator: "ok",
  teamMember: "forbidden",
  otherTeamMember: "forbidden",
  observer: "forbidden",
  noToken: "forbidden",
};

const COMMANDS: { name: string; command: Command; expect: Record<RoleName, Expect> }[] = [
  {
    name: "join",
    command: {
      type: "join",
      participantId: "p-new",
      displayName: "Dai",
      role: "participant",
      team: "meti",
      via: "join_code",
      capacity: 200,
    },
    expect: {
      facilitator: "rule_violation",
      teamMember: "rule_violation",
      otherTeamMember: "rule_violation",
      observer: "rule_violation",
      noToken: "ok",
    },
  },
  {
    name: "lock the team's decisions",
    command: { type: "lock", turn: 0, actions: [buy] },
    expect: {
      facilitator: "forbidden",
      teamMember: "ok",
      // METI may not use JOGMEC's lever: the engine's rule, returned as a value.
      otherTeamMember: "rule_violation",
      observer: "forbidden",
      noToken: "forbidden",
    },
  },
  {
    name: "edit the team's draft",
    command: { type: "edit_draft", turn: 0, lever: "jogmec_dy_stockpile", actions: [buy] },
    expect: {
      facilitator: "forbidden",
      teamMember: "ok",
      // METI has no such lever.
      otherTeamMember: "rule_violation",
      observer: "forbidden",
      noToken: "forbidden",
    },
  },
  {
    name: "set the resolution mode",
    command: { type: "set_resolution_mode", mode: "reveal" },
    expect: facilitatorOnly,
  },
  { name: "advance", command: { type: "advance", turn: 0 }, expect: facilitatorOnly },
  {
    name: "timer expiry",
    command: { type: "timer_expired", turn: 0 },
    expect: { ...facilitatorOnly, facilitator: "forbidden", noToken: "ok" },
  },
  {
    name: "inject",
    command: { type: "inject", turn: 0, inject: "second_halt" },
    expect: facilitatorOnly,
  },
  {
    name: "override",
    command: {
      type: "override",
      turn: 0,
      target: { kind: "budget", team: "meti", value: 5 },
      reason: "a test",
    },
    expect: facilitatorOnly,
  },
  { name: "broadcast", command: { type: "broadcast", text: "hello" }, expect: facilitatorOnly },
  {
    name: "move",
    command: { type: "move", participantId: "p-meti", team: "jogmec" },
    expect: facilitatorOnly,
  },
  { name: "pause", command: { type: "control", action: "pause" }, expect: facilitatorOnly },
  { name: "end", command: { type: "control", action: "end" }, expect: facilitatorOnly },
  {
    name: "replay engine events (import, fork, branch runs)",
    command: { type: "replay_engine", events: [{ type: "turn_resolved", turn: 0 }] },
    expect: facilitatorOnly,
  },
];

const outcome = (e: unknown): Expect => {
  if (isAppError(e, "forbidden")) return "forbidden";
  if (isAppError(e, "rule_violation")) return "rule_violation";
  throw e;
};

describe("every command × every role, in memory", () => {
  for (const c of COMMANDS)
    for (const role of ROLES)
      it(`${c.name} by ${role}: ${c.expect[role]}`, async () => {
        const ex = await memoryExercise();
        const before = await ex.logLength();
        const got = await ex.runner
          .execute(ex.sessionId, ex.as(role), c.command, { credentials: { "p-new": "hash" } })
          .then(() => "ok" as const, outcome);
        expect(got).toBe(c.expect[role]);
        if (got === "ok") expect(await ex.logLength()).toBeGreaterThan(before);
        else expect(await ex.logLength()).toBe(before);
      });
});

describe("reads and writes beside the log, by role", () => {
  const table: Record<Permission, RoleName[]> = {
    view: ["facilitator", "teamMember", "otherTeamMember", "observer"],
    review: ["facilitator", "observer"],
    export: ["facilitator", "observer"],
    write_note: ["facilitator"],
    fork: ["facilitator"],
    answer_debrief: ["teamMember", "otherTeamMember", "observer"],
  };
  it("view, review, export, notes and forks follow one table", async () => {
    const ex = await memoryExercise();
    const state = await ex.runner.read(ex.sessionId);
    for (const [what, allowed] of Object.entries(table) as [Permission, RoleName[]][])
      for (const role of ROLES)
        expect([what, role, !isAppError(may(state, ex.as(role), what))]).toEqual([
          what,
          role,
          allowed.includes(role),
        ]);
  });
});

describe("session rules", () => {
  it("an ended exercise refuses every command (and joins) but notes may still be written", async () => {
    const ex = await memoryExercise();
    await ex.runner.execute(ex.sessionId, ex.as("facilitator"), { type: "control", action: "end" });
    const state = await ex.runner.read(ex.sessionId);
    for (const c of COMMANDS)
      for (const role of ROLES) {
        const r = decide(state, ex.as(role), c.command);
        expect(isAppError(r)).toBe(true);
      }
    expect(isAppError(may(state, ex.as("facilitator"), "write_note"))).toBe(false);
  });

  it("after the end, members answer the debrief questions (the scenario's and the facilitator's); a repeat stores nothing", async () => {
    const ex = await memoryExercise();
    const f = ex.as("facilitator");
    await ex.runner.execute(ex.sessionId, f, { type: "control", action: "end" });
    await ex.runner.execute(ex.sessionId, f, {
      type: "add_debrief_question",
      questionId: "q-comms",
      text: "Did the teams talk to each other in time?",
    });
    const answer: Command = {
      type: "answer_debrief",
      questionId: "diversification_cost",
      answer: "Only with a price floor",
      at: "2026-01-01T00:00:00.000Z",
    };
    await ex.runner.execute(ex.sessionId, ex.as("teamMember"), answer);
    const again = await ex.runner.execute(ex.sessionId, ex.as("teamMember"), answer);
    expect(again.events).toEqual([]);
    await ex.runner.execute(ex.sessionId, ex.as("observer"), {
      ...answer,
      questionId: "q-comms",
      answer: "Late",
    });
    const state = await ex.runner.read(ex.sessionId);
    expect([...state.debrief.answers.values()].map((a) => [a.questionId, a.answer])).toEqual([
      ["diversification_cost", "Only with a price floor"],
      ["q-comms", "Late"],
    ]);
    await expect(
      ex.runner.execute(ex.sessionId, ex.as("teamMember"), { ...answer, questionId: "nope" }),
    ).rejects.toMatchObject({ code: "rule_violation", message: expect.stringMatching(/nope/) });
    await expect(ex.runner.execute(ex.sessionId, f, answer)).rejects.toMatchObject({
      code: "forbidden",
    });
  });

  it("locks need a running exercise; start, pause and resume follow the lifecycle", async () => {
    const ex = await memoryExercise({ lobby: true });
    const lock: Command = { type: "lock", turn: 0, actions: [buy] };
    await expect(ex.runner.execute(ex.sessionId, ex.as("teamMember"), lock)).rejects.toMatchObject({
      code: "rule_violation",
      message: expect.stringMatching(/lobby/),
    });
    const f = ex.as("facilitator");
    await expect(
      ex.runner.execute(ex.sessionId, f, { type: "control", action: "resume" }),
    ).rejects.toMatchObject({ code: "rule_violation" });
    for (const action of ["start", "pause", "resume"] as const)
      await ex.runner.execute(ex.sessionId, f, { type: "control", action });
    expect((await ex.runner.read(ex.sessionId)).status).toBe("running");
    expect((await ex.store.header(ex.sessionId)).status).toBe("running");
  });

  it("the turn resolves by itself when every staffed team has locked; a stale timer does nothing", async () => {
    const ex = await memoryExercise();
    await ex.runner.execute(ex.sessionId, ex.as("teamMember"), {
      type: "lock",
      turn: 0,
      actions: [buy],
    });
    const { state } = await ex.runner.execute(ex.sessionId, ex.as("otherTeamMember"), {
      type: "lock",
      turn: 0,
      actions: [],
    });
    expect(state.engine.turn).toBe(1);
    const n = await ex.logLength();
    const stale = await ex.runner.execute(
      ex.sessionId,
      { participantId: null },
      { type: "timer_expired", turn: 0 },
    );
    expect(stale.events).toEqual([]);
    expect(await ex.logLength()).toBe(n);
  });

  it("a move to an unknown team, of an observer, or of nobody is refused", async () => {
    const ex = await memoryExercise();
    const f = ex.as("facilitator");
    const move = (participantId: string, team: string | null) =>
      ex.runner.execute(ex.sessionId, f, { type: "move", participantId, team });
    await expect(move("p-meti", "atlantis")).rejects.toMatchObject({ code: "team_not_found" });
    await expect(move("p-obs", "meti")).rejects.toMatchObject({ code: "rule_violation" });
    await expect(move("nobody", "meti")).rejects.toMatchObject({ code: "participant_not_found" });
    await move("p-meti", "jogmec");
    expect(ex.store.rows.get(ex.sessionId)?.participants.get("p-meti")?.team).toBe("jogmec");
  });

  it("secrecy: before the turn resolves only the team and the facilitator see its decisions", async () => {
    const ex = await memoryExercise();
    await ex.runner.execute(ex.sessionId, ex.as("teamMember"), {
      type: "lock",
      turn: 0,
      actions: [buy],
    });
    const state = await ex.runner.read(ex.sessionId);
    const seen = (role: RoleName) => {
      const me = state.members.get(ex.ids[role] ?? "");
      if (!me) throw new Error(role);
      return buildExerciseView(state, me).state.locked.jogmec;
    };
    expect(seen("teamMember")).toEqual([buy]);
    expect(seen("facilitator")).toEqual([buy]);
    expect(seen("otherTeamMember")).toBeUndefined();
    expect(seen("observer")).toBeUndefined();
    // Everyone may see that the team is ready, not what it chose.
    expect(buildExerciseView(state, state.members.get("p-obs") as never).state.lockedTeams).toEqual(
      ["jogmec"],
    );
  });

  it("secrecy in the log: exports and the review show an unresolved turn's decisions to the team and the facilitator only", async () => {
    const ex = await memoryExercise();
    await ex.runner.execute(ex.sessionId, ex.as("teamMember"), {
      type: "lock",
      turn: 0,
      actions: [buy],
    });
    const state = await ex.runner.read(ex.sessionId);
    const log = await ex.store.readLog(ex.sessionId);
    const locks = (role: RoleName) =>
      visibleLog(state, state.members.get(ex.ids[role] ?? "") as never, log).filter(
        (e) => e.event.type === "decisions_locked",
      ).length;
    expect([locks("facilitator"), locks("teamMember")]).toEqual([1, 1]);
    expect([locks("otherTeamMember"), locks("observer")]).toEqual([0, 0]);
    // Once the turn resolves, everyone who may review sees it.
    await ex.runner.execute(ex.sessionId, ex.as("facilitator"), { type: "advance", turn: 0 });
    const after = await ex.runner.read(ex.sessionId);
    expect(
      visibleLog(
        after,
        after.members.get("p-obs") as never,
        await ex.store.readLog(ex.sessionId),
      ).filter((e) => e.event.type === "decisions_locked").length,
    ).toBe(1);
  });

  it("observers join without a team, whatever they ask for", async () => {
    const ex = await memoryExercise();
    const { state } = await ex.runner.execute(
      ex.sessionId,
      { participantId: null },
      {
        type: "join",
        participantId: "p-o2",
        displayName: "Eri",
        role: "observer",
        team: "jogmec",
        via: "observer_code",
        capacity: 200,
      },
      { credentials: { "p-o2": "h" } },
    );
    expect(state.members.get("p-o2")?.team).toBeNull();
  });
});
