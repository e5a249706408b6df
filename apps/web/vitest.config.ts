import { defineConfig } from "vitest/config";

// End-to-end tests drive real Chromium against the real server; one file at a time.
export default defineConfig({
  test: {
    include: ["e2e/**/*.test.ts", "src/**/*.test.ts"],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
