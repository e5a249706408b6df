/**
 * `JSON.stringify(value)`, byte for byte, written in pieces with turns of the event loop
 * between them. One `JSON.stringify` of a 40,000-event export held the loop for about 110 ms
 * on an idle machine; here no piece costs more than `budgetMs` plus one array element.
 */

/** Arrays at least this long are written one element at a time, each element in one call. */
const LONG_ARRAY = 64;
/** Strings longer than this are escaped in slices of it (a CSV export is one string). */
const STRING_SLICE = 64 * 1024;

export interface JsonSink {
  /** Like `res.write`: false when the buffer is full and `drain` should be awaited. */
  write(chunk: string): boolean;
  once(event: "drain", listener: () => void): unknown;
}

/**
 * Writes `JSON.stringify(value)` to `sink`, yielding (and waiting for `drain`) whenever
 * `budgetMs` has passed, and in chunks of about `chunkChars`. Same output as `JSON.stringify`
 * (a test holds them equal); a circular value throws a TypeError like it.
 */
export async function writeJson(
  sink: JsonSink,
  value: unknown,
  { budgetMs = 8, chunkChars = 64 * 1024 } = {},
): Promise<void> {
  let buffer = "";
  let since = performance.now();
  for (const piece of pieces(value, "", new Set())) {
    buffer += piece;
    if (buffer.length >= chunkChars) {
      const more = sink.write(buffer);
      buffer = "";
      if (!more) await new Promise<void>((r) => sink.once("drain", r));
    }
    if (performance.now() - since >= budgetMs) {
      await new Promise((r) => setImmediate(r));
      since = performance.now();
    }
  }
  if (buffer) sink.write(buffer);
}

/** The text of `value` as a sequence of pieces, in `JSON.stringify`'s order and rules. */
function* pieces(raw: unknown, key: string, ancestors: Set<object>): Generator<string> {
  const value = withToJson(raw, key);
  if (value === null || typeof value !== "object") {
    if (typeof value === "string" && value.length > STRING_SLICE) yield* longString(value);
    else yield JSON.stringify(value) ?? "null";
    return;
  }
  // Boxed primitives and the like: leaves, as JSON.stringify treats them.
  if (value instanceof Number || value instanceof String || value instanceof Boolean) {
    yield JSON.stringify(value);
    return;
  }
  if (ancestors.has(value)) throw new TypeError("Converting circular structure to JSON");
  ancestors.add(value);
  if (Array.isArray(value)) {
    yield "[";
    for (let i = 0; i < value.length; i++) {
      if (i) yield ",";
      // A long array is a list of records (events, timeline entries): one call per record.
      if (value.length >= LONG_ARRAY) yield JSON.stringify(value[i], null) ?? "null";
      else if (isOmitted(withToJson(value[i], String(i)))) yield "null";
      else yield* pieces(value[i], String(i), ancestors);
    }
    yield "]";
  } else {
    yield "{";
    let first = true;
    const record = value as Record<string, unknown>;
    for (const k of Object.keys(record)) {
      if (isOmitted(withToJson(record[k], k))) continue;
      yield `${first ? "" : ","}${JSON.stringify(k)}:`;
      first = false;
      yield* pieces(record[k], k, ancestors);
    }
    yield "}";
  }
  ancestors.delete(value);
}

function withToJson(value: unknown, key: string): unknown {
  const toJSON = (value as { toJSON?: unknown } | null | undefined)?.toJSON;
  return typeof toJSON === "function" ? toJSON.call(value, key) : value;
}

/** What JSON.stringify leaves out of an object (and writes as null in an array). */
function isOmitted(value: unknown): boolean {
  return value === undefined || typeof value === "function" || typeof value === "symbol";
}

/** A long string escaped in slices; a slice never ends between the halves of a surrogate pair. */
function* longString(s: string): Generator<string> {
  yield '"';
  for (let at = 0; at < s.length; ) {
    let end = Math.min(at + STRING_SLICE, s.length);
    const last = s.charCodeAt(end - 1);
    if (end < s.length && last >= 0xd800 && last <= 0xdbff) end--;
    yield JSON.stringify(s.slice(at, end)).slice(1, -1);
    at = end;
  }
  yield '"';
}
