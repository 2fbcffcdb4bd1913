/** Helpers for tests of a Kuzu store on disk: a store opened and closed, or a bare executor beside it or instead (no repair on open). */
import { KuzuExecutor } from './executor';
import { KuzuStore } from './kuzu-store';

/** `fn` with a bare executor on `dir` (executors of one file in a process share its database). */
export async function withExecutor<T>(dir: string, fn: (ex: KuzuExecutor) => Promise<T>): Promise<T> {
  const ex = new KuzuExecutor(dir);
  try {
    return await fn(ex);
  } finally {
    await ex.close();
  }
}

/** A CHECKPOINT of the database in `dir`. */
export const checkpointOf = (dir: string): Promise<void> => withExecutor(dir, (ex) => ex.ddl((r) => r.checkpoint()));

/**
 * Members x-1 … x-`n` in branch `branchId`, after those already stored: with `n` over 1,024 they reach into
 * the next region of the member table (graph/kuzu/README.md: deleting edges).
 */
export const addMembers = (dir: string, n: number, branchId: string): Promise<unknown> =>
  withExecutor(dir, (ex) =>
    ex.write((tx) =>
      tx.run(
        `MATCH (b:Branch {id: $branchId}) UNWIND range(1, ${Math.trunc(n)}) AS i
          CREATE (:Member {id: 'x-' + CAST(i AS STRING), name: 'x', kind: 'STUDENT', stage: 'FULL', role: 'MEMBER'})-[:BELONGS_TO {role: 'MEMBER', since: 0}]->(b)`,
        { branchId },
      ),
    ),
  );

/** `fn` with a KuzuStore on `dir`, opened (migrations and repairs run) and closed after. */
export async function withStore<T>(dir: string, fn: (s: KuzuStore) => Promise<T>): Promise<T> {
  const s = new KuzuStore({ dir });
  try {
    await s.init();
    return await fn(s);
  } finally {
    await s.close();
  }
}
