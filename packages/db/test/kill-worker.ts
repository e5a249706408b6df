// Appends one event, reports the acknowledgement on stdout, then hangs until killed.
// argv: url sessionId

import { openDatabase } from "../src/open-database.ts";
import { appendEvent } from "../src/repositories/event-log.ts";

const [url, sessionId] = process.argv.slice(2);
if (!url || !sessionId) throw new Error("usage: kill-worker <url> <sessionId>");
const db = await openDatabase(url);
const r = await appendEvent(db, {
  sessionId,
  expectedSeq: 0,
  event: { type: "message_broadcast", text: "acknowledged before the crash" },
  idempotencyKey: "crash-1",
});
process.stdout.write(`ACK ${r.stored.seq}\n`);
setInterval(() => {}, 1000);
