/**
 * The store contract on the Neo4j adapter, against the server in NEO4J_URI (NEO4J_USER, NEO4J_PASSWORD,
 * NEO4J_DATABASE as for the server). Without NEO4J_URI the suite is reported as skipped, with the reason:
 * no Neo4j server runs where the suite runs (the adapter is then checked by the linter and its unit tests only).
 * The contract clears the database before every test; it runs only on a database the test suites own, in
 * its own turn (test/support/neo4j-test-db.ts), and refuses a database holding data it did not create:
 *   docker compose -f docker-compose.yml up -d neo4j && NEO4J_URI=neo4j://127.0.0.1:7687 NEO4J_PASSWORD=… npm run test:neo4j
 */
import { afterAll, describe } from 'vitest';
import { runStoreContract } from '../graph/contract/index';
import { Neo4jStore } from '../graph/neo4j/neo4j-store';
import { hasTestNeo4j } from './support/neo4j-env';
import { neo4jTestTarget, type Neo4jTurn, takeNeo4jTurn } from './support/neo4j-test-db';

const HAS_SERVER = hasTestNeo4j();
const SKIP_REASON =
  'skipped: NEO4J_URI is not set, no Neo4j server here; the adapter is checked by the Cypher linter (test/neo4j-lint.test.ts) and unit tests of its pure parts (graph/neo4j/*.test.ts) only';
if (!HAS_SERVER) console.info(`Neo4j store contract ${SKIP_REASON}`);
let turn: Neo4jTurn | null = null;

afterAll(async () => {
  await turn?.release();
});

describe.skipIf(!HAS_SERVER)(`Neo4j adapter against a live server${HAS_SERVER ? '' : ` (${SKIP_REASON})`}`, () => {
  runStoreContract('neo4j', async () => {
    turn = await takeNeo4jTurn('store contract');
    return new Neo4jStore(neo4jTestTarget());
  });
});
