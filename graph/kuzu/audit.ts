/** Access log (who viewed whose data): append-only AccessLog nodes, idempotent by record id. */
import type { AccessRecord } from '../model';
import type { KuzuExecutor } from './executor';
import { toAccess } from './mapping';

const Q = {
  append: `MERGE (a:AccessLog {id: $id}) ON CREATE SET a.at = $at, a.viewerId = $viewerId, a.action = $action,
    a.targetKind = $targetKind, a.targetId = $targetId`,
  list: `MATCH (a:AccessLog) WHERE ($viewerId = '' OR a.viewerId = $viewerId) AND ($targetId = '' OR a.targetId = $targetId)
    RETURN a.id AS id, a.at AS at, a.viewerId AS viewerId, a.action AS action, a.targetKind AS targetKind,
      a.targetId AS targetId ORDER BY a.at DESC, a.id DESC LIMIT $limit`,
} as const;

export async function appendAccess(ex: KuzuExecutor, records: AccessRecord[]): Promise<void> {
  if (records.length === 0) return;
  await ex.write(async (tx) => {
    for (const r of records) await tx.run(Q.append, { ...r });
  });
}

export async function listAccess(ex: KuzuExecutor, opts: { viewerId?: string; targetId?: string; limit: number }): Promise<AccessRecord[]> {
  if (opts.limit <= 0) return [];
  const rows = await ex.read(Q.list, { viewerId: opts.viewerId ?? '', targetId: opts.targetId ?? '', limit: opts.limit });
  return rows.map(toAccess);
}
