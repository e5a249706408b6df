import { MemoryExerciseStore } from "@chokepoint/db";
import { builtInScenarios, loadScenarioFile } from "@chokepoint/scenario-files";
import { ScenarioCatalog } from "../src/scenario-catalog.ts";
import type { Push } from "../src/service/broadcaster.ts";
import { ExerciseRunner } from "../src/service/exercise-runner.ts";
import { ExerciseService } from "../src/service/exercise-service.ts";

/** Only the 2010 scenario: rule tests need one, and loading it once keeps them fast. */
function oneScenarioCatalog(): ScenarioCatalog {
  const file = builtInScenarios().find((b) => b.id === "rare-earth-2010")?.file;
  if (!file) throw new Error("the built-in rare-earth-2010 scenario is missing");
  const r = loadScenarioFile(file);
  if (!r.ok) throw new Error("rare-earth-2010 does not load");
  return new ScenarioCatalog([r.value]);
}
export const memoryCatalog = oneScenarioCatalog();

export type RoleName = "facilitator" | "teamMember" | "otherTeamMember" | "observer" | "noToken";
export const ROLES: RoleName[] = [
  "facilitator",
  "teamMember",
  "otherTeamMember",
  "observer",
  "noToken",
];

/**
 * An exercise in memory through the real write path: a facilitator, a JOGMEC member ("the
 * team"), a METI member ("another team") and an observer; started unless `lobby`.
 */
export async function memoryExercise(
  opts: { lobby?: boolean; timer?: number; moreTeams?: string[] } = {},
) {
  const store = new MemoryExerciseStore();
  let clock = Date.UTC(2026, 10, 23);
  const runner = new ExerciseRunner(store, memoryCatalog, () => new Date(clock++));
  const created = await store.create({
    scenarioId: "rare-earth-2010",
    scenarioVersion: memoryCatalog.require("rare-earth-2010").scenario.version,
    seed: 2010,
    teams: ["meti", "jogmec", ...(opts.moreTeams ?? [])],
    facilitatorName: "Sato",
    ...(opts.timer ? { turnTimerSeconds: opts.timer } : {}),
  });
  const sessionId = created.sessionId;
  const join = async (
    id: string,
    displayName: string,
    role: "participant" | "observer",
    team: string | null,
  ) => {
    await runner.execute(
      sessionId,
      { participantId: null },
      {
        type: "join",
        participantId: id,
        displayName,
        role,
        team,
        via: role === "observer" ? "observer_code" : "join_code",
        capacity: 200,
      },
      { credentials: { [id]: `hash-${id}` } },
    );
    return id;
  };
  const ids: Record<RoleName, string | null> = {
    facilitator: created.facilitator.participantId,
    teamMember: await join("p-jogmec", "Ben", "participant", "jogmec"),
    otherTeamMember: await join("p-meti", "Aiko", "participant", "meti"),
    observer: await join("p-obs", "Obi", "observer", null),
    noToken: null,
  };
  if (!opts.lobby)
    await runner.execute(
      sessionId,
      { participantId: ids.facilitator },
      { type: "control", action: "start" },
    );
  const logLength = async () => (await store.readLog(sessionId)).length;
  const as = (role: RoleName) => ({ participantId: ids[role] });
  /** Moves the runner's clock on (each write also moves it 1 ms). */
  const wait = (ms: number) => {
    clock += ms;
  };
  return { store, runner, sessionId, ids, as, join, logLength, wait, now: () => clock };
}

/**
 * The whole service over the in-memory store, recording every push, with a METI and JOGMEC
 * exercise created (not yet joined or started).
 */
export async function memoryServiceExercise() {
  const pushes: Push[] = [];
  const service = new ExerciseService(new MemoryExerciseStore(), memoryCatalog, {
    changed: (p) => pushes.push(p),
    message: () => {},
    memberChanged: () => {},
    memberRemoved: () => {},
  });
  const { joinCode, token: fac } = await service.createExercise({
    scenarioId: "rare-earth-2010",
    seed: 7,
    facilitatorName: "Sato",
    teams: ["meti", "jogmec"],
  });
  // Pushes leave on the next turn of the event loop (one per exercise for all its changes then).
  const pushed = () => new Promise<void>((r) => setImmediate(r));
  return { service, pushes, pushed, joinCode, fac };
}
