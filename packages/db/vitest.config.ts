import { defineConfig } from "vitest/config";

// Integration tests against real SQLite files; one file at a time keeps fsync-heavy tests from starving each other.
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
