import { describe, expect, it } from 'vitest';
import { buildSyntheticNetwork } from '../features/bench/synthetic-network';
import { node } from './elements';
import { labelBox, placeLabels } from './label-placement';
import { fitViewport, labelCandidate, nodeSize, OVERVIEW_EMS, prepareLargeGraph } from './large-graph';

const overlap = (a: { x1: number; y1: number; x2: number; y2: number }, b: typeof a) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

describe('large first picture, prepared from the elements', () => {
  it('leaves small graphs and graphs with study-group compounds to the layout', () => {
    expect(prepareLargeGraph(buildSyntheticNetwork(500))).toBeNull();
    const withGroup = [...buildSyntheticNetwork(1500), node({ id: 'group:g-1', kind: 'group', label: '第一党小组' })];
    expect(prepareLargeGraph(withGroup)).toBeNull();
  });

  it('places every node apart, labels what fits without overlap, and bounds every node and drawn label', () => {
    // As cytoscape holds them: the first element of each id (a member may list the same gap topic twice).
    const els = [
      ...new Map(
        buildSyntheticNetwork(2000)
          .reverse()
          .map((e) => [e.data.id, e]),
      ).values(),
    ].reverse();
    expect(els.length).toBeLessThan(buildSyntheticNetwork(2000).length);
    const p = prepareLargeGraph(buildSyntheticNetwork(2000), { w: 1200, h: 720 })!;
    const nodes = els.filter((e) => e.group === 'nodes');
    expect(p.positions.size).toBe(nodes.length);
    // No two nodes drawn on top of each other (a grid over the centres, neighbours only).
    const cell = 50;
    const grid = new Map<string, { x: number; y: number; s: number }[]>();
    for (const n of nodes) {
      const q = p.positions.get(n.data.id)!;
      const k = `${Math.floor(q.x / cell)},${Math.floor(q.y / cell)}`;
      grid.set(k, [...(grid.get(k) ?? []), { ...q, s: nodeSize(n.data.kind as string) }]);
    }
    let clashes = 0;
    for (const n of nodes) {
      const q = p.positions.get(n.data.id)!;
      const s = nodeSize(n.data.kind as string);
      for (let dx = -1; dx <= 1; dx++)
        for (let dy = -1; dy <= 1; dy++)
          for (const o of grid.get(`${Math.floor(q.x / cell) + dx},${Math.floor(q.y / cell) + dy}`) ?? [])
            if (o.x !== q.x || o.y !== q.y) clashes += Math.hypot(o.x - q.x, o.y - q.y) < (o.s + s) / 2 ? 1 : 0;
    }
    expect(clashes).toBe(0);
    const cands = nodes.map((n) => {
      const s = nodeSize(n.data.kind as string);
      const c = labelCandidate(n.data.id, n.data.kind as string, String(n.data.label), p.positions.get(n.data.id)!, { w: s, h: s }, false)!;
      const f = p.fonts.get(n.data.id);
      return f ? { ...c, fontSize: f, maxWidth: OVERVIEW_EMS * f } : c;
    });
    expect(p.sides).toEqual(placeLabels(cands));
    expect(p.sides.size).toBeGreaterThan(50);
    // No two drawn labels overlap, and the bounds hold every node and every drawn label.
    const boxes = [...p.sides].map(([id, side]) => labelBox(cands.find((c) => c.id === id)!, side));
    let overlaps = 0;
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) if (overlap(boxes[i]!, boxes[j]!)) overlaps++;
    expect(overlaps).toBe(0);
    expect(boxes.filter((b) => !(b.x1 >= p.box.x1 && b.x2 <= p.box.x2 && b.y1 >= p.box.y1 && b.y2 <= p.box.y2))).toEqual([]);
    expect([...p.positions.values()].filter((q) => !(q.x >= p.box.x1 && q.x <= p.box.x2 && q.y >= p.box.y1 && q.y <= p.box.y2))).toEqual([]);
  });

  it("sizes the heads' labels to read on the fitted picture, and labels them all", () => {
    for (const [w, h] of [
      [1200, 720],
      [960, 720],
    ] as const) {
      const p = prepareLargeGraph(buildSyntheticNetwork(2000), { w, h })!;
      const { zoom } = fitViewport(p.box, w, h, 30, 0.05, 4);
      const heads = ['university:u-1', ...Array.from({ length: 10 }, (_, i) => `committee:c-${i}`)];
      for (const id of heads) {
        expect(p.sides.has(id), id).toBe(true);
        // On screen at least 9 px (they aim at OVERVIEW_PX; the room made for them zooms the picture out a little).
        expect(p.fonts.get(id)! * zoom, id).toBeGreaterThanOrEqual(9);
      }
      expect([...p.fonts.keys()].sort()).toEqual([...heads].sort());
    }
    // A phone opens zoomed in, where the kinds' own sizes read.
    expect(prepareLargeGraph(buildSyntheticNetwork(2000), { w: 390, h: 700 })!.fonts.size).toBe(0);
  });

  it('puts an expanded node ahead of its kind, and behind the kind above, for a label', () => {
    const at = { x: 0, y: 0 };
    const size = { w: 16, h: 16 };
    const plain = labelCandidate('member:m-1', 'member', '甲', at, size, false)!;
    const expanded = labelCandidate('member:m-1', 'member', '甲', at, size, true)!;
    const branch = labelCandidate('branch:b-1', 'branch', '乙', at, size, false)!;
    expect(expanded.priority).toBeGreaterThan(plain.priority);
    expect(expanded.priority).toBeLessThan(branch.priority);
    // Of two members whose labels would overlap, the expanded one gets its label.
    const a = { ...plain, id: 'a' };
    const b = { ...expanded, id: 'b', x: 4 };
    expect([...placeLabels([a, b]).keys()]).toContain('b');
  });
});

describe('fitViewport', () => {
  it('centres the box with the padding, on the tighter side', () => {
    const { zoom, pan } = fitViewport({ x1: -100, y1: -50, x2: 100, y2: 50 }, 460, 400, 30, 0.05, 4);
    expect(zoom).toBe(2); // (460 - 60) / 200 against (400 - 60) / 100
    expect(pan).toEqual({ x: 230, y: 200 });
  });

  it('keeps the zoom within its limits', () => {
    expect(fitViewport({ x1: 0, y1: 0, x2: 1e6, y2: 1e6 }, 800, 600, 30, 0.05, 4).zoom).toBe(0.05);
    expect(fitViewport({ x1: 0, y1: 0, x2: 1, y2: 1 }, 800, 600, 30, 0.05, 4).zoom).toBe(4);
  });
});
