/**
 * How the Neo4j suites share one Neo4j database (Community Edition has one user database):
 *
 * - Ownership. A database the suites may wipe carries a marker node `(:HongtuTestDatabase)`. The first
 *   suite that finds the database EMPTY creates it; a database that holds any other node and no marker
 *   is refused (the suites never wipe data they did not create).
 * - Turns. One lease node `(:HongtuTestLease {name: 'suites'})` says which suite owns the database now.
 *   A suite (a contract, API or browser test file) takes the lease before it clears anything and gives
 *   it back when done; others wait. A lease not renewed for LEASE_MS (a killed run) can be taken over.
 *   So `npm run test:neo4j` twice at once, or beside `npm test` on the same server, take turns.
 * - Clean up. A suite clears the database when its turn starts and again when it ends, pass or fail (only
 *   while it still holds the lease), so a run leaves nothing but the marker and the lease behind.
 *   Hongtu's clear() deletes only Hongtu's labels, so the marker and the lease survive it.
 * - Waiting happens in a suite's set-up hook: hooks that take a turn allow TURN_WAIT_MS more (withTurnWait).
 *
 * Every statement here is linted with Neo4j's linter (test/neo4j-lint.test.ts).
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import neo4j, { type Driver } from 'neo4j-driver';
import type { Neo4jTarget } from '../../graph';
import { testNeo4jEnv } from './neo4j-env';

export const TEST_DB_Q = {
  leaseConstraint: 'CREATE CONSTRAINT hongtu_test_lease_name IF NOT EXISTS FOR (l:HongtuTestLease) REQUIRE l.name IS UNIQUE',
  ownership: `RETURN EXISTS { MATCH (:HongtuTestDatabase) } AS marked, COUNT { MATCH (n) } AS nodes,
       COUNT { MATCH (:HongtuTestLease) } AS leases`,
  mark: `MERGE (d:HongtuTestDatabase {name: 'hongtu-test-suites'}) ON CREATE SET d.createdAt = $now`,
  /** Locks the lease node first (the SET), so the owner read after it is the committed one. */
  acquire: `MERGE (l:HongtuTestLease {name: 'suites'})
SET l.lockedAt = $now
WITH l WHERE l.owner IS NULL OR l.owner = $owner OR l.expiresAt < $now
SET l.owner = $owner, l.suite = $suite, l.expiresAt = $expiresAt
RETURN l.owner AS owner`,
  renew: `MATCH (l:HongtuTestLease {name: 'suites'}) WHERE l.owner = $owner SET l.expiresAt = $expiresAt`,
  release: `MATCH (l:HongtuTestLease {name: 'suites'}) WHERE l.owner = $owner SET l.owner = null, l.expiresAt = 0`,
  holder: `MATCH (l:HongtuTestLease {name: 'suites'}) RETURN l.owner AS owner, l.suite AS suite, l.expiresAt AS expiresAt`,
} as const;

const LEASE_MS = 90_000;
const RENEW_MS = 20_000;
/** How long a suite waits for its turn before it fails naming the holder. */
export const TURN_WAIT_MS = 30 * 60_000;

/** Turns this process (one test file) holds now. */
let held = 0;

/**
 * True while this test file holds the database's turn. A second store the same file opens meanwhile (two
 * worlds side by side, two instances of the app) cannot be on Neo4j too: the database holds one world at a
 * time, and waiting for its own turn would wait forever. Such a store runs on Kuzu (test-store.ts, e2e/server.ts).
 */
export const holdsNeo4jTurn = (): boolean => held > 0;

/** The connection the Neo4j suites use: the run's NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD / NEO4J_DATABASE. */
export function neo4jTestTarget(): Neo4jTarget {
  const env = testNeo4jEnv();
  const uri = env.NEO4J_URI;
  if (!uri) throw new Error('NEO4J_URI is not set: the Neo4j suites need a Neo4j server they may wipe');
  return { uri, user: env.NEO4J_USER ?? 'neo4j', password: env.NEO4J_PASSWORD ?? '', database: env.NEO4J_DATABASE ?? 'neo4j' };
}

export interface Neo4jTurn {
  owner: string;
  /** Clear Hongtu's data (while the lease is still ours), then give the database to the next suite. */
  release(): Promise<void>;
}

/** Clear Hongtu's labels in the test database (the marker and the lease stay). */
async function clearTestDatabase(): Promise<void> {
  const { Neo4jStore } = await import('../../graph/neo4j/neo4j-store');
  const store = new Neo4jStore(neo4jTestTarget());
  try {
    await store.clear();
  } finally {
    await store.close();
  }
}

/**
 * Wait for the database's lease and take it for `suite` (after checking the database is the suites' own).
 * Throws when the database holds data the suites did not create, or when the turn does not come within `waitMs`.
 */
export async function takeNeo4jTurn(suite: string, waitMs = TURN_WAIT_MS): Promise<Neo4jTurn> {
  const target = neo4jTestTarget();
  const driver: Driver = neo4j.driver(target.uri, neo4j.auth.basic(target.user, target.password), { userAgent: 'hongtu-tests' });
  const db = { database: target.database };
  const owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const int = (n: number) => neo4j.int(n);
  try {
    // Read first: a database that is not the suites' own is refused before anything (even a constraint) is written.
    const { records } = await driver.executeQuery(TEST_DB_Q.ownership, {}, { ...db, routing: neo4j.routing.READ });
    const r = records[0]!;
    const foreign = Number(r.get('nodes')) - Number(r.get('leases'));
    if (!r.get('marked')) {
      if (foreign > 0) {
        throw new Error(
          `Refusing to run the Neo4j suites: database "${target.database}" at ${target.uri} holds ${foreign} node(s) ` +
            'the test suites did not create. The suites wipe their database; point NEO4J_URI / NEO4J_DATABASE at an empty one ' +
            '(e.g. a throwaway container: see README "Switching to Neo4j").',
        );
      }
      await driver.executeQuery(TEST_DB_Q.mark, { now: int(Date.now()) }, db);
    }
    await driver.executeQuery(TEST_DB_Q.leaseConstraint, {}, db);
    const deadline = Date.now() + waitMs;
    for (;;) {
      const now = Date.now();
      const got = await driver.executeQuery(TEST_DB_Q.acquire, { now: int(now), owner, suite, expiresAt: int(now + LEASE_MS) }, db);
      if (got.records.length) break;
      if (Date.now() > deadline) {
        const h = (await driver.executeQuery(TEST_DB_Q.holder, {}, db)).records[0];
        throw new Error(`The Neo4j test database stayed busy for ${waitMs / 1000} s (held by ${h?.get('owner')} for ${h?.get('suite')})`);
      }
      await new Promise((res) => setTimeout(res, 1_000));
    }
  } catch (e) {
    await driver.close();
    throw e;
  }
  held++;
  const timer = setInterval(() => {
    driver.executeQuery(TEST_DB_Q.renew, { owner, expiresAt: int(Date.now() + LEASE_MS) }, db).catch(() => undefined);
  }, RENEW_MS);
  timer.unref();
  let released = false;
  return {
    owner,
    async release() {
      if (released) return;
      released = true;
      try {
        // Only the lease holder clears: a turn lost to expiry (a stalled process) must not wipe the next suite's data.
        const h = (await driver.executeQuery(TEST_DB_Q.holder, {}, db)).records[0];
        if (h?.get('owner') === owner) await clearTestDatabase();
      } finally {
        clearInterval(timer);
        held--;
        try {
          await driver.executeQuery(TEST_DB_Q.release, { owner }, db);
        } finally {
          await driver.close();
        }
      }
    },
  };
}
