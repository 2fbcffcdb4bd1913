/**
 * "What helped similar members" for cold start and social proof: members of the branch (the first 200 by
 * id) whose stored gaps overlap the member's (Jaccard ≥ 0.3, the ten closest), and how many of them
 * completed each course in the popularity window. Pure: the branch's members come from its context
 * (branch-context.ts).
 */
import type { Gap } from '../../../graph';
import type { BranchPeerState } from './branch-context';

const MIN_SIMILARITY = 0.3;
const MAX_SIMILAR = 10;
/** Branch members compared with the member. */
const MAX_PEERS = 200;

export function similarMembersHelped(memberId: string, gaps: readonly Gap[], peers: readonly BranchPeerState[]): { members: number; counts: Map<string, number> } {
  const counts = new Map<string, number>();
  const mine = new Set(gaps.map((g) => g.topicId));
  if (!mine.size) return { members: 0, counts };
  const similar = peers
    .slice(0, MAX_PEERS)
    .filter((p) => p.id !== memberId)
    .map((p) => {
      const inter = [...p.gaps].filter((x) => mine.has(x)).length;
      return { p, sim: p.gaps.size ? inter / (p.gaps.size + mine.size - inter) : 0 };
    })
    .filter((x) => x.sim >= MIN_SIMILARITY)
    .sort((a, b) => b.sim - a.sim || a.p.id.localeCompare(b.p.id))
    .slice(0, MAX_SIMILAR);
  for (const { p } of similar) for (const c of p.completed) counts.set(c, (counts.get(c) ?? 0) + 1);
  return { members: similar.length, counts };
}
