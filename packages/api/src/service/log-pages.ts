import type { ExerciseStore, StoredEvent } from "@chokepoint/db";

/**
 * Events per page when a whole log is read. One read of a 40,000-event log, and the mapping of
 * its rows, held the event loop for over a second (the synchronous SQLite driver works on it);
 * a page of this many takes a few tens of milliseconds, and other requests run between pages.
 */
export const LOG_PAGE_EVENTS = 250;

/**
 * A log from `fromSeq` on, in pages, with a turn of the event loop between pages. Readers
 * handle each page as it comes (fold, filter, map), so no step is proportional to the log.
 */
export async function* logPages(
  store: Pick<ExerciseStore, "readLog">,
  sessionId: string,
  fromSeq = 1,
  pageEvents = LOG_PAGE_EVENTS,
): AsyncGenerator<StoredEvent[]> {
  for (let from = fromSeq; ; ) {
    const page = await store.readLog(sessionId, from, pageEvents);
    if (page.length) yield page;
    const last = page.at(-1);
    if (!last || page.length < pageEvents) return;
    from = last.seq + 1;
    await new Promise((r) => setImmediate(r));
  }
}

/** Gives other requests a turn of the event loop when `budgetMs` has passed since `since`. */
export async function yieldEvery(since: { t: number }, budgetMs = 15): Promise<void> {
  if (performance.now() - since.t < budgetMs) return;
  await new Promise((r) => setImmediate(r));
  since.t = performance.now();
}
