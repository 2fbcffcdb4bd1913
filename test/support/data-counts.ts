/**
 * A store's node and relationship counts without the audit log's own tables: a refused write is recorded there by
 * design (who tried what, and the answer), so "nothing written" means nothing outside the audit log.
 */
import type { GraphStore } from '../../graph';

export async function dataCounts(store: GraphStore): Promise<Record<string, number>> {
  const { AuditEntry: _e, AuditHead: _h, AuditCheckpoint: _c, ...rest } = (await store.health()).counts;
  return rest;
}
