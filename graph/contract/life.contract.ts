/** Meetings held by branches, with topics, and attendance. */
import { describe, expect, it } from 'vitest';
import type { NewMeeting } from '../store';
import type { GetStore } from './index';
import { DAY, expectCode, manual, snapshot, T0 } from './fixtures';

const meeting = (id: string, branchId: string, kind: NewMeeting['kind'], at: number): NewMeeting => ({
  id,
  branchId,
  kind,
  title: `会议 ${id}`,
  at,
  minutes: 90,
  record: '传达学习精神，讨论发展党员工作。\n第二段。',
  topics: [manual('constitution')],
});

export function lifeContract(get: GetStore): void {
  describe('organizational life', () => {
    it('creates meetings idempotently and reads them back with topics', async () => {
      const s = get();
      const m = meeting('mt-1', 'b-1', 'BRANCH_ASSEMBLY', T0);
      expect(await s.createMeeting(m)).toEqual({ created: true });
      expect(await s.createMeeting(m)).toEqual({ created: false });
      expect(await s.getMeetingsByIds(['mt-1'])).toEqual([{ ...m, topics: [manual('constitution')] }]);
      await s.createMeeting({ ...meeting('mt-2', 'b-1', 'THEME_DAY', T0 + DAY), topics: undefined });
      expect((await s.getMeetingsByIds(['mt-2', 'nope', 'mt-1'])).map((x) => x.id)).toEqual(['mt-2', 'mt-1']);
      expect((await s.getMeetingsByIds(['mt-2']))[0].topics).toEqual([]);
    });

    it('lists meetings of branches in [from, to), by time, optionally by kind', async () => {
      const s = get();
      await s.createMeeting(meeting('mt-3', 'b-1', 'GROUP_MEETING', T0 + 2 * DAY));
      await s.createMeeting(meeting('mt-1', 'b-1', 'BRANCH_ASSEMBLY', T0));
      await s.createMeeting(meeting('mt-2', 'b-2', 'PARTY_LECTURE', T0 + DAY));
      await s.createMeeting(meeting('mt-4', 'b-3', 'PARTY_LECTURE', T0 + DAY));
      const ids = async (b: string[], from: number, to: number, k?: NewMeeting['kind'][]) => (await s.listMeetings(b, from, to, k)).map((m) => m.id);
      expect(await ids(['b-1', 'b-2'], T0, T0 + 3 * DAY)).toEqual(['mt-1', 'mt-2', 'mt-3']);
      expect(await ids(['b-1', 'b-2'], T0, T0 + 2 * DAY)).toEqual(['mt-1', 'mt-2']);
      expect(await ids(['b-1', 'b-2', 'b-3'], T0, T0 + 3 * DAY, ['PARTY_LECTURE'])).toEqual(['mt-2', 'mt-4']);
      expect(await ids([], T0, T0 + 3 * DAY)).toEqual([]);
      expect((await s.listMeetings(['b-2'], T0, T0 + 3 * DAY))[0].branchId).toBe('b-2');
    });

    it('refuses an existing meeting id sent for another branch, reading and changing nothing', async () => {
      const s = get();
      await s.createMeeting(meeting('mt-1', 'b-2', 'PARTY_LECTURE', T0));
      const before = await snapshot(s);
      const stored = await s.getMeetingsByIds(['mt-1']);
      await expectCode(s.createMeeting({ ...meeting('mt-1', 'b-1', 'THEME_DAY', T0 + DAY), title: '另一个会议' }), 'CONFLICT', /mt-1/);
      expect(await s.getMeetingsByIds(['mt-1'])).toEqual(stored);
      expect(await s.listMeetings(['b-1'], 0, T0 + 9 * DAY)).toEqual([]);
      expect(await snapshot(s)).toEqual(before);
    });

    it('rejects a meeting of an unknown branch or topic, writing nothing', async () => {
      const s = get();
      const before = await snapshot(s);
      await expectCode(s.createMeeting(meeting('mt-9', 'b-9', 'THEME_DAY', T0)), 'NOT_FOUND', /b-9/);
      await expectCode(s.createMeeting({ ...meeting('mt-9', 'b-1', 'THEME_DAY', T0), topics: [manual('nope')] }), 'NOT_FOUND', /nope/);
      expect(await s.getMeetingsByIds(['mt-9'])).toEqual([]);
      expect(await snapshot(s)).toEqual(before);
    });

    it('records one attendance status per member, upserting', async () => {
      const s = get();
      await s.createMeeting(meeting('mt-1', 'b-1', 'BRANCH_ASSEMBLY', T0));
      await s.createMeeting(meeting('mt-2', 'b-1', 'GROUP_MEETING', T0 + DAY));
      await s.recordAttendance('mt-1', [
        { memberId: 'm-01', status: 'PRESENT' },
        { memberId: 'm-02', status: 'ABSENT' },
      ]);
      await s.recordAttendance('mt-1', [{ memberId: 'm-02', status: 'EXCUSED' }]);
      await s.recordAttendance('mt-2', [{ memberId: 'm-01', status: 'PRESENT' }]);
      expect(await s.listAttendance(['mt-2', 'mt-1'])).toEqual([
        { meetingId: 'mt-2', memberId: 'm-01', status: 'PRESENT' },
        { meetingId: 'mt-1', memberId: 'm-01', status: 'PRESENT' },
        { meetingId: 'mt-1', memberId: 'm-02', status: 'EXCUSED' },
      ]);
      expect(await s.listAttendance([])).toEqual([]);
    });

    it('counts the attendance of each meeting by status in one read, equal to its rows, zeros where none were recorded', async () => {
      const s = get();
      await s.createMeeting(meeting('mt-3', 'b-1', 'THEME_DAY', T0 + 2 * DAY));
      await s.createMeeting(meeting('mt-1', 'b-1', 'BRANCH_ASSEMBLY', T0));
      await s.createMeeting(meeting('mt-2', 'b-2', 'PARTY_LECTURE', T0 + DAY));
      await s.createMeeting(meeting('mt-4', 'b-3', 'PARTY_LECTURE', T0 + DAY));
      await s.createMeeting(meeting('mt-5', 'b-1', 'THEME_DAY', T0 + 5 * DAY));
      await s.recordAttendance('mt-1', [
        { memberId: 'm-01', status: 'PRESENT' },
        { memberId: 'm-02', status: 'ABSENT', reason: '出差' },
      ]);
      await s.recordAttendance('mt-1', [{ memberId: 'm-02', status: 'EXCUSED', reason: '出差' }]);
      await s.recordAttendance('mt-2', [{ memberId: 'm-01', status: 'ABSENT' }]);
      await s.recordAttendance('mt-4', [{ memberId: 'm-01', status: 'PRESENT' }]);
      const tallies = await s.listMeetingTallies(['b-1', 'b-2'], T0, T0 + 3 * DAY);
      expect(tallies).toEqual([
        { id: 'mt-1', branchId: 'b-1', kind: 'BRANCH_ASSEMBLY', title: '会议 mt-1', at: T0, present: 1, excused: 1, absent: 0 },
        { id: 'mt-2', branchId: 'b-2', kind: 'PARTY_LECTURE', title: '会议 mt-2', at: T0 + DAY, present: 0, excused: 0, absent: 1 },
        { id: 'mt-3', branchId: 'b-1', kind: 'THEME_DAY', title: '会议 mt-3', at: T0 + 2 * DAY, present: 0, excused: 0, absent: 0 },
      ]);
      // The same figures as counting the rows themselves.
      const rows = await s.listAttendance(tallies.map((t) => t.id));
      for (const t of tallies) {
        const of = rows.filter((r) => r.meetingId === t.id);
        expect([t.present, t.excused, t.absent]).toEqual(['PRESENT', 'EXCUSED', 'ABSENT'].map((st) => of.filter((r) => r.status === st).length));
      }
      expect((await s.listMeetingTallies(['b-1'], T0 + DAY, T0 + 9 * DAY)).map((t) => t.id)).toEqual(['mt-3', 'mt-5']);
      expect(await s.listMeetingTallies([], T0, T0 + 9 * DAY)).toEqual([]);
      expect(await s.listMeetingTallies(['nope'], T0, T0 + 9 * DAY)).toEqual([]);
    });

    it('rejects attendance with an unknown member or meeting and writes none of the rows', async () => {
      const s = get();
      await s.createMeeting(meeting('mt-1', 'b-1', 'BRANCH_ASSEMBLY', T0));
      await expectCode(
        s.recordAttendance('mt-1', [
          { memberId: 'm-01', status: 'PRESENT' },
          { memberId: 'ghost', status: 'PRESENT' },
        ]),
        'NOT_FOUND',
        /ghost/,
      );
      await expectCode(s.recordAttendance('mt-404', [{ memberId: 'm-01', status: 'PRESENT' }]), 'NOT_FOUND', /mt-404/);
      expect(await s.listAttendance(['mt-1'])).toEqual([]);
    });
  });
}
