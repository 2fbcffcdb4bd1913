/**
 * Who may write what, over HTTP: each mutation by each role, and after every refused write the
 * store reads back exactly as before (members, meetings, attendance, transfers, history, plans,
 * courses). Includes the transfer that would carry an office into another branch or committee.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildMember } from '../support/builders';
import { codes } from '../support/api-world';
import { MEETING_B1, type Person, useSecureWorld } from './secure-world';

const t = useSecureWorld();
const IDS = ['m-uadmin', 'm-cadmin', 'm-sec', 'm-cm', 'm-a', 'm-b', 'm-c', 'm-d', 'w-uadmin'];
// A university administrator who sits in a branch of committee c-1, under the committee admin.
beforeAll(async () => {
  await buildMember(t.store, { id: 'w-uadmin', role: 'UNIVERSITY_ADMIN', branchId: 'b-1' });
});

/** Everything a write could touch, read straight from the store. */
async function storeState() {
  const s = t.store;
  const meetings = await s.listMeetings(['b-1', 'b-2', 'b-3'], 0, Date.UTC(2100, 0, 1));
  return JSON.stringify({
    members: await s.getMembersByIds(IDS),
    meetings,
    attendance: await s.listAttendance(meetings.map((m) => m.id)),
    transfers: await Promise.all(IDS.map((id) => s.listTransfers(id))),
    history: [...(await s.getHistoriesForMembers(IDS, { limit: 100 })).entries()],
    plans: await Promise.all(IDS.map((id) => s.getStudyPlan(id))),
    courses: await s.listCourses({}, 100, null),
  });
}

let seq = 0;
const M = {
  move: (memberId: string, toBranchId: string) =>
    ['mutation($i: MoveMemberInput!) { moveMember(input: $i) { member { id } } }', { i: { id: `w-t-${++seq}`, memberId, toBranchId, reason: '调动' } }] as const,
  createMember: (branchId: string, role = 'MEMBER') =>
    [
      'mutation($i: CreateMemberInput!) { createMember(input: $i) { id } }',
      { i: { id: `w-m-${++seq}`, name: '新党员', kind: 'STUDENT', stage: 'APPLICANT', role, branchId } },
    ] as const,
  updateMember: (id: string, input: Record<string, unknown>) =>
    ['mutation($id: ID!, $i: UpdateMemberInput!) { updateMember(id: $id, input: $i) { id } }', { id, i: input }] as const,
  attend: (memberId: string) =>
    [
      'mutation($i: RecordAttendanceInput!) { recordAttendance(input: $i) { id } }',
      { i: { meetingId: MEETING_B1, rows: [{ memberId, status: 'EXCUSED', reason: '出差' }] } },
    ] as const,
  meeting: (branchId: string) =>
    [
      'mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id } }',
      { i: { id: `w-mt-${++seq}`, branchId, kind: 'PARTY_LECTURE', title: '党课', at: '2025-02-01T06:00:00Z', minutes: 45 } },
    ] as const,
  plan: (memberId: string) => ['mutation($id: ID!) { generateStudyPlan(memberId: $id, minutesPerWeek: 60, weeks: 2) { id } }', { id: memberId }] as const,
  study: (memberId: string) =>
    ['mutation($i: RecordStudyInput!) { recordStudy(input: $i) { created } }', { i: { id: `w-s-${++seq}`, memberId, courseId: 'course-1', seconds: 60, progress: 0.5 } }] as const,
  answer: (memberId: string) =>
    ['mutation($i: RecordAnswerInput!) { recordAnswer(input: $i) { correct } }', { i: { id: `w-a-${++seq}`, memberId, questionId: 'q-1', choice: 0, seconds: 10 } }] as const,
  updateCourse: () => ['mutation { updateCourse(id: "course-2", input: { minutes: 31 }) { id } }', {}] as const,
};

