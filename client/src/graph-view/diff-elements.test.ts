import { describe, expect, it } from 'vitest';
import { diffElements } from './diff-elements';
import { edge, node, type GraphElement, type NodeData } from './elements';

const live = (els: GraphElement[]) => new Map(els.map((e) => [e.data.id, e]));
const b1 = node({ id: 'branch:b-1', kind: 'branch', label: '一支部' });
const m1Data: NodeData = { id: 'member:m-1', kind: 'member', label: '张三', stage: 'FULL' };
const m1 = node(m1Data);
const m2 = node({ id: 'member:m-2', kind: 'member', label: '李四', stage: 'ACTIVIST' });
const e1 = edge('branch:b-1', 'member:m-1', 'under');

describe('diffElements', () => {
  it('adds everything to an empty graph, nodes apart from edges', () => {
    const d = diffElements(new Map(), [b1, m1, e1]);
    expect(d.addNodes.map((e) => e.data.id)).toEqual(['branch:b-1', 'member:m-1']);
    expect(d.addEdges.map((e) => e.data.id)).toEqual(['under:branch:b-1->member:m-1']);
    expect(d.remove).toEqual([]);
    expect(d.setChanged).toBe(true);
  });

  it('changes nothing and keeps the layout when the same elements come again', () => {
    const d = diffElements(live([b1, m1, e1]), [node({ ...(b1.data as NodeData) }), m1, e1]);
    expect(d).toEqual({ addNodes: [], addEdges: [], remove: [], update: [], reparent: [], setChanged: false });
  });

  it('updates data in place without a re-layout', () => {
    const d = diffElements(live([b1, m1, e1]), [b1, node({ ...m1Data, stage: 'PROBATIONARY' }), e1]);
    expect(d.update.map((e) => e.data.id)).toEqual(['member:m-1']);
    expect(d.setChanged).toBe(false);
  });

  it('removes what is gone and adds what is new', () => {
    const e2 = edge('branch:b-1', 'member:m-2', 'under');
    const d = diffElements(live([b1, m1, e1]), [b1, m2, e2]);
    expect(d.remove.sort()).toEqual(['member:m-1', 'under:branch:b-1->member:m-1']);
    expect(d.addNodes.map((e) => e.data.id)).toEqual(['member:m-2']);
    expect(d.setChanged).toBe(true);
  });

  it('puts new compound parents first and reparents existing children', () => {
    const group = node({ id: 'group:m-1', kind: 'group', label: '短板相近组 1' });
    const d = diffElements(live([b1, m1]), [b1, node({ ...m1Data, parent: 'group:m-1' }), group]);
    expect(d.addNodes[0].data.id).toBe('group:m-1');
    expect(d.reparent).toEqual([{ id: 'member:m-1', parent: 'group:m-1' }]);
    const back = diffElements(live([b1, node({ ...m1Data, parent: 'group:m-1' }), group]), [b1, m1]);
    expect(back.reparent).toEqual([{ id: 'member:m-1', parent: null }]);
    expect(back.remove).toEqual(['group:m-1']);
  });

  it('keeps the first of duplicate ids', () => {
    const d = diffElements(new Map(), [m1, node({ ...m1Data, label: 'dup' })]);
    expect(d.addNodes).toHaveLength(1);
    expect(d.addNodes[0].data.label).toBe('张三');
  });
});
