/**
 * Gaps of many members at once (Member.gaps, branch reports): one batched read of gaps, mastery and
 * history; members whose gaps were never computed or are older than a day are computed and stored (a
 * one-time write per member). Each gap carries the member's current mastery of its topic.
 */
import type { Gap, Mastery, Member } from '../../../graph';
import { makeSnapshot, SNAPSHOT_HISTORY } from '../mastery/learner-snapshot';
import { gapsAreStale, type LearnerCore } from './learner-core';

export type GapWithMastery = Gap & { mastery: number };

export async function gapsForMembers(core: LearnerCore, members: Member[], now: number): Promise<{ gaps: Map<string, GapWithMastery[]>; rows: Map<string, Map<string, Mastery>> }> {
  const view = await core.view();
  const ids = members.map((m) => m.id);
  const [{ rows }, stored, table] = await Promise.all([core.mastery.ensureRows(view, members), core.store.getGapsForMembers(ids), core.requirements(now)]);
  const stale = members.filter((m) => gapsAreStale(stored.get(m.id) ?? [], now, table[m.stage].since));
  if (stale.length) {
    const histories = await core.store.getHistoriesForMembers(
      stale.map((m) => m.id),
      { limit: SNAPSHOT_HISTORY },
    );
    const branchCache = new Map<string, Promise<Map<string, number>>>();
    for (const m of stale) {
      const snap = makeSnapshot(core.mastery, m, view, rows.get(m.id) ?? new Map(), histories.get(m.id)!, now, table[m.stage]);
      // A member with no gaps before and after writes nothing (no gaps is not stored as such).
      const before = stored.get(m.id) ?? [];
      const fresh = before.length ? await core.gaps.refresh(snap, branchCache) : await core.gaps.compute(snap, branchCache);
      if (!before.length && fresh.length) await core.store.replaceGaps(m.id, fresh);
      stored.set(m.id, fresh);
    }
  }
  const gaps = new Map(
    members.map((m) => {
      const r = rows.get(m.id) ?? new Map<string, Mastery>();
      return [m.id, (stored.get(m.id) ?? []).map((g) => ({ ...g, mastery: core.model.currentMastery(r.get(g.topicId), now, g.topicId, m.stage) }))];
    }),
  );
  return { gaps, rows };
}
