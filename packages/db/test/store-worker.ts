// Writes through the Prisma exercise store as fast as it can — team moves and pause/resume,
// each batch an event plus its derived column — until killed. argv: url sessionId participantId

import { openDatabase } from "../src/open-database.ts";
import { PrismaExerciseStore } from "../src/store/prisma-exercise-store.ts";

const [url, sessionId, participantId] = process.argv.slice(2);
if (!url || !sessionId || !participantId)
  throw new Error("usage: store-worker <url> <session> <participant>");
const store = new PrismaExerciseStore(await openDatabase(url));
let seq = (await store.readLog(sessionId)).length;
for (let i = 0; ; i++) {
  const events =
    i % 2 === 0
      ? [
          {
            type: "participant_moved" as const,
            participantId,
            team: i % 4 === 0 ? "jogmec" : "meti",
          },
        ]
      : [{ type: i % 4 === 1 ? ("session_paused" as const) : ("session_resumed" as const) }];
  const r = await store.append({
    sessionId,
    expectedSeq: seq,
    events,
    actorId: null,
    idempotencyKey: null,
    at: new Date(),
  });
  seq = r.stored.at(-1)?.seq ?? seq;
  if (i === 10) process.stdout.write("GO\n");
}
