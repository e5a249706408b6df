import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AppRouter } from "@chokepoint/api";
import { createTRPCClient, httpLink } from "@trpc/client";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { useServerAndBrowser } from "./harness.ts";

const stack = useServerAndBrowser();
const client = (token?: string) =>
  createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${stack.server().url}/api/trpc`,
        headers: () => (token ? { authorization: `Bearer ${token}` } : {}),
      }),
    ],
  });

/**
 * A seminar of three tables on one seed, each played for three turns through the API: tables A
 * and C do nothing; at table B, JOGMEC buys 30 t of dysprosium in turn 2.
 */
async function playedSeminar() {
  const created = await client().seminar.create.mutate({
    title: "Debrief e2e",
    facilitatorName: "Sato",
    template: {
      scenarioId: "rare-earth-2010",
      teams: ["meti", "jogmec"],
      seeds: { policy: "same", seed: 2010 },
      labels: "letters",
      assignment: "pick",
    },
    tables: 3,
  });
  const tables = await client(created.secret).seminar.tables.query({
    seminarId: created.seminarId,
  });
  for (const t of tables) {
    const boss = client(t.facilitatorToken);
    const joinCode = (await boss.exercise.view.query()).session.joinCode ?? "";
    const join = (team: string) =>
      client().exercise.join.mutate({ joinCode, displayName: `${team}-${t.label}`, team });
    const [meti, jogmec] = [await join("meti"), await join("jogmec")];
    await boss.facilitator.control.mutate({ action: "start" });
    for (let turn = 0; turn < 3; turn++) {
      await client(meti.token).exercise.lock.mutate({ turn, actions: [] });
      await client(jogmec.token).exercise.lock.mutate({
        turn,
        actions:
          t.label === "B" && turn === 1
            ? [{ op: "buy", lever: "jogmec_dy_stockpile", tonnes: 30 }]
            : [],
      });
    }
  }
  return created;
}

function pdfText(pdf: Buffer): string {
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  const file = join(mkdtempSync(join(tmpdir(), "chokepoint-seminar-")), "debrief.pdf");
  writeFileSync(file, pdf);
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
}
const flat = (s: string) => s.replaceAll(/\s+/g, " ");

describe("the seminar's cross-table debrief in Chromium", () => {
  it("shows the divergence turn, and downloads the workbook and the PDF with every table", async () => {
    const s = await playedSeminar();
    const ctx = await stack.browser().newContext({
      locale: "en-US",
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    await ctx.addInitScript(
      ([id, secret]) => window.localStorage.setItem(`chokepoint:seminar:${id}`, secret),
      [s.seminarId, s.secret] as const,
    );
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${stack.server().url}/seminar/debrief?m=${s.seminarId}`);
    // B alone bought in turn 2: whichever of A/C ranks against it, they parted there.
    const divergence = page.locator('[data-testid="debrief-divergence"][data-turn="1"]');
    await divergence.waitFor({ timeout: 120_000 });
    expect(await divergence.getAttribute("data-best")).not.toBe(
      await divergence.getAttribute("data-worst"),
    );
    expect([
      await divergence.getAttribute("data-best"),
      await divergence.getAttribute("data-worst"),
    ]).toContain("B");
    const said = flat((await divergence.textContent()) ?? "");
    expect(said).toContain("Turn 2 (2009-Q2)");
    expect(said).toContain("bought 30 t for JOGMEC dysprosium stockpile");
    // The matrix names the lever and the turn; the outcomes list every table; each has a summary.
    const matrix = flat((await page.getByTestId("debrief-matrix").textContent()) ?? "");
    expect(matrix).toContain("JOGMEC dysprosium stockpile");
    expect(matrix).toContain("buy 30 t");
    expect(matrix).not.toContain("jogmec_dy_stockpile");
    for (const label of ["A", "B", "C"]) {
      await page.locator(`[data-testid="debrief-outcomes"] tr[data-table="${label}"]`).waitFor();
      await page.locator(`[data-testid="debrief-summaries"] [data-table="${label}"]`).waitFor();
      await page.locator(`[data-testid="debrief-path-shortfall-${label}"]`).waitFor();
    }
    // Each table's band came from the Monte Carlo pool: three turns of 5/50/95 points.
    const drawn = await page.getByTestId("debrief-path-shortfall-B").getAttribute("data-bands");
    expect(JSON.parse(drawn ?? "[]")).toHaveLength(3);

    const [xlsx] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("debrief-xlsx").click(),
    ]);
    expect(xlsx.suggestedFilename()).toBe("seminar-debrief-en.xlsx");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(await xlsx.path()) as unknown as ExcelJS.Buffer);
    expect(book.worksheets.map((w) => w.name)).toContain("Outcomes side by side");
    expect(
      [...(book.worksheets[0]?.getColumn(2).values ?? [])].slice(2).map(String).sort(),
    ).toEqual(["A", "B", "C"]);

    const [pdf] = await Promise.all([
      page.waitForEvent("download", { timeout: 180_000 }),
      page.getByTestId("debrief-pdf-ja").click(),
    ]);
    const text = flat(pdfText(readFileSync(await pdf.path())));
    expect(text).toContain("テーブル横断の振り返り");
    expect(text).toContain("ターン 2（2009-Q2）");
    for (const label of ["A", "B", "C"]) expect(text).toContain(`テーブル${label}は3テーブル中`);
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it("the PDF and the page refuse without the seminar's secret", async () => {
    const s = await playedSeminar();
    const res = await fetch(`${stack.server().url}/export/seminar.pdf?lang=ja&m=${s.seminarId}`, {
      headers: { authorization: "Bearer not-the-secret-of-this-seminar" },
    });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("セミナー");
  });
});
