import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    root: new URL("..", import.meta.url).pathname,
    include: ["test/**/*.test.ts"],
    // Integration tests start real HTTP servers, databases and child processes.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two cores: more workers only make the process-based tests slower.
    maxWorkers: 2,
  },
});
