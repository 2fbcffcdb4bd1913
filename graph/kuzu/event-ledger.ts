/**
 * The event ledger (schema version 12): each learning event is one EventKey node holding the whole event (its
 * id in the key, `S:<id>` / `A:<id>`, member, course or question, time and figures), reached from its member by a
 * LOGGED edge without properties; the STUDIED / ANSWERED edge keeps the figures the graph reads need (time,
 * seconds, progress, correct) and no id. A member's history is read from the ledger (events.ts), the graph
 * reads (peers, counts, learner) from the edges; both are written by the same statement.
 *
 * Why: Kuzu 0.11 rewrites the string columns of a rel table's node group at each checkpoint that touched it,
 * and the event id was the only string on the edges. On a copy of the medium store (20,000 members, 1,000,057
 * answers), 600 answers of 50 members and a CHECKPOINT, 6 rounds alternating: with the id on the edge (and the
 * three-column ledger) 1,540–3,034 ms, growing round by round; ledger and LOGGED as here 205–251 ms. Node tables
 * append, so the ledger's strings cost what is new. A history of 20 answers read through LOGGED took 3.4 ms
 * (p50 of 300) against 2.9 ms from the edges.
 */
import type { ExclusiveRunner } from './executor';
import { columnsOf, FORWARD_ONLY_RELS, MIGRATE_MEMBERS, rebuildRel, tableNames } from './forward-rels';

/** The ledger's columns. `correct` is null for a study, `progress` for an answer. */
export const LEDGER_COLUMNS = 'key STRING PRIMARY KEY, memberId STRING, targetId STRING, at INT64, correct BOOLEAN, seconds INT64, progress DOUBLE';

/** The event kinds in the ledger: key prefix, edge, target table. */
export const LEDGER_KINDS = {
  STUDIED: { prefix: 'S:', to: 'Course' },
  ANSWERED: { prefix: 'A:', to: 'Question' },
} as const;

/** The ledger's fields of an event of `kind`, in LEDGER_COLUMNS order, from the values named in `v` (Cypher expressions). */
export function ledgerRow(
  kind: keyof typeof LEDGER_KINDS,
  v: { key: string; memberId: string; targetId: string; at: string; correct: string; seconds: string; progress: string },
): string {
  const correct = kind === 'ANSWERED' ? v.correct : 'CAST(NULL AS BOOLEAN)';
  const progress = kind === 'STUDIED' ? v.progress : 'CAST(NULL AS DOUBLE)';
  return [v.key, v.memberId, v.targetId, v.at, correct, v.seconds, progress].join(', ');
}

/** The event id from a ledger key (`A:<id>` → `<id>`), as a Cypher expression of node `k`. */
export const EVENT_ID = (k: string): string => `substring(${k}.key, 3, size(${k}.key))`;

const LOGGED_DDL = (name: string) => `CREATE REL TABLE ${name}(FROM Member TO EventKey) WITH (storage_direction = 'fwd')`;

/** Ledger rows per COPY of the LOGGED edges in migration 12 (memory stays bounded at any scale). */
const LOGGED_PAGE = 1_000_000;

/**
 * Version 12, in three steps (`V12_STEPS`), each finished by the next start if a run stops part way (a new store
 * runs them on its empty tables):
 * 1. the ledger rebuilt with the events' fields, copied from the edges, which still carry the ids
 *    (`EventKey_v12`, then the old table dropped and the new one renamed);
 * 2. the LOGGED edges, one per ledger row (`LOGGED_v12`, renamed when complete);
 * 3. STUDIED and ANSWERED rebuilt without the id (forward-rels.ts `rebuildRel`).
 */
export async function v12EventLedger(r: ExclusiveRunner, pageMembers = MIGRATE_MEMBERS): Promise<void> {
  await V12_STEPS.ledger(r, pageMembers);
  await V12_STEPS.logged(r);
  await V12_STEPS.edges(r, pageMembers);
}

