import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const src = join(import.meta.dirname, "../src");
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? files(join(dir, d.name)) : d.name.endsWith(".ts") ? [join(dir, d.name)] : [],
  );

describe("engine purity", () => {
  const forbidden: [RegExp, string][] = [
    [/Math\.random/, "Math.random (use the seeded PRNG in engine state)"],
    [/\bDate\b/, "Date (no clock in the engine)"],
    [/performance\.now/, "performance.now (no clock in the engine)"],
    [/\bprocess\./, "process (no environment in the engine)"],
    [/from\s+["']node:/, "node: imports (no I/O in the engine)"],
    [
      /from\s+["'](fs|path|http|https|net|child_process|react|@prisma\/client|@chokepoint\/(?!engine))/,
      "I/O, UI or storage packages",
    ],
    [/\bfetch\(/, "fetch (no I/O in the engine)"],
    [/\bconsole\./, "console (the engine returns data; callers print)"],
  ];
  it("no engine source file uses a clock, randomness, the environment, I/O, React or Prisma", () => {
    const found: string[] = [];
    for (const f of files(src)) {
      // Comments may name what is forbidden (to say why); only code counts.
      const text = readFileSync(f, "utf8")
        .replace(/\/\*[\s\S]*?\*\//g, "")
        .replace(/^\s*\/\/.*$/gm, "");
      for (const [re, what] of forbidden) if (re.test(text)) found.push(`${f}: ${what}`);
    }
    expect(found).toEqual([]);
    expect(files(src).length).toBeGreaterThan(10);
  });
});
