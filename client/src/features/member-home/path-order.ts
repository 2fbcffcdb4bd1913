import type { PathStep } from '../../charts/PathDiagram';

interface PathNode {
  key: string;
  kind: 'MEMBER' | 'TOPIC' | 'COURSE';
  label: string;
}
interface PathEdge {
  from: string;
  to: string;
  kind: 'HAS_GAP' | 'PREREQUISITE_OF' | 'COVERS';
}

/**
 * Lay a recommendation's path out as a chain to draw left to right: the member, the gap topic, then
 * prerequisites back towards the course (member → gap ← prerequisite ← course). Walks the edges
 * ignoring direction from the member (or the first node); nodes not reached are appended.
 */
export function orderPath(path: { nodes: readonly PathNode[]; edges: readonly PathEdge[] }): PathStep[] {
  if (path.nodes.length === 0) return [];
  const gapTargets = new Set(path.edges.filter((e) => e.kind === 'HAS_GAP').map((e) => e.to));
  const adj = new Map<string, string[]>();
  for (const e of path.edges) {
    adj.set(e.from, [...(adj.get(e.from) ?? []), e.to]);
    adj.set(e.to, [...(adj.get(e.to) ?? []), e.from]);
  }
  const distances = (from: string) => {
    const d = new Map<string, number>([[from, 0]]);
    const queue = [from];
    for (let i = 0; i < queue.length; i++) {
      for (const nb of adj.get(queue[i]) ?? [])
        if (!d.has(nb)) {
          d.set(nb, d.get(queue[i])! + 1);
          queue.push(nb);
        }
    }
    return d;
  };
  const start = path.nodes.find((n) => n.kind === 'MEMBER') ?? path.nodes[0];
  const course = path.nodes.find((n) => n.kind === 'COURSE');
  const fromStart = distances(start.key);
  // Keep the nodes on a shortest member → course path (the story of the recommendation); other topics the
  // course happens to cover would only add noise. Without a connected course, keep everything.
  const fromCourse = course ? distances(course.key) : null;
  const total = course ? fromStart.get(course.key) : undefined;
  const connected = !!course && !!fromCourse && total !== undefined && course.key !== start.key;
  const keep = (key: string) => !connected || (fromStart.get(key) ?? Infinity) + (fromCourse!.get(key) ?? Infinity) === total;
  const rank = (n: PathNode) => (n.kind === 'MEMBER' && n.key === start.key ? -1 : (fromStart.get(n.key) ?? Number.MAX_SAFE_INTEGER));
  return path.nodes
    .filter((n) => keep(n.key))
    .map((n, i) => ({ n, i }))
    .sort((a, b) => rank(a.n) - rank(b.n) || a.i - b.i)
    .map(({ n }) => ({
      id: n.key,
      label: n.label,
      kind: n.kind === 'COURSE' ? 'course' : n.kind === 'MEMBER' ? 'member' : gapTargets.has(n.key) ? 'gap' : 'topic',
    }));
}
