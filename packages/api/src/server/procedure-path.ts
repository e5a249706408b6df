/**
 * The path of a request's URL as tRPC resolves it: percent-decoded, as its HTTP adapter decodes
 * it before looking the procedure up. Every routing decision taken before tRPC (the import's
 * and workbooks' larger body limits, the streamed exports) reads this, so an encoded spelling
 * cannot reach a procedure by another road: `review%2EexportJson` was answered by tRPC's own
 * handler, the whole export built and stringified at once on the event loop, outside the
 * streamed writer and its gate. `undefined` when the path cannot be decoded (tRPC refuses it).
 */
export function procedurePath(url: string | undefined): string | undefined {
  const raw = url ?? "";
  const q = raw.indexOf("?");
  const path = q < 0 ? raw : raw.slice(0, q);
  try {
    return decodeURIComponent(path);
  } catch {
    return undefined;
  }
}
