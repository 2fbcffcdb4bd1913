/**
 * Phone and ID number are masked for everyone but the person, through every field of the schema
 * that returns a Member. The schema itself is checked first: a new field that returns a Member, or
 * a new output field named like an identifier, fails here until it is added to the table below.
 */
import { describe, expect, it } from 'vitest';
import { codes } from '../support/api-world';
import { MASKED, MEETING_B1, type Person, RAW, useSecureWorld } from './secure-world';

const t = useSecureWorld();
const FIELDS = 'id phone idNumber';

/** Every path to a Member in the schema → a query that reaches m-a through it, and where m-a sits in the answer. */
const PATHS: Record<string, { query: string; pick: (d: any) => any }> = {
  'Query.member': { query: `{ member(id: "m-a") { ${FIELDS} } }`, pick: (d) => d.member },
  'MemberConnection.nodes': { query: `{ members(filter: { nameContains: "张三" }) { nodes { ${FIELDS} } } }`, pick: (d) => d.members.nodes[0] },
  'MemberEdge.node': { query: `{ branch(id: "b-1") { members(filter: { nameContains: "张三" }) { edges { node { ${FIELDS} } } } } }`, pick: (d) => d.branch.members.edges[0].node },
  'Attendance.member': {
    query: `{ meeting(id: "${MEETING_B1}") { attendance { member { ${FIELDS} } } } }`,
    pick: (d) => d.meeting.attendance.map((a: any) => a.member).find((m: any) => m.id === 'm-a'),
  },
  'MasteryProfile.member': { query: `{ mastery(memberId: "m-a") { member { ${FIELDS} } } }`, pick: (d) => d.mastery.member },
  'BranchGapRow.member': {
    query: `{ branchGaps(branchId: "b-1") { rows { member { ${FIELDS} } } } }`,
    pick: (d) => d.branchGaps.rows.map((r: any) => r.member).find((m: any) => m.id === 'm-a'),
  },
  'StudyPlan.member': { query: `mutation { generateStudyPlan(memberId: "m-a", minutesPerWeek: 60, weeks: 1) { member { ${FIELDS} } } }`, pick: (d) => d.generateStudyPlan.member },
  'Mutation.updateMember': { query: `mutation { updateMember(id: "m-a", input: {}) { ${FIELDS} } }`, pick: (d) => d.updateMember },
  'Viewer.member': { query: `{ viewer { member { ${FIELDS} } } }`, pick: (d) => d.viewer.member },
  'Mutation.createMember': { query: '', pick: () => null },
  // Administrators only (FORBIDDEN for the other readers): checked on its own below.
  'AccountListItem.member': { query: '', pick: () => null },
  'MoveMemberPayload.member': { query: '', pick: () => null },
  'PipelineView.member': { query: `{ pipeline(memberId: "m-a") { member { ${FIELDS} } } }`, pick: (d) => d.pipeline.member },
  // Full and probationary members only (m-a is an activist); they are read through getMember, masked like these.
  'Query.membersWithoutYearlyTalk': { query: '', pick: () => null },
  // Dues and notices name Party members and audiences m-a is not part of in this world.
  'MemberDues.member': { query: '', pick: () => null },
  'BranchDuesPrompt.member': { query: '', pick: () => null },
  'NoticeStats.unread': { query: '', pick: () => null },
};

describe('the schema', () => {
  it('returns a Member only through the fields this suite checks, and names identifiers only on Member', async () => {
    const r = await t.as('uadmin')('{ __schema { types { name kind fields { name type { name kind ofType { name kind ofType { name kind ofType { name } } } } } } } }');
    const named = (ty: any): string => ty.name ?? named(ty.ofType);
    const toMember: string[] = [];
    const identifiers: string[] = [];
    for (const type of r.body.data.__schema.types) {
      if (type.kind !== 'OBJECT' || type.name.startsWith('__')) continue;
      for (const f of type.fields) {
        if (named(f.type) === 'Member') toMember.push(`${type.name}.${f.name}`);
        if (/phone|idnumber|mobile|identity/i.test(f.name)) identifiers.push(`${type.name}.${f.name}`);
      }
    }
    expect(toMember.sort()).toEqual(Object.keys(PATHS).sort());
    expect(identifiers.sort()).toEqual(['Member.idNumber', 'Member.phone']);
  });
});

