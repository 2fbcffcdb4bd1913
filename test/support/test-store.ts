/**
 * Which store the API, security and browser suites run on. `npm test` (and a bare vitest run): a fresh
 * Kuzu store in a temp folder of the suite's own. `npm run test:neo4j` sets HONGTU_TEST_STORE=neo4j:
 * the suites then run on the Neo4j database NEO4J_URI names, one suite at a time (test/support/neo4j-test-db.ts),
 * each starting from a cleared database.
 */
import path from 'node:path';
import type { GraphStore } from '../../graph';
import { KuzuStore } from '../../graph/kuzu/kuzu-store';
import { holdsNeo4jTurn, neo4jTestTarget, TURN_WAIT_MS, takeNeo4jTurn } from './neo4j-test-db';
import { makeTempDir, removeTempDir } from './temp-dirs';

export type TestStoreKind = 'kuzu' | 'neo4j';

export function testStoreKind(): TestStoreKind {
  return process.env.HONGTU_TEST_STORE === 'neo4j' ? 'neo4j' : 'kuzu';
}

/**
 * The timeout of a set-up hook that opens the suite's store: `ms` on Kuzu; on Neo4j `ms` plus the time the
 * suite may wait for its turn on the shared database (another suite or run holds it meanwhile).
 */
export function withTurnWait(ms: number): number {
  return testStoreKind() === 'neo4j' ? ms + TURN_WAIT_MS : ms;
}

export interface TestStore {
  store: GraphStore;
  kind: TestStoreKind;
  /** The Kuzu data folder (null on Neo4j). */
  dir: string | null;
  dispose(): Promise<void>;
}

/** A fresh Kuzu store in its own temp folder. */
export async function openKuzuTestStore(prefix = 'hongtu-api-'): Promise<{ store: KuzuStore; dir: string; dispose(): Promise<void> }> {
  const root = makeTempDir(prefix);
  const dir = path.join(root, 'kuzu');
  const store = new KuzuStore({ dir });
  await store.init();
  return {
    store,
    dir,
    dispose: async () => {
      await store.close();
      removeTempDir(root);
    },
  };
}

/**
 * The suite's store: Kuzu in a temp folder, or (test:neo4j) the Neo4j test database, cleared, for this suite alone.
 * Under test:neo4j a second store opened while the file's first one holds the database (two worlds or two app
 * instances side by side) is a Kuzu store: the one database holds one world at a time.
 */
export async function openTestStore(suite: string, prefix = 'hongtu-api-'): Promise<TestStore> {
  if (testStoreKind() === 'kuzu' || holdsNeo4jTurn()) return { ...(await openKuzuTestStore(prefix)), kind: 'kuzu' };
  const turn = await takeNeo4jTurn(suite);
  try {
    const { Neo4jStore } = await import('../../graph/neo4j/neo4j-store');
    const store = new Neo4jStore(neo4jTestTarget());
    await store.init();
    await store.clear();
    return {
      store,
      kind: 'neo4j',
      dir: null,
      dispose: async () => {
        try {
          await store.close();
        } finally {
          await turn.release();
        }
      },
    };
  } catch (e) {
    await turn.release();
    throw e;
  }
}
