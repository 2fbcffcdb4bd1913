/** Helpers for tests of a Kuzu store on disk: a store opened and closed, or a bare executor beside it or instead (no repair on open). */
import { EVENT_ID, LEDGER_KINDS } from './event-ledger';
import { KuzuExecutor } from './executor';
import { forwardDdl, V10_FORWARD_RELS } from './forward-rels';
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

/**
 * Back to version 11 (graph/kuzu/event-ledger.ts): the event edges carry their ids again, the ledger only its
 * keys, and LOGGED is gone.
 */
export const toVersion11 = (ex: KuzuExecutor): Promise<void> =>
  ex.ddl(async (r) => {
    await r.raw('DROP TABLE LOGGED');
    for (const [name, { prefix }] of Object.entries(LEDGER_KINDS)) {
      const rel = V10_FORWARD_RELS[name as keyof typeof LEDGER_KINDS];
      const figures = rel.props
        .split(', ')
        .slice(1)
        .map((p) => `k.${p.split(' ')[0]}`);
      await r.raw(`DROP TABLE ${name}`);
      await r.raw(forwardDdl(name, rel));
      await r.raw(`COPY ${name} FROM (MATCH (k:EventKey) WHERE starts_with(k.key, '${prefix}') RETURN k.memberId, k.targetId, ${EVENT_ID('k')}, ${figures.join(', ')})`);
    }
    await r.raw('CREATE NODE TABLE EventKey_v11(key STRING PRIMARY KEY, memberId STRING, targetId STRING)');
    await r.raw('COPY EventKey_v11 FROM (MATCH (k:EventKey) RETURN k.key, k.memberId, k.targetId)');
    await r.raw('DROP TABLE EventKey');
    await r.raw('ALTER TABLE EventKey_v11 RENAME TO EventKey');
    await r.raw("MATCH (v:SchemaVersion {id: 'schema'}) SET v.version = 11");
  });