const READERS: Person[] = ['cm', 'sec', 'cadmin', 'uadmin'];
const READ_PATHS = Object.entries(PATHS).filter(([k, p]) => p.query && k !== 'Viewer.member');

describe('masked for everyone but the person', () => {
  it.each(READERS.flatMap((who) => READ_PATHS.map(([path]) => [who, path] as const)))('%s sees m-a through %s masked', async (who, path) => {
    const p = PATHS[path];
    // A branch committee member only reads; the secretary writes for them in the two mutation paths.
    const asker = who === 'cm' && (path.startsWith('Mutation') || path === 'StudyPlan.member') ? 'sec' : who;
    const r = await t.as(asker)(p.query);
    expect(r.body.errors).toBeUndefined();
    expect(p.pick(r.body.data)).toEqual({ id: 'm-a', ...MASKED });
    expect(JSON.stringify(r.body)).not.toContain(RAW.phone);
  });

  it.each(READ_PATHS.map(([path]) => [path]))('m-a sees themself through %s unmasked', async (path) => {
    const p = PATHS[path];
    const allowedForMember = !['Attendance.member', 'BranchGapRow.member', 'Mutation.updateMember'].includes(path);
    // The meeting of a branch a member may not read answers as a meeting that does not exist
    // (server/auth/scope.ts); the branch's gaps and editing themself stay FORBIDDEN.
    if (!allowedForMember) return expect(codes(await t.as('a')(p.query))).toEqual([path === 'Attendance.member' ? 'NOT_FOUND' : 'FORBIDDEN']);
    const r = await t.as('a')(p.query);
    expect(r.body.errors).toBeUndefined();
    expect(p.pick(r.body.data)).toEqual({ id: 'm-a', ...RAW });
  });

  it.each(['cadmin', 'uadmin'] as const)('%s sees m-a through AccountListItem.member masked; m-a may not list accounts', async (who) => {
    const q = `{ accountList(search: "张三") { items { member { ${FIELDS} } } } }`;
    const r = await t.as(who)(q);
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.accountList.items.map((x: any) => x.member).find((m: any) => m.id === 'm-a')).toEqual({ id: 'm-a', ...MASKED });
    expect(JSON.stringify(r.body)).not.toContain(RAW.phone);
    expect(codes(await t.as('a')(q))).toEqual(['FORBIDDEN']);
  });

  it('m-a sees themself as the viewer unmasked', async () => {
    expect((await t.as('a')(PATHS['Viewer.member'].query)).body.data.viewer.member).toEqual({ id: 'm-a', ...RAW });
  });

  it('a member created or moved with identifiers comes back masked to the secretary who typed them', async () => {
    const created = await t.as('sec')(`mutation { createMember(input: { id: "mask-new", name: "新人", kind: STUDENT, stage: APPLICANT, branchId: "b-1",
      phone: "13712345678", idNumber: "11010119900101555X" }) { ${FIELDS} } }`);
    expect(created.body.data.createMember).toEqual({ id: 'mask-new', phone: '137****5678', idNumber: '1101**********555X' });
    const moved = await t.as('sec')(`mutation { moveMember(input: { memberId: "mask-new", toBranchId: "b-2", reason: "调动" }) { member { ${FIELDS} } } }`);
    expect(moved.body.data.moveMember.member).toEqual({ id: 'mask-new', phone: '137****5678', idNumber: '1101**********555X' });
    const own = await t.server.gql(`{ viewer { member { ${FIELDS} } } }`, {}, await t.server.tokenFor('mask-new'));
    expect(own.body.data.viewer.member).toEqual({ id: 'mask-new', phone: '13712345678', idNumber: '11010119900101555X' });
  });
});
