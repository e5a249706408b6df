import { createTRPCClient, httpLink, TRPCClientError } from "@trpc/client";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { AppRouter } from "../src/router/root.ts";
import { appServerForFile } from "./service-fixture.ts";

const app = appServerForFile();
const client = (token?: string) =>
  createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${app.base}/api/trpc`,
        headers: () => (token ? { authorization: `Bearer ${token}` } : {}),
      }),
    ],
  });

/**
 * A stored seminar of three tables on one seed, each played for three turns through the real
 * server's service; only table B's JOGMEC buys Dy, in turn 2 (index 1).
 */
async function playedSeminar() {
  const created = await client().seminar.create.mutate({
    title: "Debrief seminar",
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
  const boss = client(created.secret);
  const tables = await boss.seminar.tables.query({ seminarId: created.seminarId });
  const service = app.server.service;
  for (const t of tables) {
    const joinCode = (await service.view(t.facilitatorToken)).session.joinCode ?? "";
    const meti = await service.join({ joinCode, displayName: `M${t.label}`, team: "meti" });
    const jogmec = await service.join({ joinCode, displayName: `J${t.label}`, team: "jogmec" });
    await service.execute("control", t.facilitatorToken, { action: "start" });
    for (let turn = 0; turn < 3; turn++) {
      await service.execute("lock", meti.token, { turn, actions: [] });
      await service.execute("lock", jogmec.token, {
        turn,
        actions:
          t.label === "B" && turn === 1
            ? [{ op: "buy", lever: "jogmec_dy_stockpile", tonnes: 30 }]
            : [],
      });
    }
  }
  return { created, boss };
}

describe("seminar.debrief and its exports over tRPC, authorised by the seminar's secret", () => {
  it("answers the debrief, the workbook and the CSV to the secret's holder, and refuses anyone else", async () => {
    const { created, boss } = await playedSeminar();
    const seminarId = created.seminarId;
    const d = await boss.seminar.debrief.query({ seminarId });
    expect(d.tables.map((t) => t.label)).toEqual(["A", "B", "C"]);
    // A and C played alike, so they rank side by side and B is best or worst: either way the
    // two parted in turn 2 (index 1), where only B's JOGMEC bought.
    expect(d.divergence?.turn).toBe(1);
    expect([d.divergence?.best, d.divergence?.worst]).toContain("B");
    expect(d.divergence?.teams).toEqual([expect.objectContaining({ teamId: "jogmec" })]);

    const book = await boss.seminar.exportXlsx.query({ seminarId, lang: "ja" });
    expect(book.filename).toBe("seminar-debrief-ja.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(book.base64, "base64") as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toContain("結果の比較");
    const labels = wb.worksheets[0]?.getColumn(2).values.slice(2);
    expect(labels).toEqual(d.ranking);

    const csv = await boss.seminar.exportCsv.query({ seminarId, lang: "en" });
    const rows = csv.csv.trim().split("\n");
    expect(rows).toHaveLength(1 + 3 * 3);
    expect(rows.find((r) => r.startsWith('"B",2,'))).toContain(
      "bought 30 t for JOGMEC dysprosium stockpile",
    );

    for (const who of [undefined, `${created.secret.slice(0, -2)}xx`]) {
      const refused = await client(who)
        .seminar.debrief.query({ seminarId })
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect(refused).toBeInstanceOf(TRPCClientError);
      const data = (refused as TRPCClientError<AppRouter>).data;
      expect(data?.code).toBe("FORBIDDEN");
      expect(data?.ja).toContain("セミナー");
    }
  }, 120_000);
});
