/**
 * The learning outbox on Neo4j (graph/event-batch.ts): Outbox nodes written with their events
 * (batch-events.ts), claimed, applied and deleted by `completeOutbox` in one managed transaction,
 * with a per-member OutboxTally of entries consumed. Statements and their concurrency argument are
 * in batch-queries.ts.
 *
 * On a cluster (graph/causal.ts, OUTBOX_SCOPE): reads of the outbox start after every event batch and
 * every consumption this process committed, so a pass never takes a lagging follower's outbox for empty
 * nor applies an entry already consumed; a consumption also counts for each member whose rows it writes,
 * so the member's next read (their recommendations) sees their new mastery and gaps.
 */
import { memberScopeKey, OUTBOX_SCOPE, withScopesAdded, withSharedScope } from '../causal';
import { outboxEntryApplied } from '../errors';
import type { OutboxCompletion, OutboxEntry } from '../event-batch';
import { OUTBOX_Q } from './batch-queries';
import { Q } from './queries';
import type { Executor } from './executor';
import { lastPerKey, requireIds } from './guards';
import { int, num } from './mapping';

export async function listOutbox(ex: Executor, limit: number): Promise<OutboxEntry[]> {
  if (limit <= 0) return [];
  const rows = await withSharedScope(OUTBOX_SCOPE, 'read', () => ex.read((tx) => tx.rows(OUTBOX_Q.list, { limit: int(limit) })));
  return rows.map((r) => ({
    key: String(r.key),
    kind: r.kind as OutboxEntry['kind'],
    eventId: String(r.eventId),
    memberId: String(r.memberId),
    at: num(r.at),
  }));
}

export async function completeOutbox(ex: Executor, c: OutboxCompletion): Promise<number> {
  const keys = [...new Set(c.entries.map((e) => e.key))];
  if (keys.length === 0 && c.mastery.length === 0 && c.gaps.size === 0) return 0;
  const members = new Set([...c.entries.map((e) => e.memberId), ...c.mastery.map((r) => r.memberId), ...c.gaps.keys()]);
  return withScopesAdded([OUTBOX_SCOPE, ...[...members].map(memberScopeKey)], () => write(ex, c, keys));
}

function write(ex: Executor, c: OutboxCompletion, keys: string[]): Promise<number> {
  return ex.write(async (tx) => {
    if (keys.length) {
      const claimed = new Set((await tx.rows<{ key: string }>(OUTBOX_Q.claim, { keys, now: int(Date.now()) })).map((r) => String(r.key)));
      const gone = keys.find((k) => !claimed.has(k));
      if (gone !== undefined) throw outboxEntryApplied(gone);
    }
    await requireIds(tx, 'Member', [...new Set([...c.mastery.map((r) => r.memberId), ...c.gaps.keys()])]);
    await requireIds(tx, 'Topic', [...new Set([...c.mastery.map((r) => r.topicId), ...[...c.gaps.values()].flat().map((g) => g.topicId)])]);
    const rows = lastPerKey(c.mastery, (r) => `${r.memberId}\u0000${r.topicId}`).map((r) => ({ memberId: r.memberId, topicId: r.topicId, p: r.p, updatedAt: int(r.updatedAt) }));
    if (rows.length) await tx.write(Q.upsertMastery, { rows });
    if (c.gaps.size) {
      const members = [...c.gaps].map(([memberId, gaps]) => ({
        memberId,
        gaps: lastPerKey(gaps, (g) => g.topicId).map((g) => ({ topicId: g.topicId, severity: g.severity, reasons: g.reasons.map(String), updatedAt: int(g.updatedAt) })),
      }));
      await tx.write(OUTBOX_Q.replaceGaps, { members });
    }
    if (keys.length) {
      await tx.write(OUTBOX_Q.consume, { keys });
      const byKey = new Map(c.entries.map((e) => [e.key, e.memberId]));
      const perMember = new Map<string, number>();
      for (const k of keys) perMember.set(byKey.get(k)!, (perMember.get(byKey.get(k)!) ?? 0) + 1);
      await tx.write(OUTBOX_Q.tally, { tallies: [...perMember].map(([memberId, n]) => ({ memberId, n: int(n) })) });
    }
    return keys.length;
  });
}

export async function outboxAppliedCounts(ex: Executor, memberIds?: string[]): Promise<Map<string, number>> {
  if (memberIds && memberIds.length === 0) return new Map();
  const rows = await withSharedScope(OUTBOX_SCOPE, 'read', () => ex.read((tx) => tx.rows(OUTBOX_Q.tallies, { memberIds: memberIds ? [...new Set(memberIds)] : null })));
  return new Map(rows.map((r) => [String(r.memberId), num(r.applied)]));
}
