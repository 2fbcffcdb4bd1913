import { describe, expect, it } from 'vitest';
import { buildSyntheticNetwork } from '../features/bench/synthetic-network';
import { clusterPositions } from './cluster-layout';

const sizes = { size: (k: string) => (k === 'university' ? 44 : k === 'committee' ? 34 : k === 'branch' ? 26 : 16), head: () => 60, headWidth: () => 60 };

function organization(total: number) {
  const els = buildSyntheticNetwork(total);
  const nodes = els.filter((e) => e.group === 'nodes').map((e) => ({ id: e.data.id, kind: String(e.data.kind) }));
  const edges = els.filter((e) => e.group === 'edges').map((e) => ({ source: String(e.data.source), target: String(e.data.target), kind: String(e.data.kind) }));
  return { nodes, edges };
}

describe('cluster layout', () => {
  it('puts each node below its parent and each member nearer the middle of its own branch than of any other', () => {
    const { nodes, edges } = organization(2000);
    const pos = clusterPositions(nodes, edges, sizes, 1.6);
    expect(pos.size).toBe(nodes.length);
    const under = edges.filter((e) => e.kind === 'under');
    for (const e of under) expect(pos.get(e.target)!.y, `${e.source} above ${e.target}`).toBeGreaterThan(pos.get(e.source)!.y);
    const members = new Map<string, { x: number; y: number }[]>();
    for (const e of under.filter((x) => x.target.startsWith('member:'))) members.set(e.source, [...(members.get(e.source) ?? []), pos.get(e.target)!]);
    const middles = [...members].map(([id, ps]) => ({ id, x: ps.reduce((s, p) => s + p.x, 0) / ps.length, y: ps.reduce((s, p) => s + p.y, 0) / ps.length }));
    let strays = 0;
    for (const e of under.filter((x) => x.target.startsWith('member:'))) {
      const m = pos.get(e.target)!;
      const nearest = middles.reduce((a, b) => (Math.hypot(b.x - m.x, b.y - m.y) < Math.hypot(a.x - m.x, a.y - m.y) ? b : a));
      if (nearest.id !== e.source) strays++;
    }
    expect(strays).toBe(0);
  });

  it('puts nodes outside the organization in rows below it, and is the same every time', () => {
    const { nodes, edges } = organization(1500);
    const pos = clusterPositions(nodes, edges, sizes, 1.6);
    const lowestInTree = Math.max(...nodes.filter((n) => n.kind !== 'topic').map((n) => pos.get(n.id)!.y));
    for (const t of nodes.filter((n) => n.kind === 'topic')) expect(pos.get(t.id)!.y).toBeGreaterThan(lowestInTree);
    expect(clusterPositions(nodes, edges, sizes, 1.6)).toEqual(pos);
  });

  it('shapes the picture after the screen', () => {
    const { nodes, edges } = organization(2000);
    const extent = (aspect: number) => {
      const ps = [...clusterPositions(nodes, edges, sizes, aspect).values()];
      const w = Math.max(...ps.map((p) => p.x)) - Math.min(...ps.map((p) => p.x));
      const h = Math.max(...ps.map((p) => p.y)) - Math.min(...ps.map((p) => p.y));
      return w / h;
    };
    expect(extent(2)).toBeGreaterThan(extent(0.6));
    expect(extent(2)).toBeGreaterThan(1.2);
    expect(extent(0.6)).toBeLessThan(1);
  });
});
