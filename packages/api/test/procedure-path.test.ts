import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { procedurePath } from "../src/server/procedure-path.ts";
import { streamedPath } from "../src/server/streamed-queries.ts";
import { appServerForFile, runningExercise } from "./service-fixture.ts";

/**
 * Routing before tRPC reads the path as tRPC does (decoded): an encoded spelling of an export
 * (`review%2EexportJson`) was answered by tRPC's own handler, the whole log's export built and
 * stringified at once on the event loop, outside the streamed writer and its gate.
 */
const app = appServerForFile();
const get = (url: string) => ({ method: "GET", url }) as IncomingMessage;

describe("a procedure's path, however it is spelt", () => {
  it("encoded spellings of the streamed reads are streamed; undecodable paths are left to tRPC", () => {
    for (const spelt of [
      "review.exportJson",
      "review%2EexportJson",
      "review%2eexportJson",
      "%72eview.exportJson",
    ])
      expect(streamedPath(get(`/api/trpc/${spelt}?input=%7B%7D`))).toBe("review.exportJson");
    expect(streamedPath(get("/api/trpc/review%2EexportCsv"))).toBe("review.exportCsv");
    expect(streamedPath(get("/api/trpc/review%2Etimeline"))).toBe("review.timeline");
    expect(streamedPath(get("/api/trpc/review.exportJson%2Creview.exportJson"))).toBeUndefined();
    expect(procedurePath("/api/trpc/review%E0%A4%A")).toBeUndefined();
    expect(procedurePath("/api/trpc/review%2EimportJson?x=1")).toBe("/api/trpc/review.importJson");
  });

  it("over HTTP, the encoded export is still answered as the plain one (the streamed writer serves it)", async () => {
    const ex = await runningExercise(app.server.service);
    const headers = { authorization: `Bearer ${ex.facilitator}` };
    const plain = await fetch(`${app.base}/api/trpc/review.exportJson`, { headers });
    const encoded = await fetch(`${app.base}/api/trpc/review%2EexportJson`, { headers });
    expect(encoded.status).toBe(200);
    const a = (await plain.json()) as { result: { data: { exportedAt?: unknown } } };
    const b = (await encoded.json()) as { result: { data: { exportedAt?: unknown } } };
    expect(Object.keys(b.result.data)).toEqual(Object.keys(a.result.data));
  });
});
