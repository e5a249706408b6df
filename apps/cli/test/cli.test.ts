import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const main = join(import.meta.dirname, "../src/main.ts");
const cli = (...args: string[]) =>
  spawnSync(process.execPath, ["--import", "tsx", main, ...args], { encoding: "utf8" });
const tmp = mkdtempSync(join(tmpdir(), "chokepoint-cli-"));
const decisions = join(
  import.meta.dirname,
  "../../../scenarios/rare-earth-2010/decisions-japan-actual.yaml",
);

describe("chokepoint CLI", () => {
  it("validates the built-in scenario", () => {
    const r = cli("validate", "rare-earth-2010");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/✓ .*rare-earth-2010\/scenario.yaml: valid/);
  });

  it("scores every built-in scenario against history over a seed panel, in and out of sample apart", () => {
    const r = cli("history", "--seeds", "4");
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/seeds 1…4 \(4\)/);
    const line = r.stdout.split("\n").find((l) => l.startsWith("rare-earth-2010")) ?? "";
    // median / total (worst), once in sample and once out of sample
    expect(line).toMatch(/what Japan did\s+\d+ \/ 19 \(\d+\)\s+\d+ \/ 24 \(\d+\)/);
    const ja = cli("--lang", "ja", "history", "rare-earth-2010", "--seeds", "2");
    expect(ja.stdout).toContain("検証用：中央値");
    expect(cli("history", "--seeds", "0").status).toBe(1);
  });

  it("validates and runs every built-in scenario", () => {
    const ids = [
      "rare-earth-2010",
      "gallium-germanium-2023",
      "heavy-rare-earths-2025",
      "rare-earth-package-2025-10",
      "japan-dual-use-2026",
    ];
    const v = cli("validate", ...ids);
    expect(v.status, v.stderr).toBe(0);
    expect(v.stdout.match(/✓/g)).toHaveLength(ids.length);
    for (const id of ids) {
      const r = cli("--lang", "ja", "run", id, "--seed", "3");
      expect(r.status, `${id}: ${r.stderr}`).toBe(0);
      expect(r.stdout).toMatch(/state hash [0-9a-f]{16}/);
    }
  });

  it("rejects a broken scenario with file:line, field and message, exit code 1", () => {
    const f = join(tmp, "broken.yaml");
    writeFileSync(
      f,
      readFileSync(
        join(import.meta.dirname, "../../../scenarios/rare-earth-2010/scenario.yaml"),
        "utf8",
      ).replace("period: quarter", "period: fortnight"),
    );
    const r = cli("--lang", "ja", "validate", f);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/件の問題/);
    expect(r.stderr).toMatch(/broken\.yaml:\d+ calendar\.period: /);
  });

  it("runs the 2010 scenario with Japan's decisions: a per-turn table, the history beside it, CSV and JSON", () => {
    const out = join(tmp, "out");
    const r = cli(
      "--lang",
      "ja",
      "run",
      "rare-earth-2010",
      "--seed",
      "2010",
      "--decisions",
      decisions,
      "--out",
      out,
      "--explain",
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/2010年 レアアース・ショック/);
    expect(r.stdout).toMatch(/^2010-Q4 /m);
    expect(r.stdout).toMatch(/史実との比較/);
    expect(r.stdout).toMatch(/なぜこうなったか/);
    // Events and projects' outcomes are named, never printed as raw ids or engine notes.
    expect(r.stdout).toMatch(/^2010-Q4 .*尖閣沖事件後、対日レアアース出荷が通関で止まる/m);
    expect(r.stdout).toContain(
      "[2013-Q1] 豪ライナス社への出資・長期契約（JARE）が稼働開始（2011-Q1 に開始）",
    );
    expect(r.stdout).toContain("[2013-Q4] WTO提訴（DS431、日米欧）で勝訴（2012-Q1 に開始）");
    expect(r.stdout).not.toMatch(/japan_halt_2010|lynas_jare@|:succeeded|:ruling_won/);
    // The objective's share and the table's share count different imports: the run says so.
    expect(r.stdout).toContain(
      "※ 目標の中国依存は レアアース精鉱（NdPr含有量）、ネオジム・プラセオジム酸化物、ジスプロシウム酸化物 の輸入だけで数えます。",
    );
    const csv = readFileSync(join(out, "rare-earth-2010-turns.csv"), "utf8").trim().split("\n");
    expect(csv).toHaveLength(25);
    expect(csv[0]).toMatch(/^turn,label,price_multiple_/);
    const json = JSON.parse(readFileSync(join(out, "rare-earth-2010-run.json"), "utf8"));
    expect(json.stateHash).toMatch(/^[0-9a-f]{16}$/);
    expect(r.stdout).toContain(`state hash ${json.stateHash}`);
    // The run JSON is a contract (docs/run-output.md): every key it writes is documented there,
    // and the fields other tools already read are kept.
    const doc = readFileSync(join(import.meta.dirname, "../../../docs/run-output.md"), "utf8");
    // A key is documented as `key`, `key[]` or `key[id]` in one of the doc's tables.
    const documented = (key: string) => new RegExp(`\`${key}(\\[[a-z]*\\])?\``).test(doc);
    const turn = json.results[10];
    const material = turn.materials.ndpr_oxide;
    for (const key of [
      ...Object.keys(json),
      ...Object.keys(turn),
      ...Object.keys(material),
      ...Object.keys(turn.sectors.auto_motors),
    ])
      expect(documented(key), `run JSON key '${key}' is not in docs/run-output.md`).toBe(true);
    expect(json).toMatchObject({ format: "chokepoint.run", formatVersion: 2 });
    for (const key of ["label", "activeEvents", "priceMultiples", "materials", "sectors"])
      expect(turn).toHaveProperty(key);
    for (const key of [
      "claimed",
      "supplied",
      "shortfall",
      "boughtForStock",
      "byCountry",
      "bySource",
    ])
      expect(material).toHaveProperty(key);
    expect(turn.sectors.auto_motors).toHaveProperty("valueAddedLost");
  });

  it("runs a Monte Carlo and prints percentile bands", () => {
    const out = join(tmp, "mc.json");
    const r = cli(
      "montecarlo",
      "rare-earth-2010",
      "--runs",
      "60",
      "--decisions",
      decisions,
      "--out",
      out,
    );
    expect(r.status, r.stderr).toBe(0);
    // Headers name the material, the country and the unit, and say which decisions were played.
    expect(r.stdout).toMatch(/NdPr oxide ×.*China share \(all imports, oxide eq\.\)/);
    expect(r.stdout).toMatch(/VA lost \(USD m\)/);
    expect(r.stdout).toMatch(/decisions: .*decisions-japan-actual\.yaml/);
    expect(r.stdout).not.toMatch(/ndpr_oxide|ctrl share/);
    expect(r.stdout).toMatch(/60 runs/);
    expect(r.stdout).toMatch(/p5 \/ p50 \/ p95/);
    expect(JSON.parse(readFileSync(out, "utf8")).turns).toHaveLength(24);
  });

  it("explains bad options instead of crashing", () => {
    const r = cli("montecarlo", "rare-earth-2010", "--runs", "many");
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/--runs must be an integer/);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});
