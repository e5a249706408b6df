import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");

describe("lever kinds", () => {
  it("adding a lever kind fails to compile until every place that handles kinds handles it", () => {
    // A copy of the engine's source with one more kind in the scenario schema, type-checked.
    const dir = mkdtempSync(join(root, ".kind-check-"));
    try {
      cpSync(join(root, "src"), join(dir, "src"), { recursive: true });
      const schema = join(dir, "src/scenario/lever-schema.ts");
      const text = readFileSync(schema, "utf8");
      const end = "]);\nexport type LeverDefinition";
      expect(text).toContain(end);
      writeFileSync(
        schema,
        text.replace(
          end,
          `  z.strictObject({ ...leverBase, kind: z.literal("new_kind"), cost: Money }),\n${end}`,
        ),
      );
      writeFileSync(
        join(dir, "tsconfig.json"),
        JSON.stringify({
          extends: "@chokepoint/tsconfig/base.json",
          compilerOptions: { types: ["node"] },
          include: ["src"],
        }),
      );
      const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
      const r = spawnSync(process.execPath, [tsc, "--noEmit", "-p", dir], { encoding: "utf8" });
      expect(r.status).not.toBe(0);
      // Every place that decides per kind names the missing one.
      for (const file of [
        "levers/lever-kinds.ts",
        "levers/lever-cost.ts",
        "levers/start-projects.ts",
        "levers/advance-projects.ts",
        "market/lever-suppliers.ts",
      ])
        expect(r.stdout, file).toContain(`src/${file}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
