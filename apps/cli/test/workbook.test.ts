import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";

const main = join(import.meta.dirname, "../src/main.ts");
const cli = (...args: string[]) =>
  spawnSync(process.execPath, ["--import", "tsx", main, ...args], { encoding: "utf8" });
const tmp = mkdtempSync(join(tmpdir(), "chokepoint-workbook-"));

describe("chokepoint workbook", () => {
  it("writes the template, converts it onto a built-in world, and the result validates and runs", () => {
    const xlsx = join(tmp, "template-ja.xlsx");
    const yaml = join(tmp, "scenario.yaml");
    expect(cli("--lang", "ja", "workbook", "template", "--out", xlsx).status).toBe(0);
    const r = cli("workbook", "convert", xlsx, "--base", "heavy-rare-earths-2025", "--out", yaml);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("EPS NdFeB magnet: 100 % from CN, 20 days of stock");
    expect(r.stdout).toMatch(/Power-steering motor: short from 2025-0\d/);
    expect(cli("validate", yaml).stdout).toContain("valid (sakura-motors-heavy-rare-earths-2025");
    const run = cli("run", yaml);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain("state hash");
  });

  it("prints every cell error in both languages, exits 1 and writes nothing", async () => {
    const good = join(tmp, "template-en.xlsx");
    expect(cli("workbook", "template", "--out", good).status).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(good) as unknown as ExcelJS.Buffer);
    const components = wb.getWorksheet("Components");
    const suppliers = wb.getWorksheet("Suppliers");
    if (!components || !suppliers) throw new Error("template sheets missing");
    components.getCell("D7").value = -3;
    components.getCell("D3").value = -3;
    suppliers.getCell("C4").value = "Narnia";
    const bad = join(tmp, "broken.xlsx");
    writeFileSync(bad, new Uint8Array(await wb.xlsx.writeBuffer()));
    const out = join(tmp, "never.yaml");
    const r = cli("workbook", "convert", bad, "--base", "heavy-rare-earths-2025", "--out", out);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      "Components!D3: enter a number of days ≥ 0 / 日数（0以上の数）を入力してください",
    );
    expect(r.stderr).toContain("Suppliers!C4: 'Narnia' is not a country");
    expect(existsSync(out)).toBe(false);
  });
});
