import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const core = join(import.meta.dirname, "../src/core");
const files = readdirSync(core).filter((f) => f.endsWith(".ts"));

// The core names a refusal's reason and parameters (`refusal("not_running", { status })`); the
// sentences in each language live in one catalogue (`@chokepoint/contracts` REFUSALS).
describe("the exercise core words nothing", () => {
  it("no core file holds Japanese text", () => {
    const found = files.filter((f) =>
      /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(
        readFileSync(join(core, f), "utf8"),
      ),
    );
    expect(found).toEqual([]);
    expect(files.length).toBeGreaterThan(5);
  });

  it("no core file builds an AppError itself: every refusal comes from the catalogue", () => {
    expect(files.filter((f) => /new AppError\(/.test(readFileSync(join(core, f), "utf8")))).toEqual(
      [],
    );
  });
});
