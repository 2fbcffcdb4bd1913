/**
 * The store contract on the Neo4j adapter, against the server in NEO4J_URI (NEO4J_USER, NEO4J_PASSWORD,
 * NEO4J_DATABASE as for the server). vitest.config.ts collects this file only when NEO4J_URI is set.
 * Each contract test clears the database first, so point it at a database you can wipe:
 *   docker compose up -d neo4j && NEO4J_URI=bolt://127.0.0.1:7687 NEO4J_PASSWORD=… npx vitest run test/contract.neo4j.test.ts
 */
import { runStoreContract } from '../graph/contract/index';
import { Neo4jStore } from '../graph/neo4j/neo4j-store';
import { loadConfig } from '../server/config';

runStoreContract('neo4j', async () => {
  const cfg = loadConfig().neo4j;
  if (!cfg) throw new Error('NEO4J_URI is not set; this file runs only against a Neo4j server');
  // The contract clears the database before every test (and init() first creates the schema).
  return new Neo4jStore(cfg);
});
