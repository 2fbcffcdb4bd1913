/**
 * Reads of a few rows named by primary key. Kuzu 0.11 plans `WHERE n.id IN $ids` as a scan of the whole
 * node table followed by a filter (PROFILE at medium scale: 20,000 Member rows scanned to find one), while
 * `MATCH (n:Label {id: $id})` is one lookup in the primary-key hash index. A short key list is therefore
 * read with one lookup statement per key, on the caller's connection; a long list is read with the
 * set-based statement, whose one scan is then shared by many keys.
 */
import type { Params, Row, Runner } from './executor';

/** Most distinct keys read one lookup each. */
export const KEYED_LOOKUPS_MAX = 8;

/**
 * Most keys (members, event rows) a write transaction handles with one statement per key. Kuzu 0.11 plans
 * `UNWIND $rows AS r MATCH (a:A {id: r.x}), (b:B {id: r.y})` as a scan of each table joined to the list,
 * or their cross product (Member × Question: 10.6 million tuples at 20,000 members), whatever the list's
 * length; one statement per key is a primary-key lookup each (about 0.8 ms a statement with its round
 * trip). Measured on loaded stores: at 20,000 members the set form wins from about 8 rows, at 200,000
 * from about 100, so below this many keys the writer's hold no longer grows with the tables.
 */
export const KEYED_WRITES_MAX = 32;

export interface KeyedStatements {
  /** Takes `$id` (one key). */
  one: string;
  /** Takes the list parameter `listParam` (default `ids`). */
  many: string;
  listParam?: string;
}

/** Rows of `one` for each distinct key (in key order), or of `many` for a list longer than `max`. */
export async function byKeys(r: Runner, keys: readonly string[], q: KeyedStatements, params: Params = {}, max = KEYED_LOOKUPS_MAX): Promise<Row[]> {
  const distinct = [...new Set(keys)];
  if (distinct.length === 0) return [];
  if (distinct.length > max) return r.run(q.many, { ...params, [q.listParam ?? 'ids']: distinct });
  const out: Row[] = [];
  for (const id of distinct) out.push(...(await r.run(q.one, { ...params, id })));
  return out;
}
