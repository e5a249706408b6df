import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtInScenarios } from "./built-in-scenarios.ts";
import { loadDecisionsFile, loadScenarioFile } from "./load-scenario-file.ts";
import { formatFileIssue } from "./read-data-file.ts";

const dir = mkdtempSync(join(tmpdir(), "chokepoint-scenarios-"));
const write = (name: string, text: string) => {
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
};
const builtIn2010 = () => {
  const s = builtInScenarios().find((x) => x.id === "rare-earth-2010");
  if (!s) throw new Error("rare-earth-2010 not found");
  return s;
};

describe("scenario files", () => {
  it("every built-in scenario validates", () => {
    const all = builtInScenarios();
    expect(all.length).toBeGreaterThan(0);
    for (const s of all) {
      const r = loadScenarioFile(s.file);
      expect(r.ok ? "ok" : r.issues.map((i) => formatFileIssue(i)).join("\n")).toBe("ok");
    }
  });

  it("locates each problem by file, field and line", () => {
    // Shape errors come first (all of them); id references are checked once the shape is right.
    const original = readFileSync(builtIn2010().file, "utf8");
    const shapeText = original
      .replace("allowedFraction: 0.7", "allowedFraction: 1.7")
      .replace("priceAdjustment: 0.5\n", "priceAdjustment: -0.5\n");
    const shape = loadScenarioFile(write("shape.yaml", shapeText));
    expect(shape.ok).toBe(false);
    if (shape.ok) return;
    const shapeLines = shapeText.split("\n");
    const quota = shape.issues.find((i) => i.field === "events[0].effect.allowedFraction");
    expect(shapeLines[(quota?.line ?? 0) - 1]).toContain("allowedFraction: 1.7");
    expect(shape.issues.map((i) => i.field)).toContain("materials[0].priceAdjustment");

    const text = original.replace(
      "levers: [jogmec_dy_stockpile, jogmec_ndpr_stockpile, lynas_jare]",
      "levers: [jogmec_dy_stockpile, jogmec_ndpr_stockpile, lynas_jare, mystery]",
    );
    const r = loadScenarioFile(write("broken.yaml", text));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const lines = text.split("\n");
    const lever = r.issues.find((i) => i.message.includes("unknown lever 'mystery'"));
    expect(lever?.field).toBe("teams[1].levers[3]");
    expect(lines[(lever?.line ?? 0) - 1]).toContain("mystery");
    expect(formatFileIssue(lever as NonNullable<typeof lever>)).toMatch(
      /broken\.yaml:\d+ teams\[1\]\.levers\[3\]: unknown lever 'mystery'/,
    );
    // The same problems in Japanese, for a Japanese reader: the reference check and zod's own.
    expect(formatFileIssue(lever as NonNullable<typeof lever>, "ja")).toMatch(
      /broken\.yaml:\d+ teams\[1\]\.levers\[3\]: レバー 'mystery' は定義されていません/,
    );
    const bound = shape.issues.find((i) => i.field === "events[0].effect.allowedFraction");
    expect(bound?.ja).toMatch(/大きすぎる値/);
    expect(bound?.message).toMatch(/Too big/);
  });

  it("reports YAML syntax errors with their line, and unreadable files plainly", () => {
    const r = loadScenarioFile(write("syntax.yaml", "id: x\nversion: 1.0.0\nid: y\n"));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues[0]?.message).toMatch(/^syntax:/);
      expect(r.issues[0]?.line).toBe(3);
      expect(r.issues[0]?.message).toMatch(/unique/i);
    }
    const missing = loadScenarioFile(join(dir, "nope.yaml"));
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.issues[0]?.message).toMatch(/cannot read file/);
  });

  it("rejects bad decisions with precise paths: unknown turn, unknown team, another team's lever, bad tonnes", () => {
    const s = loadScenarioFile(builtIn2010().file);
    if (!s.ok) throw new Error("2010 invalid");
    const f = write(
      "decisions.yaml",
      [
        "scenario: rare-earth-2010",
        "turns:",
        "  2030-Q1:",
        "    - { team: meti, actions: [] }",
        "  2011-Q1:",
        "    - { team: kgb, actions: [] }",
        "    - team: automaker",
        "      actions: [{ op: activate, lever: lynas_jare }]",
        "  2011-Q2:",
        "    - team: jogmec",
        "      actions: [{ op: buy, lever: jogmec_dy_stockpile, tonnes: -5 }]",
        "",
      ].join("\n"),
    );
    const r = loadDecisionsFile(f, s.value);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const fields = r.issues.map((i) => `${i.field} @${i.line}`);
    expect(fields).toEqual(["turns.2011-Q2[0].actions[0].tonnes @11"]);
    const f2 = write("decisions2.yaml", readFileSync(f, "utf8").replace("tonnes: -5", "tonnes: 5"));
    const r2 = loadDecisionsFile(f2, s.value);
    expect(r2.ok).toBe(false);
    if (r2.ok) return;
    expect(r2.issues.map((i) => `${i.field} @${i.line}: ${i.message}`)).toEqual([
      "turns.2030-Q1 @4: '2030-Q1' is not a turn of this scenario (2009-Q1, 24 quarters)",
      "turns.2011-Q1[0].team @6: unknown team 'kgb'",
      "turns.2011-Q1[1].actions[0].lever @8: team 'automaker' has no lever 'lynas_jare'",
    ]);
  });
});

describe("the committed JSON Schema for editors", () => {
  it("matches the zod scenario schema (regenerate with `pnpm scenario:schema`)", async () => {
    const { scenarioJsonSchema } = await import("@chokepoint/engine");
    const { SCENARIOS_DIR } = await import("./built-in-scenarios.ts");
    const committed = JSON.parse(readFileSync(join(SCENARIOS_DIR, "scenario.schema.json"), "utf8"));
    expect(committed).toEqual(JSON.parse(JSON.stringify(scenarioJsonSchema())));
  });
});

describe("built-in scenarios cite their numbers", () => {
  it("every lever, team budget, event and uncertain parameter names a source", () => {
    for (const b of builtInScenarios()) {
      const r = loadScenarioFile(b.file);
      if (!r.ok) throw new Error(`${b.id} invalid`);
      const s = r.value;
      const missing = [
        ...s.levers.filter((l) => !l.source).map((l) => `lever ${l.id}`),
        ...s.teams.filter((t) => !t.source).map((t) => `team ${t.id}`),
        ...s.events.filter((e) => !e.source).map((e) => `event ${e.id}`),
        ...s.uncertainty.filter((u) => !u.source).map((u) => `uncertainty ${u.id}`),
      ];
      expect(missing, b.id).toEqual([]);
    }
  });
});
