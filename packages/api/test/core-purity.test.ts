import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const core = join(import.meta.dirname, "../src/core");
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? files(join(dir, d.name)) : d.name.endsWith(".ts") ? [join(dir, d.name)] : [],
  );

// The same check as the engine's (packages/engine/test/purity.test.ts), for the exercise core.
describe("exercise core purity", () => {
  const forbidden: [RegExp, string][] = [
    [/Math\.random/, "Math.random (ids and tokens are made outside and passed in)"],
    [/\bDate\b/, "Date (time comes in the command as data)"],
    [/performance\.now/, "performance.now (no clock in the core)"],
    [/\bprocess\./, "process (no environment in the core)"],
    [/from\s+["']node:/, "node: imports (no I/O in the core)"],
    [
      /from\s+["'](fs|path|http|https|net|child_process|react|socket\.io|@trpc|@prisma\/client|@chokepoint\/db)/,
      "I/O, transport, UI or storage packages",
    ],
    [/\bfetch\(/, "fetch (no I/O in the core)"],
    [/\bconsole\./, "console (the core returns data; callers print)"],
    [/\bawait\b|\basync\b/, "async code (decide and evolve are synchronous folds)"],
  ];
  it("no core file uses a clock, randomness, the environment, I/O, transport, React or Prisma", () => {
    const found: string[] = [];
    for (const f of files(core)) {
      const text = readFileSync(f, "utf8")
        .replace(/\/\*[\s\S]*?\*\//g, "")
        .replace(/^\s*\/\/.*$/gm, "");
      for (const [re, what] of forbidden) if (re.test(text)) found.push(`${f}: ${what}`);
    }
    expect(found).toEqual([]);
    expect(files(core).length).toBeGreaterThan(5);
  });
});
