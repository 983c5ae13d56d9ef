import { defineConfig } from 'vitest/config';

// Browser journeys: a real server (child process, fresh SQLite with demo data) driven by Debian's Chromium.
export default defineConfig({
  test: { include: ['e2e/**/*.e2e.ts'], testTimeout: 120_000, hookTimeout: 120_000, pool: 'forks', fileParallelism: false },
});
