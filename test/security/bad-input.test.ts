/**
 * Bad input to every mutation and paged read, from a viewer allowed to make it: BAD_USER_INPUT
 * naming the field (or NOT_FOUND naming the id), and the store reads back exactly as before.
 */
import { describe, expect, it } from 'vitest';
import { type Person, MEETING_B1, useSecureWorld } from './secure-world';

const t = useSecureWorld();
const IDS = ['m-uadmin', 'm-cadmin', 'm-sec', 'm-cm', 'm-a', 'm-b', 'm-c', 'm-d'];

async function storeState() {
  const s = t.store;
  const meetings = await s.listMeetings(['b-1', 'b-2', 'b-3'], 0, Date.UTC(2100, 0, 1));
  return JSON.stringify({
    members: await s.listMembers({}, 100, null),
    meetings,
    attendance: await s.listAttendance(meetings.map((m) => m.id)),
    transfers: await Promise.all(IDS.map((id) => s.listTransfers(id))),
    history: [...(await s.getHistoriesForMembers(IDS, { limit: 100 })).entries()],
    plans: await Promise.all(IDS.map((id) => s.getStudyPlan(id))),
    courses: await s.listCourses({}, 100, null),
  });
}

const STUDY = 'mutation($i: RecordStudyInput!) { recordStudy(input: $i) { created } }';
const ANSWER = 'mutation($i: RecordAnswerInput!) { recordAnswer(input: $i) { correct } }';
const CREATE_MEMBER = 'mutation($i: CreateMemberInput!) { createMember(input: $i) { id } }';
const UPDATE_MEMBER = 'mutation($id: ID!, $i: UpdateMemberInput!) { updateMember(id: $id, input: $i) { id } }';
const MOVE = 'mutation($i: MoveMemberInput!) { moveMember(input: $i) { member { id } } }';
const MEETING = 'mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id } }';
const ATTEND = 'mutation($i: RecordAttendanceInput!) { recordAttendance(input: $i) { id } }';
const COURSE = 'mutation($i: CreateCourseInput!) { createCourse(input: $i) { id } }';
const PLAN = 'mutation($id: ID!, $m: Int!, $w: Int!) { generateStudyPlan(memberId: $id, minutesPerWeek: $m, weeks: $w) { id } }';

const study = (p: Record<string, unknown>) => ({ i: { id: 'bad-s', memberId: 'm-a', courseId: 'course-1', seconds: 60, progress: 0.5, ...p } });
const member = (p: Record<string, unknown>) => ({ i: { id: 'bad-m', name: '新人', kind: 'STUDENT', stage: 'APPLICANT', branchId: 'b-1', ...p } });
const meeting = (p: Record<string, unknown>) => ({ i: { id: 'bad-mt', branchId: 'b-1', kind: 'THEME_DAY', title: '主题党日', at: '2025-03-01T06:00:00Z', minutes: 30, ...p } });
const course = (p: Record<string, unknown>) => ({ i: { id: 'bad-c', title: '课', summary: '简介。', kind: 'ARTICLE', minutes: 5, ...p } });
const LONG = (n: number) => '党'.repeat(n);

