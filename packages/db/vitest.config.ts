import { defineConfig } from "vitest/config";

// Integration tests against real SQLite files and a real PostgreSQL cluster (Debian's
// postgresql-15, started once per run by the global setup); one file at a time keeps
// fsync-heavy tests from starving each other.
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    globalSetup: ["test/postgres-global-setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
