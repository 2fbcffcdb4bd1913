/**
 * "What helped similar members" for cold start and social proof: branch members whose stored gaps
 * overlap the member's (Jaccard ≥ 0.3, the ten closest), and how many of them completed each course
 * since `since`. Three batched store reads.
 */
import type { Gap, Member } from '../../../graph';
import type { GraphStore } from '../../../graph';
import { isCompleted } from '../progress';

const MIN_SIMILARITY = 0.3;
const MAX_SIMILAR = 10;

export async function similarMembersHelped(
  store: GraphStore,
  member: Pick<Member, 'id' | 'branchId'>,
  gaps: Gap[],
  since: number,
): Promise<{ members: number; counts: Map<string, number> }> {
  const counts = new Map<string, number>();
  const mine = new Set(gaps.map((g) => g.topicId));
  if (!mine.size) return { members: 0, counts };
  const branch = await store.listMembers({ branchIds: [member.branchId] }, 200);
  const others = branch.items.map((m) => m.id).filter((id) => id !== member.id);
  const theirs = await store.getGapsForMembers(others);
  const similar = others
    .map((id) => {
      const t = new Set((theirs.get(id) ?? []).map((g) => g.topicId));
      const inter = [...t].filter((x) => mine.has(x)).length;
      return { id, sim: t.size ? inter / (t.size + mine.size - inter) : 0 };
    })
    .filter((x) => x.sim >= MIN_SIMILARITY)
    .sort((a, b) => b.sim - a.sim || a.id.localeCompare(b.id))
    .slice(0, MAX_SIMILAR);
  if (!similar.length) return { members: 0, counts };
  const histories = await store.getHistoriesForMembers(
    similar.map((x) => x.id),
    { limit: 100, since },
  );
  for (const h of histories.values()) {
    for (const c of new Set(h.studies.filter((e) => isCompleted(e.progress)).map((e) => e.courseId))) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  return { members: similar.length, counts };
}