// [who, what, query, variables, code, the field (or the id NOT_FOUND names, or ~value in the message)]
const BAD: [Person, string, string, Record<string, unknown>, 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT', string][] = [
  ['a', 'negative seconds', STUDY, study({ seconds: -1 }), 'BAD_USER_INPUT', 'seconds'],
  ['a', 'progress above 1', STUDY, study({ progress: 1.5 }), 'BAD_USER_INPUT', 'progress'],
  ['a', 'a study in the future', STUDY, study({ at: '2999-01-01T00:00:00Z' }), 'BAD_USER_INPUT', 'at'],
  ['a', 'an unknown course', STUDY, study({ courseId: 'c-404' }), 'NOT_FOUND', 'c-404'],
  ['a', 'a malformed event id', STUDY, study({ id: 'a b' }), 'BAD_USER_INPUT', 'id'],
  ['a', 'a choice that is no option', ANSWER, { i: { memberId: 'm-a', questionId: 'q-1', choice: 7, seconds: 5 } }, 'BAD_USER_INPUT', 'choice'],
  ['a', 'an unknown question', ANSWER, { i: { memberId: 'm-a', questionId: 'q-404', choice: 0, seconds: 5 } }, 'NOT_FOUND', 'q-404'],
  ['sec', 'an empty name', CREATE_MEMBER, member({ name: '  ' }), 'BAD_USER_INPUT', 'name'],
  ['sec', 'an over-long name', CREATE_MEMBER, member({ name: LONG(51) }), 'BAD_USER_INPUT', 'name'],
  ['sec', 'a malformed phone', CREATE_MEMBER, member({ phone: '12345' }), 'BAD_USER_INPUT', 'phone'],
  ['sec', 'a malformed ID number', CREATE_MEMBER, member({ idNumber: '11010119900101123Y' }), 'BAD_USER_INPUT', 'idNumber'],
  ['sec', 'an unknown group', CREATE_MEMBER, member({ groupId: 'g-404' }), 'NOT_FOUND', 'g-404'],
  ['sec', 'an unknown branch', CREATE_MEMBER, member({ branchId: 'b-404' }), 'NOT_FOUND', 'b-404'],
  ['sec', 'a join date in the future', CREATE_MEMBER, member({ since: '2999-01-01T00:00:00Z' }), 'BAD_USER_INPUT', 'since'],
  ['sec', 'an existing id', CREATE_MEMBER, member({ id: 'm-b' }), 'CONFLICT', 'id'],
  ['sec', 'an unknown enum value', CREATE_MEMBER, member({ kind: 'ALIEN' }), 'BAD_USER_INPUT', '~ALIEN'],
  ['sec', 'a phone on update', UPDATE_MEMBER, { id: 'm-b', i: { phone: '1381234567' } }, 'BAD_USER_INPUT', 'phone'],
  ['uadmin', 'an unknown member on update', UPDATE_MEMBER, { id: 'm-404', i: { name: '某' } }, 'NOT_FOUND', 'm-404'],
  ['sec', 'an over-long reason', MOVE, { i: { memberId: 'm-b', toBranchId: 'b-2', reason: LONG(501) } }, 'BAD_USER_INPUT', 'reason'],
  ['sec', 'an unknown target branch', MOVE, { i: { memberId: 'm-b', toBranchId: 'b-404', reason: '调动' } }, 'NOT_FOUND', 'b-404'],
  ['sec', 'an empty title', MEETING, meeting({ title: '' }), 'BAD_USER_INPUT', 'title'],
  ['sec', 'zero minutes', MEETING, meeting({ minutes: 0 }), 'BAD_USER_INPUT', 'minutes'],
  ['sec', 'an over-long record', MEETING, meeting({ record: LONG(20_001) }), 'BAD_USER_INPUT', 'record'],
  ['sec', 'an unknown topic', MEETING, meeting({ topicIds: ['t-404'] }), 'NOT_FOUND', 't-404'],
  ['sec', 'no attendance rows', ATTEND, { i: { meetingId: MEETING_B1, rows: [] } }, 'BAD_USER_INPUT', 'rows'],
  [
    'sec',
    'a member listed twice',
    ATTEND,
    {
      i: {
        meetingId: MEETING_B1,
        rows: [
          { memberId: 'm-a', status: 'PRESENT' },
          { memberId: 'm-a', status: 'ABSENT' },
        ],
      },
    },
    'BAD_USER_INPUT',
    'rows[1].memberId',
  ],
  ['sec', 'an unknown attendee', ATTEND, { i: { meetingId: MEETING_B1, rows: [{ memberId: 'm-404', status: 'PRESENT' }] } }, 'NOT_FOUND', 'm-404'],
  ['sec', 'an unknown meeting', ATTEND, { i: { meetingId: 'mt-404', rows: [{ memberId: 'm-a', status: 'PRESENT' }] } }, 'NOT_FOUND', 'mt-404'],
  ['uadmin', 'an over-long course title', COURSE, course({ title: LONG(101) }), 'BAD_USER_INPUT', 'title'],
  ['uadmin', 'a zero topic weight', COURSE, course({ topics: [{ topicId: 'history', weight: 0 }] }), 'BAD_USER_INPUT', 'topics[0].weight'],
  ['a', 'a budget below 15 minutes', PLAN, { id: 'm-a', m: 5, w: 2 }, 'BAD_USER_INPUT', 'minutesPerWeek'],
  ['a', 'more than 52 weeks', PLAN, { id: 'm-a', m: 60, w: 53 }, 'BAD_USER_INPUT', 'weeks'],
  ['sec', 'a plan for an unknown member', PLAN, { id: 'm-404', m: 60, w: 2 }, 'NOT_FOUND', 'm-404'],
  ['sec', 'a page of 101', 'query { members(first: 101) { totalCount } }', {}, 'BAD_USER_INPUT', 'first'],
  ['a', 'an access trail page of 0', 'query { accessRecords(memberId: "m-a", first: 0) { id } }', {}, 'BAD_USER_INPUT', 'first'],
  ['a', '21 practice questions', 'query { practiceQuestions(memberId: "m-a", first: 21) { reason } }', {}, 'BAD_USER_INPUT', 'first'],
  [
    'sec',
    'a period that ends before it starts',
    'query { branchLife(branchId: "b-1", from: "2025-06-01T00:00:00Z", to: "2025-01-01T00:00:00Z") { missingCount } }',
    {},
    'BAD_USER_INPUT',
    'to',
  ],
];

describe('bad input names the field and writes nothing', () => {
  it.each(BAD)('%s: %s', async (who, _d, query, vars, code, name) => {
    const before = await storeState();
    const r = await t.as(who)(query, vars);
    expect(r.body.errors).toHaveLength(1);
    const e = r.body.errors[0];
    expect(e.extensions.code).toBe(code);
    if (code === 'NOT_FOUND') expect(e.message).toMatch(new RegExp(`"${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}" not found`));
    // '~x': a request-level error (an enum literal) names the value in its message.
    else if (name.startsWith('~')) expect(e.message).toContain(name.slice(1));
    else expect(e.extensions.field).toBe(name);
    expect(await storeState()).toBe(before);
  });
});
