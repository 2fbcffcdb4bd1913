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
    // The Neo4j contract (test/contract.neo4j.test.ts) is always collected: without NEO4J_URI it shows as
    // skipped, with the reason in its name.
    exclude: ['node_modules', 'dist', 'client/dist'],
    // Each run gets its own temp folder and fails when a test leaves a hongtu-* folder in it;
    // folders made with makeTempDir are removed after each file (test/support/temp-dirs.ts).
    globalSetup: ['test/support/global-temp.ts'],
    // NEO4J_* of the shell are set aside first: only the Neo4j suites reach that server (test/support/neo4j-env.ts).
    setupFiles: ['test/support/setup-env.ts', 'test/support/setup-temp.ts'],
    testTimeout: 60_000,
    // With a Neo4j server, a suite may wait its turn for the shared test database (another run holds it) for up
    // to 30 minutes (test/support/neo4j-test-db.ts), then says who holds it; the hook allows that and its work.
    hookTimeout: process.env.NEO4J_URI ? 2_400_000 : 180_000,
  },
});
