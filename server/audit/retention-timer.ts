/**
 * Pruning while the server runs: a minute after start, then once a day (server/audit/prune.ts). Several
 * processes sharing one Neo4j may all try; the store refuses a checkpoint that does not advance, so the
 * later ones find nothing to do or stop with CONFLICT, which is logged and harmless.
 */
import type { GraphStore } from '../../graph';
import type { AppLogger } from '../app-deps';
import type { AuditConfig } from '../config';
import { pruneAuditLog } from './prune';

const DAY_MS = 86_400_000;

export function startAuditRetention(store: GraphStore, audit: AuditConfig, log: Pick<AppLogger, 'info' | 'warn'>, firstAfterMs = 60_000): { stop(): Promise<void> } {
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  let running: Promise<void> | null = null;
  const run = async () => {
    try {
      const r = await pruneAuditLog(store, { retentionDays: audit.retentionDays, secret: audit.secret });
      if (r.removed) log.info(`Audit log: pruned ${r.removed} entries older than ${audit.retentionDays} days (checkpoint at ${r.checkpointSeq})`);
    } catch (e) {
      log.warn(`Audit log pruning did not complete: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  const schedule = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = run().finally(() => {
        running = null;
        schedule(DAY_MS);
      });
    }, ms);
    timer.unref();
  };
  schedule(firstAfterMs);
  return {
    /** No further runs; waits for one under way (so the store is not closed under it). */
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}
