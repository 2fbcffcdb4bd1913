/**
 * Roll mastery up the topic hierarchy: a parent's mastery is the mean of its children's (recursively),
 * so an area reads as "how much of this area the member has learned". Topics with no estimate count
 * at the model's prior, which keeps an untouched area low rather than undefined.
 */
import type { Topic } from '../../../graph';

export function rollUpMastery(topics: Topic[], leaf: Map<string, number>, prior: number): Map<string, number> {
  const children = new Map<string, string[]>();
  for (const t of topics)
    if (t.parentId) {
      let l = children.get(t.parentId);
      if (!l) children.set(t.parentId, (l = []));
      l.push(t.id);
    }
  const out = new Map<string, number>();
  const visit = (id: string, depth: number): number => {
    const known = out.get(id);
    if (known !== undefined) return known;
    const kids = depth < 16 ? children.get(id) : undefined;
    const v = kids?.length ? kids.reduce((s, k) => s + visit(k, depth + 1), 0) / kids.length : (leaf.get(id) ?? prior);
    out.set(id, v);
    return v;
  };
  for (const t of topics) visit(t.id, 0);
  return out;
}
