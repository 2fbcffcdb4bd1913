/**
 * A radial tree layout for large pictures, linear in the size of the graph: the organization's "under"
 * edges form a tree; the root sits in the centre, each level on its own ring, and every subtree gets an
 * angle in proportion to its leaves, so branches of one committee stay together. Nodes outside the tree
 * (topics, courses) go just outside the mean position of their neighbours. A force layout gives a nicer
 * small picture but needs seconds at 2,000 nodes; this needs milliseconds.
 */

export interface LayoutNode {
  id: string;
  kind: string;
}
export interface LayoutEdge {
  source: string;
  target: string;
  kind: string;
}
export interface Point {
  x: number;
  y: number;
}

/** Distance between rings, in model units. */
const RING = 140;
/** Least distance between neighbours on a ring. */
const NODE_GAP = 24;
const ROOT_KINDS = ['university', 'committee', 'branch', 'member'];

export function radialTreePositions(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[]): Map<string, Point> {
  const pos = new Map<string, Point>();
  if (nodes.length === 0) return pos;
  const ids = new Set(nodes.map((n) => n.id));
  const children = new Map<string, string[]>();
  const hasParent = new Set<string>();
  for (const e of edges) {
    if ((e.kind !== 'under' && e.kind !== 'more') || !ids.has(e.source) || !ids.has(e.target) || hasParent.has(e.target)) continue;
    hasParent.add(e.target);
    const l = children.get(e.source);
    if (l) l.push(e.target);
    else children.set(e.source, [e.target]);
  }
  const rank = (n: LayoutNode) => {
    const i = ROOT_KINDS.indexOf(n.kind);
    return i < 0 ? ROOT_KINDS.length : i;
  };
  const roots = nodes.filter((n) => !hasParent.has(n.id) && children.has(n.id)).sort((a, b) => rank(a) - rank(b));

  // Leaves under each node (iteratively, deepest first), for the angle each subtree gets.
  const order: { id: string; depth: number }[] = [];
  for (const r of roots) {
    const stack = [{ id: r.id, depth: 0 }];
    while (stack.length) {
      const cur = stack.pop()!;
      order.push(cur);
      for (const c of children.get(cur.id) ?? []) stack.push({ id: c, depth: cur.depth + 1 });
    }
  }
  const leaves = new Map<string, number>();
  for (let i = order.length - 1; i >= 0; i--) {
    const id = order[i]!.id;
    const cs = children.get(id);
    leaves.set(id, cs ? cs.reduce((s, c) => s + (leaves.get(c) ?? 1), 0) : 1);
  }

  // Several trees (rare: a view rooted below the university with loose nodes) sit side by side.
  let offsetX = 0;
  for (const r of roots) {
    // Depths first, so each ring is wide enough for the nodes on it (at least NODE_GAP apart).
    const depthOf = new Map<string, number>([[r.id, 0]]);
    const perDepth: number[] = [1];
    const queue = [r.id];
    for (let qi = 0; qi < queue.length; qi++) {
      const id = queue[qi]!;
      const d = depthOf.get(id)!;
      for (const c of children.get(id) ?? []) {
        depthOf.set(c, d + 1);
        perDepth[d + 1] = (perDepth[d + 1] ?? 0) + 1;
        queue.push(c);
      }
    }
    const radius = [0];
    for (let d = 1; d < perDepth.length; d++) radius[d] = Math.max(radius[d - 1]! + RING, (perDepth[d]! * NODE_GAP) / (2 * Math.PI));
    const span = new Map<string, [number, number]>([[r.id, [0, 2 * Math.PI]]]);
    for (const id of queue) {
      const d = depthOf.get(id)!;
      const [a0, a1] = span.get(id)!;
      const mid = (a0 + a1) / 2;
      pos.set(id, { x: offsetX + Math.cos(mid) * radius[d]!, y: Math.sin(mid) * radius[d]! });
      let a = a0;
      const total = leaves.get(id) ?? 1;
      for (const c of children.get(id) ?? []) {
        const share = ((leaves.get(c) ?? 1) / total) * (a1 - a0);
        span.set(c, [a, a + share]);
        a += share;
      }
    }
    offsetX += 2 * (radius.at(-1)! + 1.5 * RING);
  }

  // Everything else: near its placed neighbours, a little further out; alone, on a row below.
  const neighbours = new Map<string, string[]>();
  for (const e of edges) {
    (neighbours.get(e.source) ?? neighbours.set(e.source, []).get(e.source)!).push(e.target);
    (neighbours.get(e.target) ?? neighbours.set(e.target, []).get(e.target)!).push(e.source);
  }
  let loose = 0;
  for (const n of nodes) {
    if (pos.has(n.id)) continue;
    const placed = (neighbours.get(n.id) ?? []).map((x) => pos.get(x)).filter((p): p is Point => p !== undefined);
    if (placed.length === 0) {
      pos.set(n.id, { x: (loose % 20) * 60, y: -RING - 60 * Math.floor(loose / 20) - 60 });
      loose++;
      continue;
    }
    const cx = placed.reduce((s, p) => s + p.x, 0) / placed.length;
    const cy = placed.reduce((s, p) => s + p.y, 0) / placed.length;
    const len = Math.hypot(cx, cy) || 1;
    const jitter = ((hash(n.id) % 1000) / 1000 - 0.5) * 40;
    pos.set(n.id, { x: cx + (cx / len) * 45 + jitter, y: cy + (cy / len) * 45 - jitter });
  }
  return pos;
}

/** A small stable hash, so the same graph is always drawn the same way. */
function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}
