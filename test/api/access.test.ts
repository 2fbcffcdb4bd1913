/**
 * The role × resource × own/other matrix, table-driven. Each row: who asks, what, and whether it
 * is allowed (data) or denied (FORBIDDEN). Scope is enforced in the services, so the same rule
 * holds through every field that reaches the resource.
 */
import { describe, expect, it } from 'vitest';
import { codes, type Person, useApiWorld } from '../support/api-world';

const t = useApiWorld();

const FROM = '2025-01-01T00:00:00Z';
const TO = '2025-07-01T00:00:00Z';

type Probe = { query: string; vars?: Record<string, unknown> };
const readMember = (id: string): Probe => ({ query: 'query($id: ID!) { member(id: $id) { id } }', vars: { id } });
const readBranchLife = (branchId: string): Probe => ({
  query: 'query($b: ID!, $f: DateTime!, $t: DateTime!) { branchLife(branchId: $b, from: $f, to: $t) { missingCount } }',
  vars: { b: branchId, f: FROM, t: TO },
});
const readMeetings = (branchId: string): Probe => ({
  query: 'query($b: ID!, $f: DateTime!, $t: DateTime!) { meetings(branchId: $b, from: $f, to: $t) { id } }',
  vars: { b: branchId, f: FROM, t: TO },
});
let seq = 0;
const createMeeting = (branchId: string): Probe => ({
  query: `mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id } }`,
  vars: { i: { id: `acc-mt-${++seq}`, branchId, kind: 'THEME_DAY', title: '主题党日', at: '2025-03-05T06:00:00Z', minutes: 60 } },
});
const updateMember = (id: string): Probe => ({
  query: 'mutation($id: ID!) { updateMember(id: $id, input: { stage: FULL }) { id } }',
  vars: { id },
});
const recordStudy = (memberId: string): Probe => ({
  query: 'mutation($i: RecordStudyInput!) { recordStudy(input: $i) { created } }',
  vars: { i: { id: `acc-s-${++seq}`, memberId, courseId: 'course-1', seconds: 60, progress: 0.2 } },
});
const createCourse = (): Probe => ({
  query: 'mutation($i: CreateCourseInput!) { createCourse(input: $i) { id } }',
  vars: { i: { id: `acc-c-${++seq}`, title: '新课程', summary: '简介。', kind: 'ARTICLE', minutes: 5 } },
});

// [who, description, probe, allowed]
const MATRIX: [Person, string, () => Probe, boolean][] = [
  // read a member: own / same branch / other branch in committee / other committee
  ['a', 'member reads self', () => readMember('m-a'), true],
  ['a', 'member reads a branch mate', () => readMember('m-b'), false],
  ['cm', 'committee member reads own branch', () => readMember('m-a'), true],
  ['cm', 'committee member reads other branch', () => readMember('m-c'), false],
  ['sec', 'secretary reads own branch', () => readMember('m-a'), true],
  ['sec', 'secretary reads other branch', () => readMember('m-c'), false],
  ['cadmin', 'committee admin reads committee branch', () => readMember('m-a'), true],
  ['cadmin', 'committee admin reads other committee', () => readMember('m-d'), false],
  ['uadmin', 'university admin reads anyone', () => readMember('m-d'), true],
  // branch organizational life
  ['a', 'member reads own branch life', () => readBranchLife('b-1'), false],
  ['cm', 'committee member reads own branch life', () => readBranchLife('b-1'), true],
  ['sec', 'secretary reads own branch life', () => readBranchLife('b-1'), true],
  ['sec', 'secretary reads other branch life', () => readBranchLife('b-2'), false],
  ['cadmin', 'committee admin reads committee branch meetings', () => readMeetings('b-1'), true],
  ['cadmin', 'committee admin reads other committee meetings', () => readMeetings('b-3'), false],
  ['uadmin', 'university admin reads any branch meetings', () => readMeetings('b-3'), true],
  // manage meetings
  ['a', 'member creates a meeting', () => createMeeting('b-1'), false],
  ['cm', 'committee member creates a meeting', () => createMeeting('b-1'), false],
  ['sec', 'secretary creates a meeting in own branch', () => createMeeting('b-1'), true],
  ['sec', 'secretary creates a meeting in other branch', () => createMeeting('b-2'), false],
  ['cadmin', 'committee admin creates a meeting in committee branch', () => createMeeting('b-2'), true],
  ['cadmin', 'committee admin creates a meeting in other committee', () => createMeeting('b-3'), false],
  ['uadmin', 'university admin creates a meeting anywhere', () => createMeeting('b-3'), true],
  // manage members
  ['a', 'member updates self', () => updateMember('m-a'), false],
  ['cm', 'committee member updates a branch mate', () => updateMember('m-b'), false],
  ['sec', 'secretary updates own branch member', () => updateMember('m-b'), true],
  ['sec', 'secretary updates other branch member', () => updateMember('m-c'), false],
  ['cadmin', 'committee admin updates committee member', () => updateMember('m-c'), true],
  ['cadmin', 'committee admin updates other committee member', () => updateMember('m-d'), false],
  ['uadmin', 'university admin updates anyone', () => updateMember('m-d'), true],
  // own learning events
  ['a', 'member records own study', () => recordStudy('m-a'), true],
  ['a', 'member records study for another', () => recordStudy('m-b'), false],
  ['sec', 'secretary records study for a member', () => recordStudy('m-a'), false],
  // courses
  ['sec', 'secretary creates a course', () => createCourse(), false],
  ['cadmin', 'committee admin creates a course', () => createCourse(), true],
  ['uadmin', 'university admin creates a course', () => createCourse(), true],
];

