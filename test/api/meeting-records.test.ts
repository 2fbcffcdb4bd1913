/**
 * Attendance with absence reasons and minutes edited afterwards, through the API: who may write and read a
 * reason (the member, the branch's managers; audited), each bad input named with nothing written, and the
 * minutes' history with who changed them and when.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { codes, useApiWorld } from '../support/api-world';

const t = useApiWorld();
const CREATE = 'mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id } }';
const ATTEND = 'mutation($i: RecordAttendanceInput!) { recordAttendance(input: $i) { id attendance { memberId status reason } } }';
const READ = 'query($id: ID!) { meeting(id: $id) { record attendance { memberId status reason } recordEdits { at previous byId byName } } }';
const EDIT = 'mutation($i: UpdateMeetingRecordInput!) { updateMeetingRecord(input: $i) { id record recordEdits { previous byId byName } } }';

beforeAll(async () => {
  const r = await t.as('sec')(CREATE, {
    i: { id: 'mt-x', branchId: 'b-1', kind: 'BRANCH_ASSEMBLY', title: '支部党员大会', at: '2025-03-01T06:00:00Z', minutes: 60, record: '初稿' },
  });
  expect(r.body.errors).toBeUndefined();
});

describe('attendance with absence reasons', () => {
  it('keeps the reason for excused and absent members, shown to the secretary', async () => {
    const r = await t.as('sec')(ATTEND, {
      i: {
        meetingId: 'mt-x',
        rows: [
          { memberId: 'm-a', status: 'EXCUSED', reason: '外出实习' },
          { memberId: 'm-b', status: 'ABSENT' },
          { memberId: 'm-cm', status: 'PRESENT' },
        ],
      },
    });
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.recordAttendance.attendance).toEqual([
      { memberId: 'm-a', status: 'EXCUSED', reason: '外出实习' },
      { memberId: 'm-b', status: 'ABSENT', reason: null },
      { memberId: 'm-cm', status: 'PRESENT', reason: null },
    ]);
    expect((await t.store.listAccess({ targetId: 'm-a', limit: 100 })).map((x) => x.action)).toEqual(expect.arrayContaining(['WRITE_ABSENCE_REASON', 'READ_ABSENCE_REASON']));
  });

  it("shows the reason to the branch's managers only: a branch committee member reading the meeting gets null", async () => {
    const cm = await t.as('cm')(READ, { id: 'mt-x' });
    expect(cm.body.errors, JSON.stringify(cm.body.errors)).toBeUndefined();
    expect(cm.body.data.meeting.attendance.find((x: { memberId: string }) => x.memberId === 'm-a')).toEqual({ memberId: 'm-a', status: 'EXCUSED', reason: null });
    const admin = await t.as('cadmin')(READ, { id: 'mt-x' });
    expect(admin.body.data.meeting.attendance.find((x: { memberId: string }) => x.memberId === 'm-a').reason).toBe('外出实习');
    // Outside read scope the meeting is as good as unknown (NOT_FOUND, as for any target one may not read).
    expect(codes(await t.as('a')(READ, { id: 'mt-x' }))).toEqual(['NOT_FOUND']);
    expect(codes(await t.as('d')(READ, { id: 'mt-x' }))).toEqual(['NOT_FOUND']);
    const reads = await t.store.listAccess({ targetId: 'm-a', limit: 100 });
    expect(reads.some((x) => x.action === 'READ_ABSENCE_REASON' && x.viewerId === 'm-cadmin')).toBe(true);
    expect(reads.some((x) => x.action === 'READ_ABSENCE_REASON' && x.viewerId === 'm-cm')).toBe(false);
  });

  it('names each bad row and writes nothing', async () => {
    const before = await t.store.listAbsenceReasons(['mt-x']);
    const cases: [Record<string, unknown>[], string][] = [
      [[{ memberId: 'm-a', status: 'EXCUSED' }], 'rows[0].reason'],
      [
        [
          { memberId: 'm-b', status: 'ABSENT', reason: '病假' },
          { memberId: 'm-a', status: 'PRESENT', reason: '迟到' },
        ],
        'rows[1].reason',
      ],
      [[{ memberId: 'm-a', status: 'ABSENT', reason: '长'.repeat(201) }], 'rows[0].reason'],
      [
        [
          { memberId: 'm-b', status: 'ABSENT', reason: '病假' },
          { memberId: 'm-a', status: 'EXCUSED', reason: '   ' },
        ],
        'rows[1].reason',
      ],
    ];
    for (const [rows, field] of cases) {
      const r = await t.as('sec')(ATTEND, { i: { meetingId: 'mt-x', rows } });
      expect(codes(r), field).toEqual(['BAD_USER_INPUT']);
      expect(r.body.errors[0].extensions.field).toBe(field);
    }
    expect(codes(await t.as('a')(ATTEND, { i: { meetingId: 'mt-x', rows: [{ memberId: 'm-a', status: 'PRESENT' }] } }))).toEqual(['NOT_FOUND']);
    expect(await t.store.listAbsenceReasons(['mt-x'])).toEqual(before);
    expect((await t.store.listAttendance(['mt-x'])).find((a) => a.memberId === 'm-a')!.status).toBe('EXCUSED');
  });
});

describe('editing minutes afterwards', () => {
  it('replaces the minutes and keeps the earlier text with who changed it and when (audited)', async () => {
    const r = await t.as('sec')(EDIT, { i: { meetingId: 'mt-x', record: '会议学习了支部工作条例，讨论了发展对象。', editId: 'e-1' } });
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.updateMeetingRecord).toEqual({
      id: 'mt-x',
      record: '会议学习了支部工作条例，讨论了发展对象。',
      recordEdits: [{ previous: '初稿', byId: 'm-sec', byName: '李书记' }],
    });
    // The same edit again (a retry) changes nothing.
    expect((await t.as('sec')(EDIT, { i: { meetingId: 'mt-x', record: '会议学习了支部工作条例，讨论了发展对象。', editId: 'e-1' } })).body.errors[0].extensions.field).toBe(
      'record',
    );
    const r2 = await t.as('cadmin')(EDIT, { i: { meetingId: 'mt-x', record: '定稿' } });
    expect(r2.body.data.updateMeetingRecord.recordEdits.map((e: { byName: string }) => e.byName)).toEqual(['组织员', '李书记']);
    const read = await t.as('cm')(READ, { id: 'mt-x' });
    expect(read.body.errors, JSON.stringify(read.body.errors)).toBeUndefined();
    expect(read.body.data.meeting.record).toBe('定稿');
    expect(read.body.data.meeting.recordEdits[1].previous).toBe('初稿');
    expect((await t.store.listAccess({ targetId: 'mt-x', limit: 50 })).map((x) => x.action)).toContain('EDIT_MINUTES');
  });

  it('refuses other branches, unknown meetings and empty or unchanged text, changing nothing', async () => {
    const before = await t.store.listMeetingEdits(['mt-x']);
    // Outside read scope the meeting is as good as unknown; readable but not managed is FORBIDDEN.
    expect(codes(await t.as('a')(EDIT, { i: { meetingId: 'mt-x', record: '改' } }))).toEqual(['NOT_FOUND']);
    expect(codes(await t.as('c')(EDIT, { i: { meetingId: 'mt-x', record: '改' } }))).toEqual(['NOT_FOUND']);
    expect(codes(await t.as('cm')(EDIT, { i: { meetingId: 'mt-x', record: '改' } }))).toEqual(['FORBIDDEN']);
    expect(codes(await t.as('sec')(EDIT, { i: { meetingId: 'nope', record: '改' } }))).toEqual(['NOT_FOUND']);
    for (const record of ['', '   ', '定稿', 'x'.repeat(20_001)]) {
      const r = await t.as('sec')(EDIT, { i: { meetingId: 'mt-x', record } });
      expect(codes(r)).toEqual(['BAD_USER_INPUT']);
      expect(r.body.errors[0].extensions.field).toBe('record');
    }
    expect(await t.store.listMeetingEdits(['mt-x'])).toEqual(before);
    expect((await t.store.getMeetingsByIds(['mt-x']))[0].record).toBe('定稿');
  });
});