export const V12_STEPS = {
  async ledger(r: ExclusiveRunner, pageMembers = MIGRATE_MEMBERS): Promise<void> {
    const have = await tableNames(r);
    if (!have.has('EventKey') && have.has('EventKey_v12')) {
      await r.raw('ALTER TABLE EventKey_v12 RENAME TO EventKey');
      return;
    }
    if ((await columnsOf(r, 'EventKey')).includes('at')) return;
    if (have.has('EventKey_v12')) await r.raw('DROP TABLE EventKey_v12');
    await r.raw(`CREATE NODE TABLE EventKey_v12(${LEDGER_COLUMNS})`);
    const [{ last }] = await r.raw('MATCH (a:Member) RETURN max(offset(id(a))) AS last');
    for (const [name, { prefix, to }] of Object.entries(LEDGER_KINDS)) {
      const row = ledgerRow(name as keyof typeof LEDGER_KINDS, {
        key: `'${prefix}' + e.id`,
        memberId: 'a.id',
        targetId: 'b.id',
        at: 'e.at',
        correct: 'e.correct',
        seconds: 'e.seconds',
        progress: 'e.progress',
      });
      for (let lo = 0; last !== null && lo <= Number(last); lo += pageMembers) {
        await r.run(`COPY EventKey_v12 FROM (MATCH (a:Member)-[e:${name}]->(b:${to}) WHERE offset(id(a)) >= $lo AND offset(id(a)) < $hi RETURN ${row})`, {
          lo,
          hi: lo + pageMembers,
        });
      }
    }
    await keepUnmatchedKeys(r);
    await r.raw('DROP TABLE EventKey');
    await r.raw('ALTER TABLE EventKey_v12 RENAME TO EventKey');
  },

  async logged(r: ExclusiveRunner): Promise<void> {
    const have = await tableNames(r);
    if (have.has('LOGGED')) return;
    if (have.has('LOGGED_v12')) await r.raw('DROP TABLE LOGGED_v12');
    await r.raw(LOGGED_DDL('LOGGED_v12'));
    const [{ last }] = await r.raw('MATCH (k:EventKey) RETURN max(offset(id(k))) AS last');
    for (let lo = 0; last !== null && lo <= Number(last); lo += LOGGED_PAGE) {
      await r.run('COPY LOGGED_v12 FROM (MATCH (k:EventKey) WHERE offset(id(k)) >= $lo AND offset(id(k)) < $hi RETURN k.memberId, k.key)', {
        lo,
        hi: lo + LOGGED_PAGE,
      });
    }
    await r.raw('ALTER TABLE LOGGED_v12 RENAME TO LOGGED');
  },

  async edges(r: ExclusiveRunner, pageMembers = MIGRATE_MEMBERS): Promise<void> {
    for (const name of Object.keys(LEDGER_KINDS) as (keyof typeof LEDGER_KINDS)[]) {
      await rebuildRel(r, name, FORWARD_ONLY_RELS[name], `${name}_v12`, async () => (await columnsOf(r, name)).includes('id'), pageMembers);
    }
  },
};

/**
 * Ledger keys without an edge (none is written so: the key and the edge share a statement) are kept with their
 * member and target and no figures, so a replay of their ids is still told apart. Only counted unless the
 * counts differ.
 */
async function keepUnmatchedKeys(r: ExclusiveRunner): Promise<void> {
  const count = async (t: string) => Number((await r.raw(`MATCH (k:${t}) RETURN count(k) AS n`))[0]?.n ?? 0);
  if ((await count('EventKey')) === (await count('EventKey_v12'))) return;
  const rows = await r.raw(
    'MATCH (k:EventKey) OPTIONAL MATCH (n:EventKey_v12 {key: k.key}) WITH k, n WHERE n IS NULL RETURN k.key AS key, k.memberId AS memberId, k.targetId AS targetId',
  );
  for (let i = 0; i < rows.length; i += 1_000) {
    await r.run('UNWIND $rows AS x CREATE (:EventKey_v12 {key: x.key, memberId: x.memberId, targetId: x.targetId})', { rows: rows.slice(i, i + 1_000) });
  }
}
