/**
 * Existence checks run inside a write transaction before anything is written, so an unknown id
 * fails with NOT_FOUND and the transaction has nothing to roll back.
 */
import { notFound } from '../errors';
import type { Runner } from './executor';
import { byKeys, KEYED_LOOKUPS_MAX } from './keyed';
import { quoteIdent } from './schema';

/** Node labels whose ids callers pass in; the closed list that may be interpolated into queries. */
export type Label =
  | 'University'
  | 'Committee'
  | 'Branch'
  | 'Group'
  | 'Member'
  | 'Topic'
  | 'Course'
  | 'Question'
  | 'Meeting'
  | 'StudyPlan'
  | 'Transfer'
  | 'Notice'
  | 'Account'
  | 'TalkRecord';

/**
 * The ids of `ids` that exist as `label` nodes: up to `lookups` distinct ids with one primary-key lookup
 * each (keyed.ts), a longer list with one scan of the table.
 */
export async function existingIds(r: Runner, label: Label, ids: string[], lookups = KEYED_LOOKUPS_MAX): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const l = quoteIdent(label);
  const rows = await byKeys(r, ids, { one: `MATCH (n:${l} {id: $id}) RETURN n.id AS id`, many: `MATCH (n:${l}) WHERE n.id IN $ids RETURN n.id AS id` }, {}, lookups);
  return new Set(rows.map((x) => String(x.id)));
}

/** Throw NOT_FOUND naming the first id of `ids` that is not a `label` node. */
export async function requireIds(r: Runner, label: Label, ids: string[], lookups = KEYED_LOOKUPS_MAX): Promise<void> {
  const found = await existingIds(r, label, ids, lookups);
  const missing = ids.find((id) => !found.has(id));
  if (missing !== undefined) throw notFound(label, missing);
}

/** True when a node with this id exists. */
export async function exists(r: Runner, label: Label, id: string): Promise<boolean> {
  return (await existingIds(r, label, [id])).size > 0;
}
