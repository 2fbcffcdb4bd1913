#!/usr/bin/env node
// `npm run test:neo4j`: the store contract, the API and security suites and the browser tests against the
// Neo4j server NEO4J_URI names (NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE as for the app).
// The suites share the one database by taking turns (test/support/neo4j-test-db.ts): each suite clears it,
// loads its own world and clears it again when done; a database holding data the suites did not create is
// refused. The client is built into a folder of this run's own (not client/dist), so an `npm test` or another
// build on the same checkout never empties the bundle this run's browser tests are serving.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

if (!process.env.NEO4J_URI) {
  console.error(
    'test:neo4j needs a Neo4j 5 server it may wipe: set NEO4J_URI (e.g. neo4j://127.0.0.1:7687) and NEO4J_PASSWORD.\n' +
      'A throwaway one: docker compose up -d neo4j (see README "Switching to Neo4j").',
  );
  process.exit(2);
}

// Fail fast, naming the server, when it cannot be reached or refuses the credentials (rather than every suite
// failing on its own after its connection timeouts).
try {
  const neo4j = (await import('neo4j-driver')).default;
  const driver = neo4j.driver(process.env.NEO4J_URI, neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', process.env.NEO4J_PASSWORD ?? ''), {
    connectionTimeout: 10_000,
    userAgent: 'hongtu-tests',
  });
  try {
    const info = await driver.getServerInfo({ database: process.env.NEO4J_DATABASE ?? 'neo4j' });
    console.log(`test:neo4j against ${info.agent} at ${info.address} (database ${process.env.NEO4J_DATABASE ?? 'neo4j'})`);
  } finally {
    await driver.close();
  }
} catch (e) {
  console.error(`test:neo4j cannot use the Neo4j server at ${process.env.NEO4J_URI}: ${e?.message ?? e}`);
  process.exit(2);
}

function run(cmd, args, env = process.env) {
  console.log(`\n$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  return r.status ?? 1;
}

const clientDir = mkdtempSync(path.join(tmpdir(), 'hongtu-neo4j-client-'));
let status = 0;
try {
  status = run('npx', ['tsc', '-p', 'tsconfig.json']);
  if (status === 0) status = run('npm', ['run', 'codegen']);
  if (status === 0) status = run('npx', ['vite', 'build', '--config', 'client/vite.config.ts', '--outDir', clientDir, '--emptyOutDir']);
  if (status === 0) {
    status = run(
      'npx',
      [
        'vitest',
        'run',
        'test/contract.neo4j.test.ts',
        'test/api',
        'test/security',
        'test/e2e',
        // One file at a time here; the database's lease also makes other runs on the same server wait their turn.
        '--maxWorkers=1',
        ...process.argv.slice(2),
      ],
      { ...process.env, HONGTU_TEST_STORE: 'neo4j', HONGTU_E2E_CLIENT_DIR: clientDir },
    );
  }
} finally {
  rmSync(clientDir, { recursive: true, force: true });
}
process.exit(status);
