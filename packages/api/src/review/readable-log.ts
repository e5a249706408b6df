import { isEngineEvent, type LogEvent } from "@chokepoint/contracts";
import type { ExerciseStore, StoredEvent } from "@chokepoint/db";
import { type ExerciseState, type Member, visibleLog } from "../core/index.ts";
import { logPages } from "../service/log-pages.ts";

/**
 * The stored log up to `state` as this member may read it (the core's secrecy rule), read in
 * pages with turns of the event loop between them.
 */
export async function readableLog(
  store: ExerciseStore,
  state: ExerciseState,
  me: Member,
): Promise<StoredEvent[]> {
  const out: StoredEvent[] = [];
  for await (const page of logPages(store, state.genesis.sessionId)) {
    const upTo = page.filter((e) => e.seq <= state.seq);
    for (const e of visibleLog(state, me, upTo)) out.push(e);
    if (upTo.length < page.length) break;
  }
  return out;
}

/** An exercise's engine events of its first `turns` turns, read in pages. */
export async function resolvedLog(
  store: ExerciseStore,
  sessionId: string,
  turns: number,
): Promise<LogEvent[]> {
  const out: LogEvent[] = [];
  for await (const page of logPages(store, sessionId))
    for (const { event } of page) if (isEngineEvent(event) && event.turn < turns) out.push(event);
  return out;
}

/** The exercise a lineage starts from (itself if it is no branch), through the store's headers. */
export async function rootOf(store: ExerciseStore, sessionId: string): Promise<string> {
  let id = sessionId;
  for (let parent = (await store.header(id)).parentId; parent; ) {
    id = parent;
    parent = (await store.header(id)).parentId;
  }
  return id;
}
