import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it, vi } from "vitest";
import { exportFailed } from "./export-failed";

describe("a PDF export's unforeseen failure", () => {
  it("is logged with the id the person is told, in ja and en, never the internals", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const server = createServer((_, res) =>
      exportFailed(
        res,
        { en: "AAR export failed", ja: "AARの書き出しに失敗しました" },
        new Error("chromium died"),
      ),
    );
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const r = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    const text = await r.text();
    server.close();
    expect(r.status).toBe(500);
    const id = /error ([0-9a-f]{8})/.exec(text)?.[1];
    expect(text).toContain(`（エラー ${id}）`);
    expect(text).not.toContain("chromium");
    expect(String(logged.mock.calls[0]?.[0])).toBe(`[error ${id}] AAR export failed:`);
    expect(String(logged.mock.calls[0]?.[1])).toContain("chromium died");
    logged.mockRestore();
  });
});