/** Denied because the viewer may not even read the member: NOT_FOUND, as for a member who does not exist (server/auth/scope.ts). */
const HIDDEN = new Set([
  'member reads a branch mate',
  'committee member reads other branch',
  'secretary reads other branch',
  'committee admin reads other committee',
  'secretary updates other branch member',
  'committee admin updates other committee member',
]);

describe('access matrix', () => {
  it.each(MATRIX)('%s: %s → allowed %s', async (who, desc, probe, allowed) => {
    const p = probe();
    const r = await t.as(who)(p.query, p.vars);
    if (allowed) {
      expect(r.body.errors).toBeUndefined();
      expect(r.body.data).toBeTruthy();
    } else {
      expect(codes(r)).toEqual([HIDDEN.has(desc) ? 'NOT_FOUND' : 'FORBIDDEN']);
    }
  });

  it('a denied write leaves nothing behind', async () => {
    const r = await t.as('sec')(createMeeting('b-2').query, { i: { id: 'denied-mt', branchId: 'b-2', kind: 'THEME_DAY', title: 'x', at: FROM, minutes: 30 } });
    expect(codes(r)).toEqual(['FORBIDDEN']);
    expect(await t.store.getMeetingsByIds(['denied-mt'])).toEqual([]);
  });

  it('lists are narrowed to scope, not refused', async () => {
    const q = '{ members(first: 100) { totalCount nodes { id } } }';
    const ids = async (who: Person) => (await t.as(who)(q)).body.data.members.nodes.map((m: { id: string }) => m.id);
    expect(await ids('a')).toEqual(['m-a']);
    expect(await ids('cm')).toEqual(['m-a', 'm-b', 'm-cm', 'm-sec']);
    expect(await ids('cadmin')).toEqual(['m-a', 'm-b', 'm-c', 'm-cadmin', 'm-cm', 'm-sec']);
    expect(await ids('uadmin')).toHaveLength(8);
  });

  it('organization names are readable by every signed-in viewer, members below them are not', async () => {
    const r = await t.as('a')('{ branch(id: "b-3") { name members { totalCount } } }');
    expect(r.body).toMatchInlineSnapshot(`
      {
        "data": {
          "branch": {
            "members": {
              "totalCount": 0,
            },
            "name": "文学院学生党支部",
          },
        },
      }
    `);
  });

  it('a secretary cannot hand out an office above their own', async () => {
    const r = await t.as('sec')('mutation { updateMember(id: "m-b", input: { role: COMMITTEE_ADMIN }) { role } }');
    expect(codes(r)).toEqual(['FORBIDDEN']);
    expect((await t.store.getMembersByIds(['m-b']))[0].role).toBe('MEMBER');
  });
});
