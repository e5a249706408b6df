/** One problem in a scenario or decisions file, located by its path in the data. */
export interface ScenarioIssue {
  path: (string | number)[];
  /** In English (logs and tools read this one). */
  message: string;
  /** The same in Japanese, where the engine words it (zod's own and the reference checks). */
  ja?: string;
}

/** "events[2].effect.materials[0]" */
export function formatPath(path: readonly (string | number)[]): string {
  return path.reduce<string>(
    (acc, p) => (typeof p === "number" ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p),
    "",
  );
}
