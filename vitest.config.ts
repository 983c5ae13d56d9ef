import { defineConfig } from 'vitest/config';

// Unit, service and HTTP tests. The same suite runs against PostgreSQL when TEST_DATABASE_URL is set
// (scripts/test-all.mjs does that); e2e journeys have their own config in e2e/.
export default defineConfig({
  test: {
    include: ['core/src/**/*.test.ts', 'contracts/src/**/*.test.ts', 'server/src/**/*.test.ts', 'server/test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
