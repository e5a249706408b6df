import { z } from "zod";
import { LogEvent } from "./log-event.ts";

/**
 * The version of the stored event format this code writes. Raise it when a member of
 * `LogEvent` changes shape, and add the upcaster from the previous version below: stored
 * logs and exports outlive code, and are upgraded when read, never rewritten.
 * Version 1: the first format (logs and exports written before versions existed).
 */
export const EVENT_SCHEMA_VERSION = 1;

/** Upgrades a payload of version `from` to version `from + 1`. */
const UPCASTERS: Record<number, (payload: Record<string, unknown>) => Record<string, unknown>> = {
  // 1: (p) => ({ ...p }),  // the first upcaster goes here, written with the change to version 2
};

const KNOWN_TYPES = new Set<string>(LogEvent.options.map((o) => o.shape.type.value));

/**
 * Made once: zod 4 compiles a parser for each schema object on its first use, so a schema
 * built inside `readStoredEvent` was compiled again for every event read — about half the
 * CPU of reading a 40,000-event log, and the garbage of 40,000 compiled functions.
 */
const TYPED_OBJECT = z.looseObject({ type: z.string() });

/**
 * Reads a stored payload of any version as today's `LogEvent`. It checks only that the event
 * is one the log knows: the payload was validated when written, and re-validating it with
 * today's (possibly stricter) command rules would make old logs unreadable.
 */
export function readStoredEvent(payload: unknown, version = 1): LogEvent {
  const shape = TYPED_OBJECT.safeParse(payload);
  if (!shape.success)
    throw new Error(`stored event is not an object with a type (version ${version})`);
  if (version > EVENT_SCHEMA_VERSION)
    throw new Error(
      `stored event version ${version} is newer than this code reads (${EVENT_SCHEMA_VERSION}); upgrade the server`,
    );
  let p: Record<string, unknown> = shape.data;
  for (let v = version; v < EVENT_SCHEMA_VERSION; v++) {
    const up = UPCASTERS[v];
    if (!up)
      throw new Error(`no upcaster from stored event version ${v}; add one in stored-event.ts`);
    p = up(p);
  }
  if (!KNOWN_TYPES.has(String(p.type)))
    throw new Error(`stored event type '${String(p.type)}' is not one this code knows`);
  return p as LogEvent;
}
