/**
 * Access log (who viewed whose data): append-only AccessLog nodes, idempotent by record id.
 *
 * A request appends all its records in one statement (UNWIND … CREATE): ids are fresh UUIDs, so
 * the primary-key insert almost never collides. Only a retry of records already written (or a
 * batch repeating an id) hits the key; that batch is then written again row by row with MERGE,
 * which skips the ones that exist. Measured at medium scale (~57k AccessLog rows): 100 records
 * 5.8 ms as one CREATE against 51 ms as 100 MERGEs (UNWIND … MERGE was no better: Kuzu 0.11 joins
 * it against the table instead of probing the key), 2 records 1.8 ms against 2.1 ms.
 */
import { isStoreError } from '../errors';
import type { AccessRecord } from '../model';
import type { KuzuExecutor } from './executor';
import { toAccess } from './mapping';

const Q = {
  appendAll: `UNWIND $rows AS r CREATE (:AccessLog {id: r.id, at: r.at, viewerId: r.viewerId, action: r.action,
    targetKind: r.targetKind, targetId: r.targetId})`,
  append: `MERGE (a:AccessLog {id: $id}) ON CREATE SET a.at = $at, a.viewerId = $viewerId, a.action = $action,
    a.targetKind = $targetKind, a.targetId = $targetId`,
  list: `MATCH (a:AccessLog) WHERE ($viewerId = '' OR a.viewerId = $viewerId) AND ($targetId = '' OR a.targetId = $targetId)
    RETURN a.id AS id, a.at AS at, a.viewerId AS viewerId, a.action AS action, a.targetKind AS targetKind,
      a.targetId AS targetId ORDER BY a.at DESC, a.id DESC LIMIT $limit`,
} as const;

export async function appendAccess(ex: KuzuExecutor, records: AccessRecord[]): Promise<void> {
  if (records.length === 0) return;
  const rows = records.map((r) => ({
    id: r.id, at: r.at, viewerId: r.viewerId, action: r.action, targetKind: r.targetKind, targetId: r.targetId,
  }));
  try {
    await ex.write((tx) => tx.run(Q.appendAll, { rows }));
  } catch (e) {
    // The failed transaction was rolled back whole; redo it one MERGE at a time (a retry, or a repeated id).
    if (!(isStoreError(e) && e.code === 'CONFLICT')) throw e;
    await ex.write(async (tx) => {
      for (const r of rows) await tx.run(Q.append, r);
    });
  }
}

export async function listAccess(ex: KuzuExecutor, opts: { viewerId?: string; targetId?: string; limit: number }): Promise<AccessRecord[]> {
  if (opts.limit <= 0) return [];
  const rows = await ex.read(Q.list, { viewerId: opts.viewerId ?? '', targetId: opts.targetId ?? '', limit: opts.limit });
  return rows.map(toAccess);
}
