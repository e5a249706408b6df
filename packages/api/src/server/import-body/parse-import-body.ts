import { ImportInput } from "@chokepoint/contracts";
import { invalidPayload } from "../../parse-input.ts";
import { malformedError, malformedInput } from "../../router/malformed-input.ts";

/** How much lower than the serving loop the import's parse worker runs (`nice`, per thread). */
export const IMPORT_NICENESS = 10;

/** Events per piece of a valid import sent back to the event loop, each parsed in one go. */
export const EVENTS_PER_PIECE = 1_000;

/** What the worker answers for one body: the import in pieces, or why it is refused. */
export type ParsedImport =
  | { kind: "ok"; head: string; pieces: string[] }
  | { kind: "unparsable"; message: string }
  | { kind: "refused"; message: string; ja: string; details: unknown };

/**
 * An import's body, read as the import procedure reads its input — JSON, then the malformed
 * check (depth, size, surrogates), then the `ImportInput` schema — all of it in the worker, so
 * an 8 MB body (malformed or not) costs the event loop nothing per element. A valid import
 * comes back as its head and its events in pieces of `EVENTS_PER_PIECE`, already checked.
 */
export function parseImportBody(body: Uint8Array, maxDepth: number): ParsedImport {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(body));
  } catch (e) {
    return { kind: "unparsable", message: (e as Error).message.slice(0, 200) };
  }
  const bad = malformedInput(value, maxDepth);
  const r = bad ? undefined : ImportInput.safeParse(value);
  if (bad || !r?.success) {
    const app = bad ? malformedError(bad) : invalidPayload(r?.error?.issues ?? []);
    // Plain data across the thread (zod issues may hold anything).
    const details = JSON.parse(JSON.stringify(app.details ?? null)) as unknown;
    return { kind: "refused", message: app.message, ja: app.ja, details };
  }
  const { events, ...exercise } = r.data.exercise;
  const pieces: string[] = [];
  for (let i = 0; i < events.length; i += EVENTS_PER_PIECE)
    pieces.push(JSON.stringify(events.slice(i, i + EVENTS_PER_PIECE)));
  return { kind: "ok", head: JSON.stringify({ ...r.data, exercise }), pieces };
}
