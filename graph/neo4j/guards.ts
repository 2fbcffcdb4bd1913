/**
 * Existence checks a write runs inside its own transaction before it writes anything, so an unknown id
 * ends in NOT_FOUND with nothing to roll back.
 */
import { notFound } from '../errors';
import type { Tx } from './executor';
import type { NodeLabel } from './labels';
import { MISSING } from './queries';

/** Throw NOT_FOUND naming the first of `ids` (in the caller's order) that is no `label` node. */
export async function requireIds(tx: Tx, label: NodeLabel, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const [row] = await tx.rows<{ missing: string[] }>(MISSING[label], { ids: [...new Set(ids)] });
  const missing = new Set(row?.missing ?? []);
  const first = ids.find((id) => missing.has(id));
  if (first !== undefined) throw notFound(label, first);
}

/** The last entry per key wins, in first-seen order (a repeated topic or member in one call). */
export function lastPerKey<T>(rows: readonly T[], key: (r: T) => string): T[] {
  return [...new Map(rows.map((r) => [key(r), r])).values()];
}
