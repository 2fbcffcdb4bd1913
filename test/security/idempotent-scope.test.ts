/**
 * Idempotent creates and replays over HTTP: an id that already exists is checked against the
 * stored row's owner and the viewer's scope. A mismatch answers CONFLICT and the response carries
 * nothing of the stored row; the store reads back exactly as before (no re-tagging, no re-homing).
 * A true retry (same owner, same viewer scope) still answers as the first call did.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { T0 } from '../support/builders';
import { codes } from '../support/api-world';
import { stringsOf, useSecureWorld } from './secure-world';

const t = useSecureWorld();
const SECRET_TITLE = '教工支部内部会议';
const SECRET_RECORD = '只给本支部看的会议记录：讨论发展对象王五';

beforeAll(async () => {
  await t.store.createMeeting({
    id: 'sec-b2-planned',
    branchId: 'b-2',
    kind: 'PARTY_LECTURE',
    title: SECRET_TITLE,
    at: T0 + 7 * 86_400_000,
    minutes: 90,
    record: SECRET_RECORD,
    topics: [{ topicId: 'history', weight: 1, source: 'MANUAL', confidence: 1 }],
  });
  await t.store.recordStudy({ id: 'sec-s-a', memberId: 'm-a', courseId: 'course-1', at: T0, seconds: 600, progress: 0.4 });
  await t.store.recordAnswer({ id: 'sec-ans-a', memberId: 'm-a', questionId: 'q-1', at: T0, correct: true, seconds: 20 });
});

const MEETING = `mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id branch { id } title at record topics { topic { id } } } }`;
const meetingInput = (id: string, branchId: string) => ({ i: { id, branchId, kind: 'THEME_DAY', title: '主题党日', at: '2025-03-01T06:00:00Z', minutes: 60, record: '新记录' } });

/** Nothing in the body mentions what only the stored row holds. */
function expectNoLeak(body: unknown, secrets: string[]): void {
  const text = stringsOf(body).join('\n');
  for (const s of secrets) expect(text).not.toContain(s);
}

describe('createMeeting with an id of another branch', () => {
  it("answers CONFLICT to the secretary of b-1 and returns nothing of b-2's meeting", async () => {
    const before = await t.store.getMeetingsByIds(['sec-b2-planned']);
    const r = await t.as('sec')(MEETING, meetingInput('sec-b2-planned', 'b-1'));
    expect(codes(r)).toEqual(['CONFLICT']);
    expect(r.body.data).toBeNull();
    expectNoLeak(r.body, [SECRET_TITLE, SECRET_RECORD, 'b-2']);
    expect(await t.store.getMeetingsByIds(['sec-b2-planned'])).toEqual(before);
    expect(await t.store.listMeetings(['b-1'], T0 + 50 * 86_400_000, T0 + 70 * 86_400_000)).toEqual([]);
  });

  it('answers CONFLICT even to an administrator over both branches (the owner differs)', async () => {
    const before = await t.store.getMeetingsByIds(['sec-b2-planned']);
    const r = await t.as('cadmin')(MEETING, meetingInput('sec-b2-planned', 'b-1'));
    expect(codes(r)).toEqual(['CONFLICT']);
    expectNoLeak(r.body, [SECRET_TITLE, SECRET_RECORD]);
    expect(await t.store.getMeetingsByIds(['sec-b2-planned'])).toEqual(before);
  });

  it('still answers a true retry (same branch, a manager of it) with the stored meeting, unchanged', async () => {
    const first = await t.as('sec')(MEETING, meetingInput('sec-b1-retry', 'b-1'));
    expect(first.body.errors).toBeUndefined();
    const stored = await t.store.getMeetingsByIds(['sec-b1-retry']);
    const again = await t.as('sec')(MEETING, { i: { ...meetingInput('sec-b1-retry', 'b-1').i, title: '改过的标题' } });
    expect(again.body.errors).toBeUndefined();
    expect(again.body.data.createMeeting).toEqual(first.body.data.createMeeting);
    expect(await t.store.getMeetingsByIds(['sec-b1-retry'])).toEqual(stored);
  });
});

