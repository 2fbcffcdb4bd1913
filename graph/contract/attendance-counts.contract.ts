/**
 * The attendance counts a store keeps on each meeting (read by listMeetingTallies) equal a recount of the
 * meeting's rows: after corrections, after concurrent writes to one meeting, and after a bulk load.
 */
import { describe, expect, it } from 'vitest';
import type { AttendanceStatus } from '../model';
import type { GraphStore } from '../store';
import type { GetStore } from './index';
import { DAY, expectCode, MEMBERS, T0 } from './fixtures';

const STATUSES: AttendanceStatus[] = ['PRESENT', 'EXCUSED', 'ABSENT'];

/** [present, excused, absent] kept on each meeting of b-1 in [T0, T0 + 9 days), and recounted from its rows. */
async function keptAndRecounted(s: GraphStore): Promise<{ kept: Record<string, number[]>; recounted: Record<string, number[]> }> {
  const tallies = await s.listMeetingTallies(['b-1'], T0, T0 + 9 * DAY);
  const rows = await s.listAttendance(tallies.map((t) => t.id));
  const kept = Object.fromEntries(tallies.map((t) => [t.id, [t.present, t.excused, t.absent]]));
  const recounted = Object.fromEntries(tallies.map((t) => [t.id, STATUSES.map((st) => rows.filter((r) => r.meetingId === t.id && r.status === st).length)]));
  return { kept, recounted };
}

async function addMembers(s: GraphStore, n: number): Promise<string[]> {
  const ids = Array.from({ length: n }, (_, i) => `m-c${String(i).padStart(2, '0')}`);
  for (const id of ids) await s.createMember({ ...MEMBERS[0], id, name: `成员${id}`, groupId: null, phone: null, idNumber: null });
  return ids;
}

export function attendanceCountsContract(get: GetStore): void {
  describe('attendance counts kept on each meeting', () => {
    it('start at zero and follow every write and correction of a row', async () => {
      const s = get();
      await s.createMeeting({ id: 'mt-1', branchId: 'b-1', kind: 'BRANCH_ASSEMBLY', title: '支部党员大会', at: T0, minutes: 60, record: '' });
      await s.createMeeting({ id: 'mt-2', branchId: 'b-1', kind: 'THEME_DAY', title: '主题党日', at: T0 + DAY, minutes: 60, record: '' });
      expect((await keptAndRecounted(s)).kept).toEqual({ 'mt-1': [0, 0, 0], 'mt-2': [0, 0, 0] });
      await s.recordAttendance('mt-1', [
        { memberId: 'm-01', status: 'PRESENT' },
        { memberId: 'm-02', status: 'ABSENT' },
        { memberId: 'm-03', status: 'ABSENT' },
      ]);
      expect((await keptAndRecounted(s)).kept).toEqual({ 'mt-1': [1, 0, 2], 'mt-2': [0, 0, 0] });
      // Corrections move a row from one count to another; a repeated status changes nothing.
      await s.recordAttendance('mt-1', [
        { memberId: 'm-02', status: 'EXCUSED', reason: '出差' },
        { memberId: 'm-01', status: 'PRESENT' },
      ]);
      await s.recordAttendance('mt-1', [{ memberId: 'm-03', status: 'PRESENT' }]);
      await s.recordAttendance('mt-2', [{ memberId: 'm-04', status: 'EXCUSED' }]);
      const after = await keptAndRecounted(s);
      expect(after.kept).toEqual({ 'mt-1': [2, 1, 0], 'mt-2': [0, 1, 0] });
      expect(after.kept).toEqual(after.recounted);
    });

    it('are exact after concurrent writes and corrections to one meeting', async () => {
      const s = get();
      const ids = await addMembers(s, 24);
      await s.createMeeting({ id: 'mt-1', branchId: 'b-1', kind: 'BRANCH_ASSEMBLY', title: '支部党员大会', at: T0, minutes: 60, record: '' });
      // Each member alone, all at once: the counts are known exactly.
      await Promise.all(ids.map((memberId, i) => s.recordAttendance('mt-1', [{ memberId, status: STATUSES[i % 3] }])));
      expect((await keptAndRecounted(s)).kept['mt-1']).toEqual([8, 8, 8]);
      // Overlapping corrections at once: whichever wins for a member, one row each, and the counts follow.
      await Promise.all(
        Array.from({ length: 12 }, (_, k) =>
          s.recordAttendance(
            'mt-1',
            ids.filter((_, i) => (i + k) % 4 === 0).map((memberId, j) => ({ memberId, status: STATUSES[(j + k) % 3] })),
          ),
        ),
      );
      const { kept, recounted } = await keptAndRecounted(s);
      expect(kept).toEqual(recounted);
      expect(kept['mt-1'].reduce((a, b) => a + b, 0)).toBe(24);
      expect(new Set((await s.listAttendance(['mt-1'])).map((r) => r.memberId)).size).toBe(24);
    });

    it('change nothing when a write is refused', async () => {
      const s = get();
      await s.createMeeting({ id: 'mt-1', branchId: 'b-1', kind: 'BRANCH_ASSEMBLY', title: '支部党员大会', at: T0, minutes: 60, record: '' });
      await s.recordAttendance('mt-1', [{ memberId: 'm-01', status: 'PRESENT' }]);
      await expectCode(
        s.recordAttendance('mt-1', [
          { memberId: 'm-02', status: 'ABSENT' },
          { memberId: 'ghost', status: 'ABSENT' },
        ]),
        'NOT_FOUND',
        /ghost/,
      );
      expect((await keptAndRecounted(s)).kept).toEqual({ 'mt-1': [1, 0, 0] });
    });
  });
}
