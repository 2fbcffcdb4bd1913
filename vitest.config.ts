import { defineConfig } from 'vitest/config';

// Kuzu's native addon is happiest in forked processes; the machines have two cores.
export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers: 2,
    include: ['server/**/*.test.ts', 'graph/**/*.test.ts', 'seeds/**/*.test.ts', 'client/src/**/*.test.{ts,tsx}', 'test/**/*.test.ts'],
    exclude: ['node_modules', 'dist', 'client/dist'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
