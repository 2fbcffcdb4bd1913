import { describe, expect, it } from 'vitest';
import { buildSyntheticNetwork } from '../features/bench/synthetic-network';
import { edge, node } from './elements';
import { labelBox, placeLabels } from './label-placement';
import { fitViewport, labelCandidate, nodeSize, prepareLargeGraph } from './large-graph';
import { radialTreePositions } from './radial-layout';

const overlap = (a: { x1: number; y1: number; x2: number; y2: number }, b: typeof a) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

describe('large first picture, prepared from the elements', () => {
  it('leaves small graphs and graphs with study-group compounds to the layout', () => {
    expect(prepareLargeGraph(buildSyntheticNetwork(500))).toBeNull();
    const withGroup = [...buildSyntheticNetwork(1500), node({ id: 'group:g-1', kind: 'group', label: '第一党小组' })];
    expect(prepareLargeGraph(withGroup)).toBeNull();
  });

  it('places every node where the radial tree puts it and labels exactly what the placement pass would', () => {
    // As cytoscape holds them: the first element of each id (a member may list the same gap topic twice).
    const els = [
      ...new Map(
        buildSyntheticNetwork(2000)
          .reverse()
          .map((e) => [e.data.id, e]),
      ).values(),
    ].reverse();
    expect(els.length).toBeLessThan(buildSyntheticNetwork(2000).length);
    const p = prepareLargeGraph(buildSyntheticNetwork(2000))!;
    const nodes = els.filter((e) => e.group === 'nodes');
    const edges = els.filter((e) => e.group === 'edges');
    const expected = radialTreePositions(
      nodes.map((n) => ({ id: n.data.id, kind: n.data.kind as string })),
      edges.map((e) => ({ source: e.data.source as string, target: e.data.target as string, kind: e.data.kind as string })),
    );
    expect(p.positions).toEqual(expected);
    const cands = nodes.map((n) => {
      const s = nodeSize(n.data.kind as string);
      return labelCandidate(n.data.id, n.data.kind as string, String(n.data.label), expected.get(n.data.id)!, { w: s, h: s }, false)!;
    });
    expect(p.sides).toEqual(placeLabels(cands));
    expect(p.sides.size).toBeGreaterThan(50);
    // No two drawn labels overlap, and the bounds hold every node and every drawn label.
    const boxes = [...p.sides].map(([id, side]) => labelBox(cands.find((c) => c.id === id)!, side));
    let overlaps = 0;
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) if (overlap(boxes[i]!, boxes[j]!)) overlaps++;
    expect(overlaps).toBe(0);
    expect(boxes.filter((b) => !(b.x1 >= p.box.x1 && b.x2 <= p.box.x2 && b.y1 >= p.box.y1 && b.y2 <= p.box.y2))).toEqual([]);
    expect([...expected.values()].filter((q) => !(q.x >= p.box.x1 && q.x <= p.box.x2 && q.y >= p.box.y1 && q.y <= p.box.y2))).toEqual([]);
  });

  it('keeps an expanded node ahead of its kind for a label', () => {
    const els = buildSyntheticNetwork(1200).map((e) => (e.data.id === 'member:m-0' ? { ...e, classes: 'expanded' } : e));
    const p = prepareLargeGraph([...els, edge('branch:b-0', 'member:m-0', 'under')])!;
    expect(p.sides.has('member:m-0')).toBe(true);
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
