import { defineConfig } from 'vitest/config';

// Unit tests run engines in Node; integration tests drive the lab VM; e2e tests drive the built
// site in Chromium. Each is a project so `vitest run --project unit` etc. work on their own.
export default defineConfig({
  test: {
    projects: [
      // Property tests run 10,000 cases: on a busy 2-core machine that can take longer than Vitest's 5 s default.
      { test: { name: 'unit', include: ['tests/unit/**/*.test.{ts,tsx}'], environment: 'node', testTimeout: 60_000 } },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
          // A page on a busy 2-core machine can take seconds to hydrate or run a lab: a poll that names no
          // timeout waits up to 15 s (Vitest's default is 1 s) before it fails.
          expect: { poll: { timeout: 15_000 } },
          globalSetup: ['tests/e2e/global-setup.ts'],
        },
      },
    ],
  },
});
