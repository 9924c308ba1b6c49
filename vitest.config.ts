import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // CI has two cores: one test process leaves the other to vitest's own process, Chromium and LibreOffice, so
    // worker RPC is never starved ("Timeout calling onTaskUpdate" under load fails a green run).
    poolOptions: { forks: { maxForks: process.env.CI ? 1 : 2, minForks: 1 } },
  },
});
