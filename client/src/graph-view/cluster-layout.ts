/**
 * A compact layout for large pictures, linear in the size of the graph. The organization's "under" edges
 * form a tree; every node with children becomes a block: the node itself on top, its children below it.
 * Children that are leaves (a branch's members) sit in a sunflower (Vogel spiral) under their parent;
 * children with children of their own (a committee's branches, the university's committees) are blocks
 * packed in rows. The picture reads like a map of the organization: each committee one area with its name,
 * each branch a cluster of member dots. Nodes outside the tree (topics, courses) sit in rows below it,
 * ordered by where their neighbours are, so their edges run down rather than across the picture.
 * Compared with a radial tree (2,000 nodes made a ring of ~45,000 units, drawn at the least zoom, where no
 * label could be read), the fitted picture is about six times less zoomed out, so the organization's names
 * can be read on it (large-graph.ts sizes them).
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

/** Distance between neighbouring member dots (their size is 16). */
const LEAF_STEP = 20;
/** Room between blocks, and between a block's head and its children. */
const GAP = 24;
/** Vogel spiral: the golden angle, and the first spiral slots left free under the parent node. */
const GOLDEN = Math.PI * (3 - Math.sqrt(5));
const SPIRAL_START = 3;

interface Block {
  w: number;
  h: number;
  /** Positions relative to the block's top-left corner. */
  place(x: number, y: number, into: Map<string, Point>): void;
}

/** The model size of a node of `kind`, and the room its label takes beside it. */
export interface ClusterSizes {
  size(kind: string): number;
  /** Height of the head above a node's children: the node, its label and a gap. */
  head(kind: string): number;
  /** Least width of a block headed by a node of `kind` (its label's width). */
  headWidth(id: string): number;
}

/**
 * Positions for every node. `aspect` is the width/height the whole picture aims at (the screen's); inner
 * blocks aim to be square.
 */
export function clusterPositions(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[], sizes: ClusterSizes, aspect = 1.6): Map<string, Point> {
  const pos = new Map<string, Point>();
  if (nodes.length === 0) return pos;
  const kindOf = new Map(nodes.map((n) => [n.id, n.kind]));
  const children = new Map<string, string[]>();
  const hasParent = new Set<string>();
  for (const e of edges) {
    if ((e.kind !== 'under' && e.kind !== 'more') || !kindOf.has(e.source) || !kindOf.has(e.target) || hasParent.has(e.target) || e.source === e.target) continue;
    hasParent.add(e.target);
    const l = children.get(e.source);
    if (l) l.push(e.target);
    else children.set(e.source, [e.target]);
  }
  const roots = nodes.filter((n) => !hasParent.has(n.id) && children.has(n.id)).map((n) => n.id);

  // Blocks bottom-up (iteratively: deepest first), so a deep tree cannot overflow the stack.
  const order: string[] = [];
  const seen = new Set<string>();
  for (const r of roots) {
    const stack = [r];
    while (stack.length) {
      const id = stack.pop()!;
      if (seen.has(id)) continue;
      seen.add(id);
      order.push(id);
      for (const c of children.get(id) ?? []) stack.push(c);
    }
  }
  const blocks = new Map<string, Block>();
  const rootSet = new Set(roots);
  for (let i = order.length - 1; i >= 0; i--) {
    const id = order[i]!;
    blocks.set(id, blockOf(id, kindOf.get(id) ?? 'member', children.get(id) ?? [], blocks, kindOf, sizes, rootSet.has(id) ? aspect : 1));
  }

  // The trees side by side, aiming at the screen's shape.
  const top = packRows(
    roots.map((r) => blocks.get(r)!),
    aspect,
  );
  top.place(0, 0, pos);

  // Everything else in rows below, ordered by the mean x of the neighbours already placed.
  const neighbours = new Map<string, string[]>();
  for (const e of edges) {
    (neighbours.get(e.source) ?? neighbours.set(e.source, []).get(e.source)!).push(e.target);
    (neighbours.get(e.target) ?? neighbours.set(e.target, []).get(e.target)!).push(e.source);
  }
  const loose = nodes
    .filter((n) => !pos.has(n.id))
    .map((n, i) => {
      const xs = (neighbours.get(n.id) ?? []).map((x) => pos.get(x)?.x).filter((x): x is number => x !== undefined);
      return { n, i, x: xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : Number.POSITIVE_INFINITY };
    })
    .sort((a, b) => a.x - b.x || a.i - b.i);
  if (loose.length) {
    const step = Math.max(...loose.map((l) => sizes.size(l.n.kind))) + 2 * GAP + 30;
    const width = Math.max(top.w, step);
    const perRow = Math.max(1, Math.floor(width / step));
    const rowStep = 3 * GAP + 20;
    loose.forEach((l, k) => {
      const row = Math.floor(k / perRow);
      const inRow = Math.min(perRow, loose.length - row * perRow);
      const x0 = (width - inRow * step) / 2 + step / 2;
      // Alternate rows are shifted by half a step, so the labels of neighbouring rows do not line up.
      pos.set(l.n.id, { x: x0 + (k % perRow) * step + (row % 2 ? step / 4 : 0), y: top.h + 2 * GAP + row * rowStep });
    });
  }
  return pos;
}

