/**
 * Refold every member's history through the current model and store rows and gaps (`hongtu learn
 * recompute`, e.g. after `hongtu kt fit` changed the parameters). Pages of 200 members, three batched
 * reads and one write of mastery per page, then one gap write per member.
 */
import type { Progress } from '../../../graph';
import { makeSnapshot } from '../mastery/learner-snapshot';
import { REPLAY_LIMIT } from '../mastery/mastery-service';
import type { LearnerCore } from './learner-core';

const PAGE = 200;

export async function recomputeAll(core: LearnerCore, now: number, onProgress?: Progress): Promise<{ members: number; rows: number; gaps: number }> {
  const [view, table] = await Promise.all([core.view(), core.requirements(now)]);
  const total = (await core.store.listMembers({}, 1)).totalCount;
  const out = { members: 0, rows: 0, gaps: 0 };
  for (let after: string | null = null; ; ) {
    const page = await core.store.listMembers({}, PAGE, after);
    const histories = await core.store.getHistoriesForMembers(
      page.items.map((m) => m.id),
      { limit: REPLAY_LIMIT },
    );
    const rows = new Map(page.items.map((m) => [m.id, core.mastery.fromHistory(m, view, histories.get(m.id)!)]));
    const writes = [...rows.values()].flatMap((r) => [...r.values()]);
    await core.store.upsertMastery(writes);
    const branchCache = new Map<string, Promise<Map<string, number>>>();
    for (const m of page.items) {
      const snap = makeSnapshot(core.mastery, m, view, rows.get(m.id)!, histories.get(m.id)!, now, table[m.stage]);
      out.gaps += (await core.gaps.refresh(snap, branchCache)).length;
    }
    out.members += page.items.length;
    out.rows += writes.length;
    onProgress?.(out.members, total, 'members');
    if (!page.hasNextPage) return out;
    after = page.endCursor;
  }
}
