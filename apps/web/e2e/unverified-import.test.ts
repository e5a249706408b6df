import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useServerAndBrowser } from "./harness.ts";
import { createExercise, LAPTOP, PHONE, trpc } from "./live-room.ts";

const stack = useServerAndBrowser();

/** A 2010 exercise played two turns over HTTP, exported as JSON: the file an import reads. */
async function exportedFile(): Promise<{ stateHashes: Record<string, string> }> {
  const base = stack.server().url;
  const ex = await createExercise(base, { teams: ["meti", "jogmec"] });
  await trpc(base, "facilitator.control", { action: "start" }, ex.token);
  for (const turn of [0, 1]) await trpc(base, "facilitator.advance", { turn }, ex.token);
  return trpc(base, "review.exportJson", null, ex.token, "query");
}

const importFile = (exercise: unknown) =>
  trpc<{ sessionId: string; token: string; unverified: boolean }>(
    stack.server().url,
    "review.importJson",
    { facilitatorName: "Imp", exercise },
  );

/** A page of this server opened by the holder of `token` for the exercise. */
async function open(
  who: { sessionId: string; token: string },
  path: "facilitate" | "review",
  locale: "ja-JP" | "en-US",
  viewport = LAPTOP,
): Promise<Page> {
  const ctx = await stack.browser().newContext({ locale, viewport });
  await ctx.addInitScript(
    ([id, tok]) => window.localStorage.setItem(`chokepoint:token:${id}`, tok),
    [who.sessionId, who.token] as const,
  );
  const page = await ctx.newPage();
  await page.goto(`${stack.server().url}/${path}?s=${who.sessionId}`);
  return page;
}

async function pdfText(token: string, lang: "ja" | "en"): Promise<string> {
  const res = await fetch(`${stack.server().url}/export/aar.pdf?lang=${lang}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(res.status).toBe(200);
  const file = join(mkdtempSync(join(tmpdir(), "chokepoint-unverified-")), "aar.pdf");
  writeFileSync(file, Buffer.from(await res.arrayBuffer()));
  // pdftotext may break a line anywhere, even inside a Japanese sentence: compare without spaces.
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).replaceAll(
    /\s+/g,
    "",
  );
}

const squeeze = (s: string) => s.replaceAll(/\s+/g, "");
const MARK_EN = "Unverified import: the file did not record a state hash for every turn";
const MARK_JA = "未検証の取り込み：ファイルに各ターンの状態ハッシュが記録されていなかった";

describe("an import without state hashes in real Chromium", () => {
  it("is marked unverified on the console, the review (phone, Japanese) and both PDFs; a verified one is not", async () => {
    const file = await exportedFile();
    expect(Object.keys(file.stateHashes)).toEqual(["0", "1"]);
    const bare = await importFile({ ...file, stateHashes: {} });
    expect(bare.unverified).toBe(true);

    const console = await open(bare, "facilitate", "en-US");
    await expect
      .poll(() => console.getByTestId("unverified-mark").textContent(), { timeout: 60_000 })
      .toContain(MARK_EN);
    await console.context().close();

    const review = await open(bare, "review", "ja-JP", PHONE);
    await expect
      .poll(() => review.getByTestId("unverified-mark").textContent(), { timeout: 60_000 })
      .toContain(MARK_JA);
    await review.context().close();

    expect(await pdfText(bare.token, "en")).toContain(squeeze(MARK_EN));
    expect(await pdfText(bare.token, "ja")).toContain(squeeze(MARK_JA));

    // The same log with its hashes: verified, and no screen says otherwise.
    const whole = await importFile(file);
    expect(whole.unverified).toBe(false);
    const clean = await open(whole, "review", "en-US");
    await clean.getByTestId("debrief").waitFor({ timeout: 60_000 });
    expect(await clean.getByTestId("unverified-mark").count()).toBe(0);
    await clean.context().close();
    expect(await pdfText(whole.token, "en")).not.toContain("Unverifiedimport");
  });
});
