import { describe, expect, it } from 'vitest';
import { buildNetworkElements, expandFocused, initialView, showMore, toggleNode, type BranchMembers, type OrgTree } from './network-model';

const org: OrgTree = {
  university: { id: 'u-1', name: '大学党委' },
  committees: [
    {
      id: 'c-1',
      name: '计算机学院党委',
      branches: [
        { id: 'b-1', name: '教工一支部' },
        { id: 'b-2', name: '学生一支部' },
      ],
    },
  ],
};
const opts = { studyGroups: false, gapEdges: true, groupLabel: (n: number) => `组${n}`, moreLabel: (n: number) => `+${n}` };
const member = (i: number, gaps: string[] = []) => ({
  id: `m-${i}`,
  name: `党员${i}`,
  stage: 'FULL',
  attendance: 0.5,
  mastery: null,
  gapTopics: gaps.map((g) => ({ id: g, name: g })),
});
const ids = (els: { data: { id: string } }[]) => els.map((e) => e.data.id);

describe('network model', () => {
  it('starts from the root with its children', () => {
    const els = buildNetworkElements(org, new Map(), new Map(), initialView('university:u-1'), opts);
    expect(ids(els)).toEqual(['university:u-1', 'committee:c-1', 'under:university:u-1->committee:c-1']);
  });

  it('expands a branch into its members, capped with a "more" node', () => {
    const members = new Map<string, BranchMembers>([['b-1', { total: 45, members: Array.from({ length: 45 }, (_, i) => member(i)) }]]);
    let v = initialView('committee:c-1');
    v = toggleNode(v, 'branch:b-1');
    const els = buildNetworkElements(org, members, new Map(), v, opts);
    expect(els.filter((e) => e.data.kind === 'member')).toHaveLength(40);
    expect(els.find((e) => e.data.id === 'more:branch:b-1')?.data.label).toBe('+5');
    const more = buildNetworkElements(org, members, new Map(), showMore(v, 'branch:b-1'), opts);
    expect(more.filter((e) => e.data.kind === 'member')).toHaveLength(45);
    expect(more.some((e) => e.data.kind === 'more')).toBe(false);
  });

  it('collapses again on a second toggle', () => {
    const v = toggleNode(toggleNode(initialView('committee:c-1'), 'branch:b-1'), 'branch:b-1');
    expect(v.expanded).toEqual(['committee:c-1']);
  });

  it('links members to gap topics they share and groups them', () => {
    const members = new Map<string, BranchMembers>([['b-1', { total: 3, members: [member(1, ['t1', 't2']), member(2, ['t1', 't2']), member(3, ['t9'])] }]]);
    const v = toggleNode(initialView('branch:b-1'), 'branch:b-1');
    const expanded = { ...v, expanded: ['branch:b-1'] };
    const els = buildNetworkElements(org, members, new Map(), expanded, opts);
    expect(
      els
        .filter((e) => e.data.kind === 'gap')
        .map((e) => e.data.id)
        .sort(),
    ).toEqual(['gap:member:m-1->topic:t1', 'gap:member:m-1->topic:t2', 'gap:member:m-2->topic:t1', 'gap:member:m-2->topic:t2']);
    const grouped = buildNetworkElements(org, members, new Map(), expanded, { ...opts, studyGroups: true });
    const group = grouped.find((e) => e.data.kind === 'group');
    expect(group?.data.label).toBe('组1');
    expect(grouped.filter((e) => e.data.parent === group?.data.id).map((e) => e.data.id)).toEqual(['member:m-1', 'member:m-2']);
  });

  it('labels branches under their committee without the shared prefix, keeping the full name', () => {
    const long: OrgTree = {
      ...org,
      committees: [
        {
          ...org.committees[0],
          branches: [
            { id: 'b-1', name: '计算机学院本科生第一党支部' },
            { id: 'b-2', name: '计算机学院教工第一党支部' },
          ],
        },
      ],
    };
    const els = buildNetworkElements(long, new Map(), new Map(), initialView('committee:c-1'), opts);
    expect(els.filter((e) => e.data.kind === 'branch').map((e) => [e.data.label, e.data.fullName])).toEqual([
      ['本科生第一党支部', '计算机学院本科生第一党支部'],
      ['教工第一党支部', '计算机学院教工第一党支部'],
    ]);
    const alone = buildNetworkElements(long, new Map(), new Map(), initialView('branch:b-1'), opts);
    expect(alone.find((e) => e.data.kind === 'branch')?.data.label).toBe('计算机学院本科生第一党支部');
  });

  it('labels two branches that share a short name with their full names, and counts in collapsed nodes', () => {
    const twin: OrgTree = {
      university: org.university,
      committees: [
        { id: 'c-1', name: '计算机学院党委', branches: [{ id: 'b-1', name: '计算机学院本科生党支部' }] },
        {
          id: 'c-2',
          name: '数学学院党委',
          branches: [
            { id: 'b-2', name: '数学学院本科生党支部' },
            { id: 'b-3', name: '数学学院教工党支部' },
          ],
        },
      ],
    };
    const v = { ...initialView('university:u-1'), expanded: ['university:u-1', 'committee:c-1', 'committee:c-2'] };
    const labelled = { ...opts, committeeLabel: (n: string, k: number) => `${n}·${k}`, branchLabel: (n: string, k: number) => `${n}·${k}人` };
    const members = new Map<string, BranchMembers>([['b-1', { total: 7, members: [] }]]);
    const els = buildNetworkElements(twin, members, new Map(), v, labelled);
    const label = (id: string) => els.find((e) => e.data.id === id)?.data.label;
    expect(label('branch:b-1')).toBe('计算机学院本科生党支部·7人');
    expect(label('branch:b-2')).toBe('数学学院本科生党支部');
    expect(label('branch:b-3')).toBe('教工党支部');
    const collapsed = buildNetworkElements(twin, members, new Map(), initialView('university:u-1'), labelled);
    expect(collapsed.find((e) => e.data.id === 'committee:c-2')?.data.label).toBe('数学学院党委·2');
  });

  it('folds the other expanded nodes of a kind back when an expansion would pass the size limit', () => {
    const v = { ...initialView('university:u-1'), expanded: ['university:u-1', 'committee:c-1'] };
    const small = expandFocused(v, 'committee:c-2', () => 10, 50);
    expect(small.expanded).toEqual(['university:u-1', 'committee:c-1', 'committee:c-2']);
    const big = expandFocused(v, 'committee:c-2', () => 80, 50);
    expect(big.expanded).toEqual(['university:u-1', 'committee:c-2']);
    // Collapsing never folds anything else.
    expect(expandFocused(small, 'committee:c-2', () => 999, 50).expanded).toEqual(['university:u-1', 'committee:c-1']);
  });
});
