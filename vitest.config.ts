import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

// Kuzu's native addon is happiest in forked processes; the machines have two cores.
export default defineConfig({
  resolve: {
    // One graphql instance: Node loads graphql's CommonJS build for yoga and @graphql-tools, so our
    // own code must get the same one (Vite would otherwise pick index.mjs and schemas from one
    // realm would fail instanceof checks in the other).
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    pool: 'forks',
    maxWorkers: 2,
    include: ['server/**/*.test.ts', 'graph/**/*.test.ts', 'seeds/**/*.test.ts', 'client/src/**/*.test.{ts,tsx}', 'test/**/*.test.ts'],
    // The Neo4j contract needs a server: collected only when NEO4J_URI points at one (no skipped tests otherwise).
    exclude: ['node_modules', 'dist', 'client/dist', ...(process.env.NEO4J_URI ? [] : ['test/contract.neo4j.test.ts'])],
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