// [who, what, mutation]: every one refused with FORBIDDEN and nothing written — NOT_FOUND where the
// viewer may not even read the member (HIDDEN: the answer of a member who does not exist).
const DENIED: [Person, string, readonly [string, Record<string, unknown>]][] = [
  ['sec', "a secretary moves themself into another committee's branch", M.move('m-sec', 'b-3')],
  ['sec', 'a secretary moves their branch committee member out to another committee', M.move('m-cm', 'b-3')],
  ['sec', 'a secretary moves their branch committee member to a sister branch', M.move('m-cm', 'b-2')],
  ['cadmin', 'a committee admin moves themself into another committee', M.move('m-cadmin', 'b-3')],
  ['cadmin', 'a committee admin moves a secretary into another committee', M.move('m-sec', 'b-3')],
  ['cadmin', 'a committee admin moves a university admin who outranks them', M.move('w-uadmin', 'b-2')],
  ['cm', 'a branch committee member moves a branch mate', M.move('m-a', 'b-2')],
  ['a', 'a member moves themself', M.move('m-a', 'b-2')],
  ['a', 'a member creates a member', M.createMember('b-1')],
  ['cm', 'a branch committee member creates a member', M.createMember('b-1')],
  ['sec', 'a secretary creates a member in another branch', M.createMember('b-2')],
  ['sec', 'a secretary creates a committee admin', M.createMember('b-1', 'COMMITTEE_ADMIN')],
  ['sec', 'a secretary promotes themself', M.updateMember('m-sec', { role: 'COMMITTEE_ADMIN' })],
  ['a', 'a member edits their own phone', M.updateMember('m-a', { phone: '13900000000' })],
  ['cm', 'a branch committee member edits a branch mate', M.updateMember('m-b', { stage: 'FULL' })],
  ['cadmin', "a committee admin edits another committee's member", M.updateMember('m-d', { name: '改名' })],
  ['cm', 'a branch committee member records attendance', M.attend('m-a')],
  ['cadmin', 'a committee admin creates a meeting in another committee', M.meeting('b-3')],
  ['cm', "a branch committee member generates a branch mate's plan", M.plan('m-a')],
  ['a', "a member generates a branch mate's plan", M.plan('m-b')],
  ['cadmin', "a committee admin generates another committee's member's plan", M.plan('m-d')],
  ['sec', 'a secretary records study for a member', M.study('m-a')],
  ['uadmin', 'a university admin records an answer for a member', M.answer('m-a')],
  ['sec', 'a secretary edits a course', M.updateCourse()],
];

const HIDDEN = new Set([
  "a committee admin edits another committee's member",
  "a member generates a branch mate's plan",
  "a committee admin generates another committee's member's plan",
]);

describe('refused writes', () => {
  it.each(DENIED)('%s: %s → FORBIDDEN, store unchanged', async (who, what, [query, vars]) => {
    const before = await storeState();
    const r = await t.as(who)(query, vars);
    expect(codes(r)).toEqual([HIDDEN.has(what) ? 'NOT_FOUND' : 'FORBIDDEN']);
    expect(await storeState()).toBe(before);
  });
});

// [who, what, mutation]: allowed, in an order that leaves the next ones valid.
const ALLOWED: [Person, string, readonly [string, Record<string, unknown>]][] = [
  ['a', 'a member records their own study', M.study('m-a')],
  ['a', 'a member records their own answer', M.answer('m-a')],
  ['a', 'a member generates their own plan', M.plan('m-a')],
  ['sec', "a secretary generates a branch member's plan", M.plan('m-b')],
  ['sec', 'a secretary records attendance in their branch', M.attend('m-b')],
  ['sec', 'a secretary creates a member in their branch', M.createMember('b-1', 'COMMITTEE_MEMBER')],
  ['cadmin', 'a committee admin moves a branch committee member within the committee', M.move('m-cm', 'b-2')],
  ['sec', 'a secretary sends an ordinary member to another committee (the sending side initiates)', M.move('m-b', 'b-3')],
  ['uadmin', 'a university admin moves a secretary anywhere', M.move('m-sec', 'b-2')],
  ['cadmin', 'a committee admin edits a course', M.updateCourse()],
];

describe('allowed writes', () => {
  it.each(ALLOWED)('%s: %s', async (who, _d, [query, vars]) => {
    const r = await t.as(who)(query, vars);
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data).toBeTruthy();
  });

  it('the moved office holders hold the office where an administrator over both branches put them', async () => {
    const [cm, sec, b] = await t.store.getMembersByIds(['m-cm', 'm-sec', 'm-b']);
    expect([cm.branchId, cm.role, sec.branchId, sec.role, b.branchId, b.role]).toEqual(['b-2', 'COMMITTEE_MEMBER', 'b-2', 'SECRETARY', 'b-3', 'MEMBER']);
  });
});
