// A separate process appending to the same session, for the concurrency test.
// argv: url sessionId count
import { isAppError } from "@chokepoint/contracts";
import { openDatabase } from "../src/open-database.ts";
import { appendEvent, headSeq } from "../src/repositories/event-log.ts";

const [url, sessionId, countText] = process.argv.slice(2);
if (!url || !sessionId || !countText)
  throw new Error("usage: append-worker <url> <sessionId> <count>");
const db = await openDatabase(url);
let appended = 0;
let conflicts = 0;
let firstConflict = "";
while (appended < Number(countText)) {
  const head = await headSeq(db, sessionId);
  try {
    await appendEvent(db, {
      sessionId,
      expectedSeq: head,
      event: { type: "message_broadcast", text: `from ${process.pid} #${appended}` },
    });
    appended++;
  } catch (e) {
    if (!isAppError(e, "sequence_conflict")) throw e;
    conflicts++;
    firstConflict ||= e.message;
  }
}
console.log(JSON.stringify({ appended, conflicts, firstConflict }));
await db.$disconnect();
