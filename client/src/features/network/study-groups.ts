/**
 * Study groups: communities of members with similar gaps. Members are linked when the Jaccard similarity of
 * their gap-topic sets reaches a threshold; communities are found by label propagation (deterministic:
 * members in id order, ties to the smallest label), which is linear in the links and needs no library.
 */

export interface MemberGaps {
  id: string;
  gapTopicIds: readonly string[];
}

/** |A∩B| / |A∪B|; 0 when both are empty. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

/**
 * Group members whose gaps are alike. Returns groups of at least `minSize` member ids, largest first,
 * each sorted by id; members with no similar peer are left out.
 */
export function detectStudyGroups(members: readonly MemberGaps[], threshold = 0.34, minSize = 2, maxIterations = 20): string[][] {
  const sorted = [...members].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const sets = sorted.map((m) => new Set(m.gapTopicIds));
  const links: { j: number; w: number }[][] = sorted.map(() => []);
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length; j++) {
      const w = jaccard(sets[i], sets[j]);
      if (w >= threshold) {
        links[i].push({ j, w });
        links[j].push({ j: i, w });
      }
    }
  }
  const label = sorted.map((_, i) => i);
  for (let it = 0; it < maxIterations; it++) {
    let changed = false;
    for (let i = 0; i < sorted.length; i++) {
      if (links[i].length === 0) continue;
      const score = new Map<number, number>();
      for (const { j, w } of links[i]) score.set(label[j], (score.get(label[j]) ?? 0) + w);
      let best = label[i];
      let bestScore = score.get(best) ?? 0;
      for (const [l, s] of score)
        if (s > bestScore + 1e-9 || (Math.abs(s - bestScore) <= 1e-9 && l < best)) {
          best = l;
          bestScore = s;
        }
      if (best !== label[i]) {
        label[i] = best;
        changed = true;
      }
    }
    if (!changed) break;
  }
  const groups = new Map<number, string[]>();
  sorted.forEach((m, i) => {
    const g = groups.get(label[i]);
    if (g) g.push(m.id);
    else groups.set(label[i], [m.id]);
  });
  return [...groups.values()].filter((g) => g.length >= minSize).sort((a, b) => b.length - a.length || (a[0] < b[0] ? -1 : 1));
}
