import { defineConfig } from 'vitest/config';

/** `npm test` runs every workspace's tests in one run; database tests run on PGlite and on PostgreSQL. */
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'channels', include: ['channels/src/**/*.test.ts'] } },
      { test: { name: 'nlp', include: ['nlp/src/**/*.test.ts'], testTimeout: 30_000 } },
      { test: { name: 'lint', include: ['lint/**/*.test.ts'], testTimeout: 30_000 } },
      { test: { name: 'console', include: ['agent-console/src/**/*.test.ts'] } },
      {
        test: {
          name: 'backend',
          include: ['backend/src/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['agent-console/**/*.e2e.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
