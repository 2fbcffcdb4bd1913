/**
 * Reads of a few rows named by primary key. Kuzu 0.11 plans `WHERE n.id IN $ids` as a scan of the whole
 * node table followed by a filter (PROFILE at medium scale: 20,000 Member rows scanned to find one), while
 * `MATCH (n:Label {id: $id})` is one lookup in the primary-key hash index. A short key list is therefore
 * read with one lookup statement per key, on the caller's connection; a long list is read with the
 * set-based statement, whose one scan is then shared by many keys.
 */
import type { KuzuExecutor, Params, Row, Runner } from './executor';

/** Most distinct keys read one lookup each. */
export const KEYED_LOOKUPS_MAX = 8;

/**
 * Most keys (members, event rows) a write transaction handles with one statement per key. Kuzu 0.11 plans
 * `UNWIND $rows AS r MATCH (a:A {id: r.x}), (b:B {id: r.y})` as a scan of each table joined to the list,
 * or their cross product (Member × Question: 10.6 million tuples at 20,000 members), whatever the list's
 * length; one statement per key is a primary-key lookup each (about 0.8 ms a statement with its round
 * trip). So which form is cheaper depends on the size of the tables: see `keyedWrites`.
 */
export const KEYED_WRITES_MAX = 32;

/**
 * How many keys a write handles one statement each on this store: members / `membersPerKey`, at most
 * KEYED_WRITES_MAX (0 at demo scale: the set forms over a few hundred members cost less than the round
 * trips). `membersPerKey` is what one key's statements cost, counted in member rows the set form scans
 * for the same time (measured per write: group commit rows ~2,500, an outbox member ~600, a ledger key ~40). The member
 * count is read outside any transaction, once and then at most every 10 minutes in the background.
 */
export async function keyedWrites(ex: KuzuExecutor, membersPerKey: number, max = KEYED_WRITES_MAX): Promise<number> {
  if (ex.keyedWrites !== undefined) return ex.keyedWrites;
  const members = await memberCount(ex);
  return Math.min(max, Math.floor(members / membersPerKey));
}

const COUNT_TTL_MS = 10 * 60_000;
const counts = new WeakMap<KuzuExecutor, { members: number; at: number; refreshing: boolean; first?: Promise<void> }>();

async function memberCount(ex: KuzuExecutor): Promise<number> {
  let c = counts.get(ex);
  const refresh = (entry: { members: number; at: number; refreshing: boolean }) => {
    entry.refreshing = true;
    return ex
      .read('MATCH (n:Member) RETURN count(*) AS n')
      .then((rows) => {
        entry.members = Number(rows[0]?.n ?? 0);
        entry.at = Date.now();
      })
      .catch(() => undefined)
      .finally(() => {
        entry.refreshing = false;
      });
  };
  if (!c) {
    c = { members: 0, at: 0, refreshing: false };
    counts.set(ex, c);
    c.first = refresh(c);
  }
  if (c.first) {
    await c.first;
    c.first = undefined;
  } else if (!c.refreshing && Date.now() - c.at > COUNT_TTL_MS) void refresh(c);
  return c.members;
}

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
