import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // The forks pool crashes on a Colyseus dependency's process.send; threads do not.
    pool: "threads",
    include: ["tests/**/*.test.ts"],
    setupFiles: ["tests/setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
