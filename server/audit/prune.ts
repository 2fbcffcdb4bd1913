/**
 * Retention: remove entries older than the retention period, oldest first, `batch` entries per store
 * transaction, leaving a signed checkpoint at the last one removed (server/audit/checkpoint.ts).
 * Only an unbroken stretch is pruned: the entries to remove are checked against the chain first, so
 * pruning never launders an edited entry into a freshly signed checkpoint. The run itself is a row.
 */
import { randomUUID } from 'node:crypto';
import { entryHash, type AuditHead, type GraphStore } from '../../graph';
import { checkpointKey, checkpointValid, signCheckpoint } from './checkpoint';

const DAY = 86_400_000;

export interface PruneReport {
  removed: number;
  checkpointSeq: number | null;
  cutoff: number;
}

export async function pruneAuditLog(
  store: Pick<GraphStore, 'listAudit' | 'getAuditCheckpoint' | 'pruneAudit' | 'appendAccess'>,
  opts: { retentionDays: number; secret: string; now?: number; batch?: number; viewerId?: string },
): Promise<PruneReport> {
  const now = opts.now ?? Date.now();
  const cutoff = now - opts.retentionDays * DAY;
  const batch = opts.batch ?? 5000;
  const key = checkpointKey(opts.secret);
  let removed = 0;
  let last: number | null = null;
  for (;;) {
    const cp = await store.getAuditCheckpoint();
    if (cp && !checkpointValid(key, cp)) throw new Error(`The audit checkpoint at ${cp.seq} is not signed with this server's secret; run \`hongtu audit verify\``);
    let prev: AuditHead = cp ? { seq: cp.seq, hash: cp.hash } : { seq: 0, hash: '0'.repeat(64) };
    const entries = await store.listAudit({ afterSeq: prev.seq, limit: batch });
    let through: AuditHead | null = null;
    for (const e of entries) {
      if (e.at >= cutoff) break;
      if (e.seq !== prev.seq + 1 || entryHash(prev.hash, e) !== e.hash) {
        throw new Error(`Audit entry ${prev.seq + 1} does not verify; nothing more pruned. Run \`hongtu audit verify\``);
      }
      prev = { seq: e.seq, hash: e.hash };
      through = prev;
    }
    if (!through) break;
    removed += await store.pruneAudit(signCheckpoint(key, { seq: through.seq, hash: through.hash, at: now }));
    last = through.seq;
    if (entries.length < batch || entries[entries.length - 1].seq !== through.seq) break;
  }
  if (removed > 0) {
    await store.appendAccess([
      {
        id: randomUUID(),
        at: now,
        viewerId: opts.viewerId ?? 'system',
        action: 'PRUNE_AUDIT_LOG',
        targetKind: 'AuditLog',
        targetId: `1-${last}`,
        outcome: String(removed),
      },
    ]);
  }
  return { removed, checkpointSeq: last, cutoff };
}
