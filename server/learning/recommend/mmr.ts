/**
 * Maximal marginal relevance: pick items one by one, trading score against similarity to what is
 * already picked, so the top of the list is not five courses on the same topic.
 */
import type { TopicWeight } from '../mastery/curriculum-view';

/** Cosine similarity of two topic-weight vectors (0 = no shared topic). */
export function topicCosine(a: TopicWeight[], b: TopicWeight[]): number {
  if (!a.length || !b.length) return 0;
  const wb = new Map(b.map((t) => [t.topicId, t.weight]));
  let dot = 0;
  for (const t of a) dot += t.weight * (wb.get(t.topicId) ?? 0);
  const na = Math.hypot(...a.map((t) => t.weight));
  const nb = Math.hypot(...b.map((t) => t.weight));
  return dot / (na * nb || 1);
}

/** Select `k` of the candidates by MMR with weight `lambda` on score (0..1 scores expected). */
export function mmrSelect<T>(candidates: T[], k: number, score: (x: T) => number, sim: (a: T, b: T) => number, lambda = 0.75): T[] {
  const pool = [...candidates].sort((a, b) => score(b) - score(a));
  const picked: T[] = [];
  while (picked.length < k && pool.length) {
    let best = 0,
      bestValue = -Infinity;
    // Only the head of the pool can win (scores are sorted and similarity ≥ 0), which keeps this linear-ish.
    const scan = Math.min(pool.length, 60);
    for (let i = 0; i < scan; i++) {
      const redundancy = picked.length ? Math.max(...picked.map((p) => sim(pool[i], p))) : 0;
      const v = lambda * score(pool[i]) - (1 - lambda) * redundancy;
      if (v > bestValue) {
        bestValue = v;
        best = i;
      }
    }
    picked.push(pool.splice(best, 1)[0]);
  }
  return picked;
}