describe('createMember and createCourse with an id in use', () => {
  it('answers CONFLICT for a member of another committee and returns nothing of them', async () => {
    const before = await t.store.getMembersByIds(['m-d']);
    const r = await t.as('sec')('mutation($i: CreateMemberInput!) { createMember(input: $i) { id name branch { id } } }', {
      i: { id: 'm-d', name: '新党员', kind: 'STUDENT', stage: 'APPLICANT', branchId: 'b-1' },
    });
    expect(codes(r)).toEqual(['CONFLICT']);
    expectNoLeak(r.body, ['赵六', 'b-3']);
    expect(await t.store.getMembersByIds(['m-d'])).toEqual(before);
  });

  it('answers CONFLICT for an existing course and leaves it as it was', async () => {
    const before = await t.store.getCoursesByIds(['course-2']);
    const r = await t.as('uadmin')('mutation($i: CreateCourseInput!) { createCourse(input: $i) { id title } }', {
      i: { id: 'course-2', title: '覆盖', summary: '覆盖', kind: 'ARTICLE', minutes: 10 },
    });
    expect(codes(r)).toEqual(['CONFLICT']);
    expect(await t.store.getCoursesByIds(['course-2'])).toEqual(before);
  });
});

describe("learning events with another member's event id", () => {
  const history = async () => JSON.stringify(await t.store.getMemberHistory('m-a', { limit: 50 }));

  it("recordStudy answers CONFLICT and m-a's history is untouched", async () => {
    const before = await history();
    const r = await t.as('b')('mutation($i: RecordStudyInput!) { recordStudy(input: $i) { created study { id } } }', {
      i: { id: 'sec-s-a', memberId: 'm-b', courseId: 'course-1', seconds: 60, progress: 0.5 },
    });
    expect(codes(r)).toEqual(['CONFLICT']);
    expect(r.body.data).toBeNull();
    expect(await history()).toBe(before);
  });

  it("recordAnswer answers CONFLICT and m-a's history is untouched", async () => {
    const before = await history();
    const r = await t.as('b')('mutation($i: RecordAnswerInput!) { recordAnswer(input: $i) { created correct } }', {
      i: { id: 'sec-ans-a', memberId: 'm-b', questionId: 'q-1', choice: 0, seconds: 5 },
    });
    expect(codes(r)).toEqual(['CONFLICT']);
    expect(r.body.data).toBeNull();
    expect(await history()).toBe(before);
  });
});

describe('moveMember with a transfer id already recorded', () => {
  const MOVE = 'mutation($i: MoveMemberInput!) { moveMember(input: $i) { member { id branch { id } } transfer { id reason fromBranchId toBranchId } } }';

  it('answers CONFLICT when the recorded move is no longer in effect, and moves nothing', async () => {
    // sec-t-1 moved m-b to b-2 and sec-t-2 moved them back: replaying sec-t-1 must not report a move that did not happen.
    const before = JSON.stringify([await t.store.getMembersByIds(['m-b']), await t.store.listTransfers('m-b')]);
    const r = await t.as('sec')(MOVE, { i: { id: 'sec-t-1', memberId: 'm-b', toBranchId: 'b-2', reason: '再次调动' } });
    expect(codes(r)).toEqual(['CONFLICT']);
    expectNoLeak(r.body, ['借调']);
    expect(JSON.stringify([await t.store.getMembersByIds(['m-b']), await t.store.listTransfers('m-b')])).toBe(before);
  });

  it("answers CONFLICT for another member's transfer id and moves nothing", async () => {
    const before = JSON.stringify([await t.store.getMembersByIds(['m-a']), await t.store.listTransfers('m-a')]);
    const r = await t.as('sec')(MOVE, { i: { id: 'sec-t-2', memberId: 'm-a', toBranchId: 'b-2', reason: '调动' } });
    expect(codes(r)).toEqual(['CONFLICT']);
    expectNoLeak(r.body, ['借调']);
    expect(JSON.stringify([await t.store.getMembersByIds(['m-a']), await t.store.listTransfers('m-a')])).toBe(before);
  });

  it('answers a true retry by the sending secretary as the first call did', async () => {
    const input = { i: { id: 'sec-t-retry', memberId: 'm-a', toBranchId: 'b-2', reason: '工作调动' } };
    const first = await t.as('sec')(MOVE, input);
    expect(first.body.errors).toBeUndefined();
    const transfers = await t.store.listTransfers('m-a');
    const again = await t.as('sec')(MOVE, input);
    expect(again.body.errors).toBeUndefined();
    expect(again.body.data.moveMember.transfer).toEqual(first.body.data.moveMember.transfer);
    expect(await t.store.listTransfers('m-a')).toEqual(transfers);
  });
});
