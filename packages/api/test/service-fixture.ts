import { mkdtempSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Database, migrateDeploy, openDatabase, PrismaExerciseStore } from "@chokepoint/db";
import { afterAll, beforeAll } from "vitest";
import { ReviewService } from "../src/review/review-service.ts";
import { ScenarioCatalog } from "../src/scenario-catalog.ts";
import { type AppServer, createAppServer } from "../src/server/create-app-server.ts";
import type { Broadcaster } from "../src/service/broadcaster.ts";
import { ExerciseService } from "../src/service/exercise-service.ts";

export const catalog = ScenarioCatalog.builtIn();

/** A service over a fresh, migrated SQLite file, recording what it broadcasts. */
export async function freshService(): Promise<{
  service: ExerciseService;
  db: Database;
  url: string;
  changed: string[];
}> {
  const url = `file:${join(mkdtempSync(join(tmpdir(), "chokepoint-api-")), "api.db")}`;
  migrateDeploy(url);
  const db = await openDatabase(url);
  const changed: string[] = [];
  const recorder: Broadcaster = {
    changed: (push) => changed.push(push.sessionId),
    message: () => {},
    memberChanged: () => {},
    memberRemoved: () => {},
  };
  return {
    service: new ExerciseService(new PrismaExerciseStore(db), catalog, recorder),
    db,
    url,
    changed,
  };
}

/** An exercise of the 2010 scenario with a facilitator and three participants on three teams, started. */
export async function runningExercise(service: ExerciseService) {
  const {
    sessionId,
    joinCode,
    token: facilitator,
  } = await service.createExercise({
    scenarioId: "rare-earth-2010",
    seed: 2010,
    facilitatorName: "Sato",
    teams: ["meti", "jogmec", "magnet_maker"],
  });
  const join = (displayName: string, team: string) => service.join({ joinCode, displayName, team });
  const meti = await join("Aiko", "meti");
  const jogmec = await join("Ben", "jogmec");
  const maker = await join("Chika", "magnet_maker");
  await service.execute("control", facilitator, { action: "start" });
  return { sessionId, joinCode, facilitator, meti, jogmec, maker };
}

/**
 * The real app server on a loopback port for one test file, on a fresh database; closed after
 * the file. Read `app.base` and `app.server` inside tests (they are set before the first runs).
 */
export function appServerForFile(
  options: Omit<Parameters<typeof createAppServer>[0], "db" | "catalog"> = {},
): { server: AppServer; base: string } {
  const app = {} as { server: AppServer; base: string };
  beforeAll(async () => {
    const { db } = await freshService();
    app.server = createAppServer({ db, catalog, ...options });
    await new Promise<void>((r) => app.server.http.listen(0, "127.0.0.1", r));
    app.base = `http://127.0.0.1:${(app.server.http.address() as AddressInfo).port}`;
  });
  afterAll(() => app.server.close());
  return app;
}

/**
 * A service and its review over a fresh SQLite file, for one test file; closed after it. Read
 * `fx.service`, `fx.review` and `fx.db` inside tests (they are set before the first runs).
 */
export function reviewForFile(): { service: ExerciseService; review: ReviewService; db: Database } {
  const fx = {} as { service: ExerciseService; review: ReviewService; db: Database };
  beforeAll(async () => {
    const { service, db } = await freshService();
    Object.assign(fx, { service, db, review: new ReviewService(service) });
  });
  afterAll(async () => {
    fx.service.timers.clearAll();
    await fx.db.$disconnect();
  });
  return fx;
}
