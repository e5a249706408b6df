import { AppError } from "@chokepoint/contracts";
import { fieldJa } from "../field-ja.ts";

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Items one array or object of an input may hold (the largest legitimate is an import's 50,000 events). */
const MAX_ITEMS = 50_000;
/** Arrays, objects and values in one input, all told (an 8 MB import of real events holds well under this). */
const MAX_NODES = 2_000_000;

export type Malformed = {
  problem: "surrogate" | "depth" | "size";
  path: string;
  depth: number;
};

/**
 * The first thing in an input no schema should ever see: text that is not well-formed Unicode
 * (a lone surrogate is bad input, not a database error), nesting deeper than `maxDepth`
 * (JSON.parse takes any depth, but every recursive reader after it — zod, this walk, the
 * store — would overflow its stack on a body of 100,000 brackets), or more items than any call
 * takes (zod would build and word one issue per bad element: an 8 MB array held the event loop
 * 3.5 s). A loop with an explicit stack, so the check itself cannot overflow; paths are built
 * only for the one problem reported, so the walk costs a few machine words per value.
 */
export function malformedInput(input: unknown, maxDepth: number): Malformed | undefined {
  const values: unknown[] = [input];
  const parents: number[] = [-1];
  const keys: string[] = [""];
  const depths: number[] = [0];
  const stack: number[] = [0];
  const pathOf = (n: number): string => {
    const out: string[] = [];
    for (let at = n; at > 0; at = parents[at] as number) out.push(keys[at] as string);
    return out.reverse().join(".");
  };
  while (stack.length) {
    const n = stack.pop() as number;
    const x = values[n];
    const depth = depths[n] as number;
    if (typeof x === "string") {
      if (LONE_SURROGATE.test(x)) return { problem: "surrogate", path: pathOf(n), depth };
      continue;
    }
    if (!x || typeof x !== "object") continue;
    if (depth >= maxDepth) return { problem: "depth", path: pathOf(n), depth: maxDepth };
    const items = Array.isArray(x) ? x : Object.values(x);
    const names = Array.isArray(x) ? undefined : Object.keys(x);
    if (items.length > MAX_ITEMS || values.length + items.length > MAX_NODES)
      return { problem: "size", path: pathOf(n), depth };
    for (let i = items.length - 1; i >= 0; i--) {
      stack.push(values.length);
      values.push(items[i]);
      parents.push(n);
      keys.push(names ? (names[i] as string) : String(i));
      depths.push(depth + 1);
    }
  }
  return undefined;
}

/** The refusal for a malformed input, naming where (ja/en). */
export function malformedError(bad: Malformed): AppError {
  const where = bad.path || "(input)";
  // Too deep a path would read 「チーム 1 件目 1 件目…」 thirty times: name where it starts.
  const keys = bad.path ? bad.path.split(".") : [];
  const whereJa = keys.length
    ? `「${fieldJa(bad.problem === "depth" ? keys.slice(0, 1) : keys)}」：`
    : "";
  return bad.problem === "surrogate"
    ? new AppError(
        "invalid_payload",
        `invalid input — ${where}: text holds a malformed character (a lone UTF-16 surrogate)`,
        undefined,
        `入力が正しくありません — ${whereJa}文字として読めないデータ（対になっていないサロゲート）が含まれています`,
      )
    : bad.problem === "size"
      ? new AppError(
          "invalid_payload",
          `invalid input — ${where}: more than ${MAX_ITEMS.toLocaleString("en")} items, or ${MAX_NODES.toLocaleString("en")} values in all`,
          undefined,
          `入力が正しくありません — ${whereJa}項目が${MAX_ITEMS.toLocaleString("ja")}件、または値が全部で${MAX_NODES.toLocaleString("ja")}個を超えています`,
        )
      : new AppError(
          "invalid_payload",
          `invalid input — ${where}: nested deeper than ${bad.depth} levels`,
          undefined,
          `入力が正しくありません — ${whereJa}入れ子が${bad.depth}段を超えています`,
        );
}