function blockOf(id: string, kind: string, kids: readonly string[], blocks: Map<string, Block>, kindOf: Map<string, string>, sizes: ClusterSizes, aspect: number): Block {
  const head = sizes.head(kind);
  const headW = Math.max(sizes.size(kind), sizes.headWidth(id));
  if (kids.length === 0) {
    const s = sizes.size(kind);
    return { w: s, h: s, place: (x, y, into) => into.set(id, { x: x + s / 2, y: y + s / 2 }) };
  }
  const leaves = kids.filter((c) => !blocks.get(c) || !isParentBlock(blocks.get(c)!));
  const inner = kids.filter((c) => !leaves.includes(c));
  // Leaves: a sunflower under the node.
  const leafR = leaves.length ? LEAF_STEP * 0.56 * Math.sqrt(leaves.length + SPIRAL_START) + Math.max(...leaves.map((c) => sizes.size(kindOf.get(c) ?? 'member'))) / 2 : 0;
  const disc: Block | null = leaves.length
    ? {
        w: 2 * leafR,
        h: 2 * leafR,
        place: (x, y, into) => {
          const cx = x + leafR;
          const cy = y + leafR;
          leaves.forEach((c, k) => {
            const r = LEAF_STEP * 0.56 * Math.sqrt(k + SPIRAL_START);
            // Start at the top (nearest the parent) and turn by the golden angle.
            const a = -Math.PI / 2 + (k + SPIRAL_START) * GOLDEN;
            into.set(c, { x: cx + r * Math.cos(a), y: cy + r * Math.sin(a) });
          });
        },
      }
    : null;
  const parts = [...(disc ? [disc] : []), ...inner.map((c) => blocks.get(c)!)];
  const body = parts.length === 1 ? parts[0]! : packRows(parts, aspect, head);
  const w = Math.max(body.w, headW);
  const h = head + body.h;
  const block: Block & { parent: true } = {
    parent: true,
    w,
    h,
    place: (x, y, into) => {
      into.set(id, { x: x + w / 2, y: y + sizes.size(kind) / 2 });
      body.place(x + (w - body.w) / 2, y + head, into);
    },
  };
  return block;
}

const isParentBlock = (b: Block) => (b as { parent?: boolean }).parent === true;

/**
 * Blocks in rows (in their order), the row width chosen so the result, with `above` more height on top (its
 * parent's head), is closest to `aspect` (width / height); rows centred.
 */
function packRows(parts: readonly Block[], aspect: number, above = 0): Block {
  if (parts.length === 0) return { w: 0, h: 0, place: () => {} };
  let best: Block | null = null;
  let bestMiss = Number.POSITIVE_INFINITY;
  const widest = Math.max(...parts.map((b) => b.w));
  const total = parts.reduce((s, b) => s + b.w + GAP, 0);
  // Candidate row widths: the width of the first k blocks for every k (enough for the similar blocks here).
  const widths = new Set<number>([widest]);
  let acc = 0;
  for (const b of parts) {
    acc += (acc ? GAP : 0) + b.w;
    if (acc >= widest) widths.add(acc);
  }
  for (const target of [...widths].filter((x) => x <= total)) {
    const packed = rowsOf(parts, target);
    const miss = Math.abs(Math.log(packed.w / Math.max(packed.h + above, 1) / aspect));
    if (miss < bestMiss) {
      bestMiss = miss;
      best = packed;
    }
  }
  return best!;
}

function rowsOf(parts: readonly Block[], target: number): Block {
  const rows: { items: Block[]; w: number; h: number }[] = [];
  let row: { items: Block[]; w: number; h: number } = { items: [], w: 0, h: 0 };
  for (const b of parts) {
    if (row.items.length && row.w + GAP + b.w > target) {
      rows.push(row);
      row = { items: [], w: 0, h: 0 };
    }
    row.w += (row.items.length ? GAP : 0) + b.w;
    row.h = Math.max(row.h, b.h);
    row.items.push(b);
  }
  rows.push(row);
  const w = Math.max(...rows.map((r) => r.w));
  const h = rows.reduce((s, r) => s + r.h, 0) + GAP * (rows.length - 1);
  return {
    w,
    h,
    place: (x, y, into) => {
      let ry = y;
      for (const r of rows) {
        let rx = x + (w - r.w) / 2;
        for (const b of r.items) {
          b.place(rx, ry + (r.h - b.h) / 2, into);
          rx += b.w + GAP;
        }
        ry += r.h + GAP;
      }
    },
  };
}
