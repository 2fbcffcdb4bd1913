/**
 * No way around the scope through nesting: the organization tree's `members`, connection edges,
 * filters, cursors, meetings' attendance, learning explanations and paths, and error messages all
 * show a viewer only the people their role reads.
 */
import { describe, expect, it } from 'vitest';
import { codes } from '../support/api-world';
import { MEETING_B1, type Person, stringsOf, useSecureWorld } from './secure-world';

const t = useSecureWorld();

// Nodes and edges in two operations: together they pass the query cost limit.
const TREE = (sel: string) => `{ university { committees { branches { id members(first: 8) { totalCount ${sel} } } } } }`;
/** Every member id reachable through the tree, and the summed totalCounts. */
function treeMembers(body: any): { ids: string[]; total: number } {
  const branches = body.data.university.committees.flatMap((c: any) => c.branches);
  const ids = branches.flatMap((b: any) => [...(b.members.nodes ?? []), ...(b.members.edges ?? []).map((e: any) => e.node)].map((m: any) => m.id));
  return { ids: [...new Set<string>(ids)].sort(), total: branches.reduce((n: number, b: any) => n + b.members.totalCount, 0) };
}
const SCOPE: Record<Person, string[]> = {
  a: ['m-a'],
  b: ['m-b'],
  c: ['m-c'],
  d: ['m-d'],
  cm: ['m-a', 'm-b', 'm-cm', 'm-sec'],
  sec: ['m-a', 'm-b', 'm-cm', 'm-sec'],
  cadmin: ['m-a', 'm-b', 'm-c', 'm-cadmin', 'm-cm', 'm-sec'],
  uadmin: ['m-a', 'm-b', 'm-c', 'm-cadmin', 'm-cm', 'm-d', 'm-sec', 'm-uadmin'],
};
const ALL_NAMES = (w: typeof t.world) => Object.values(w.people).map((m) => ({ id: m.id, name: m.name }));

describe('the organization tree', () => {
  it.each(['a', 'cm', 'sec', 'cadmin', 'uadmin'] as Person[])('shows %s only the members in scope, counts included', async (who) => {
    for (const sel of ['nodes { id }', 'edges { cursor node { id } }']) {
      const r = await t.as(who)(TREE(sel));
      expect(r.body.errors).toBeUndefined();
      expect(treeMembers(r.body)).toEqual({ ids: SCOPE[who], total: SCOPE[who].length });
    }
  });

  it('reaches no one more through viewer → branch → members, group → branch, or meeting → branch', async () => {
    const viaViewer = await t.as('a')('{ viewer { member { branch { members { nodes { id } } } } } }');
    expect(viaViewer.body.data.viewer.member.branch.members.nodes).toEqual([{ id: 'm-a' }]);
    const viaGroup = await t.as('a')('{ branch(id: "b-1") { groups { branch { members { totalCount nodes { id } } } } } }');
    expect(viaGroup.body.data.branch.groups[0].branch.members).toEqual({ totalCount: 1, nodes: [{ id: 'm-a' }] });
    const viaMeeting = await t.as('sec')('query($id: ID!) { meeting(id: $id) { branch { committee { branches { members { nodes { id } } } } } } }', { id: MEETING_B1 });
    const ids = viaMeeting.body.data.meeting.branch.committee.branches.flatMap((b: any) => b.members.nodes.map((m: any) => m.id));
    expect(ids.sort()).toEqual(SCOPE.sec);
  });
});

describe('filters and cursors', () => {
  const LIST = 'query($f: MemberFilterInput, $after: String) { members(first: 100, filter: $f, after: $after) { totalCount nodes { id } } }';
  const FILTERS: [string, Record<string, unknown>][] = [
    ['another branch', { branchIds: ['b-3'] }],
    ['another committee', { committeeIds: ['c-2'] }],
    ['a name outside scope', { nameContains: '赵六' }],
    ['a role outside scope', { roles: ['UNIVERSITY_ADMIN'] }],
  ];
  it.each(FILTERS)('a secretary asking for %s gets an empty page', async (_d, f) => {
    const r = await t.as('sec')(LIST, { f });
    expect(r.body.data.members).toEqual({ totalCount: 0, nodes: [] });
  });

  it('a member asking for their branch, or paging from before their id, still gets only themself', async () => {
    expect((await t.as('a')(LIST, { f: { branchIds: ['b-1'] } })).body.data.members.nodes).toEqual([{ id: 'm-a' }]);
    expect((await t.as('a')(LIST, { after: '' })).body.data.members.nodes).toEqual([{ id: 'm-a' }]);
    expect((await t.as('a')(LIST, { after: 'm-a' })).body.data.members).toEqual({ totalCount: 0, nodes: [] });
  });
});

describe('learning data names no one else', () => {
  it('recommendations, gaps, plans and practice for a member mention only that member', async () => {
    await t.as('a')('mutation { generateStudyPlan(memberId: "m-a", minutesPerWeek: 60, weeks: 2) { id } }');
    const r = await t.as('a')(`query { recommendations(memberId: "m-a") { explanation path { nodes { id label } } }
      gaps(memberId: "m-a") { reasons } studyPlan(memberId: "m-a") { member { id name } items { reason } }
      practiceQuestions(memberId: "m-a") { reason } mastery(memberId: "m-a") { member { id name } } }`);
    expect(r.body.errors).toBeUndefined();
    const text = stringsOf(r.body.data).join('\n');
    for (const other of ALL_NAMES(t.world).filter((p) => p.id !== 'm-a')) {
      expect(text).not.toContain(other.name);
      expect(text).not.toContain(other.id);
    }
  });

  it("a branch gap report lists only the branch's members, even for an administrator", async () => {
    const r = await t.as('cadmin')('{ branchGaps(branchId: "b-1") { rows { member { id } } } }');
    expect(r.body.data.branchGaps.rows.map((x: any) => x.member.id).sort()).toEqual(['m-a', 'm-b', 'm-cm', 'm-sec']);
  });
});

describe('errors echo nothing of the target', () => {
  const PROBES: [Person, string][] = [
    ['a', '{ member(id: "m-d") { name } }'],
    ['sec', '{ gaps(memberId: "m-d") { severity } }'],
    ['sec', '{ accessRecords(memberId: "m-a") { viewerId } }'],
    ['cm', 'mutation { updateMember(id: "m-a", input: { name: "改名" }) { id } }'],
    ['sec', 'mutation { recordAttendance(input: { meetingId: "sec-mt-1", rows: [{ memberId: "m-d", status: PRESENT }] }) { id } }'],
  ];
  it.each(PROBES)('%s: %s', async (who, q) => {
    const r = await t.as(who)(q);
    expect(codes(r)).toHaveLength(1);
    const text = JSON.stringify(r.body);
    for (const p of ALL_NAMES(t.world)) expect(text).not.toContain(p.name);
    expect(text).not.toMatch(/138|1101|b-3|c-2/);
  });
});

describe('search', () => {
  it('can only ever return courses and topics, never people', async () => {
    const r = await t.as('a')('{ __type(name: "SearchResultKind") { enumValues { name } } }');
    expect(r.body.data.__type.enumValues.map((v: any) => v.name).sort()).toEqual(['COURSE', 'TOPIC']);
    expect(codes(await t.as(null)('{ search(query: "张三") { id } }'))).toEqual(['UNAUTHENTICATED']);
  });
});
