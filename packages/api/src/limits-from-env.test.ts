import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "./limits.ts";
import { limitsFromEnv, limitVariables } from "./limits-from-env.ts";

describe("limits from the environment", () => {
  it("every limit has a variable; set ones replace the defaults, the rest stay", () => {
    const names = limitVariables().map((v) => v.name);
    expect(names).toContain("CHOKEPOINT_LIMIT_MEMBERS_PER_EXERCISE");
    expect(names).toContain("CHOKEPOINT_LIMIT_MONTE_CARLO_MAX_RUNS");
    expect(names).toContain("CHOKEPOINT_LIMIT_BODY_BYTES_IMPORT");
    const limits = limitsFromEnv({
      CHOKEPOINT_LIMIT_MEMBERS_PER_EXERCISE: "80",
      CHOKEPOINT_LIMIT_MONTE_CARLO_MAX_RUNS: "2_000",
    });
    expect(limits.membersPerExercise).toBe(80);
    expect(limits.monteCarlo.maxRuns).toBe(2000);
    expect(limits.monteCarlo.workers).toBe(DEFAULT_LIMITS.monteCarlo.workers);
    expect(limits.bodyBytes).toEqual(DEFAULT_LIMITS.bodyBytes);
    // The defaults themselves are untouched.
    expect(DEFAULT_LIMITS.membersPerExercise).toBe(200);
  });

  it("a value that is not a whole number above zero, or a misspelt name, stops the server naming the variable", () => {
    expect(() => limitsFromEnv({ CHOKEPOINT_LIMIT_JSON_DEPTH: "deep" })).toThrow(
      /CHOKEPOINT_LIMIT_JSON_DEPTH must be a whole number above 0, got 'deep'.*1 以上の整数/,
    );
    expect(() => limitsFromEnv({ CHOKEPOINT_LIMIT_JSON_DEPTH: "-1" })).toThrow(/JSON_DEPTH/);
    expect(() => limitsFromEnv({ CHOKEPOINT_LIMIT_MEMBERS: "10" })).toThrow(
      /CHOKEPOINT_LIMIT_MEMBERS is not a limit this server knows/,
    );
  });
});
