import { describe, expect, it } from 'vitest';
import { filterAndSort, toMemberRows } from './member-rows';
import { periodDates, periodRange } from './periods';

const now = Date.parse('2025-06-30T00:00:00Z');
const activity = (present: number, absent: number, studiesAgoDays: number[] = []) => ({
  studies: studiesAgoDays.map((d) => ({ at: new Date(now - d * 86400_000).toISOString() })),
  answers: [],
  attendance: [...Array(present).fill({ status: 'PRESENT' }), ...Array(absent).fill({ status: 'ABSENT' })],
});
const members = [
  { id: 'm-1', name: '王芳', stage: 'FULL', kind: 'TEACHER', role: 'SECRETARY', recentActivity: activity(9, 1, [1, 5, 9]) },
  { id: 'm-2', name: '李明', stage: 'ACTIVIST', kind: 'STUDENT', role: 'MEMBER', recentActivity: activity(2, 3) },
  { id: 'm-3', name: '张伟', stage: 'APPLICANT', kind: 'STUDENT', role: 'MEMBER', recentActivity: activity(0, 0) },
];

describe('member rows', () => {
  const rows = toMemberRows(
    members,
    [
      {
        member: { id: 'm-2' },
        cells: [
          { mastery: 0.2, gapCount: 3 },
          { mastery: 0.4, gapCount: 1 },
        ],
      },
    ],
    now,
  );

  it('derive attendance, tags, mastery and gap counts', () => {
    expect(rows.map((r) => [r.id, r.attendance, r.tags, r.mastery, r.gaps])).toEqual([
      ['m-1', 0.9, ['active', 'regular'], null, null],
      ['m-2', 0.4, ['inactive', 'absent'], expect.closeTo(0.3), 4],
      ['m-3', null, ['inactive'], null, null],
    ]);
  });

  it('sort stages in pipeline order and filter by every condition', () => {
    expect(filterAndSort(rows, { stage: '', kind: '', tag: '', name: '' }, 'stage', 'asc').map((r) => r.id)).toEqual(['m-3', 'm-2', 'm-1']);
    expect(filterAndSort(rows, { stage: '', kind: 'STUDENT', tag: 'absent', name: '' }, 'name', 'asc').map((r) => r.id)).toEqual(['m-2']);
    expect(filterAndSort(rows, { stage: '', kind: '', tag: '', name: '王' }, 'name', 'asc').map((r) => r.id)).toEqual(['m-1']);
    expect(filterAndSort(rows, { stage: '', kind: '', tag: '', name: '' }, 'attendance', 'desc').map((r) => r.id)).toEqual(['m-1', 'm-2', 'm-3']);
  });

  it('defines periods as the dashboard does: ended calendar quarters in China Standard Time', () => {
    const now = Date.parse('2025-06-30T10:20:00Z');
    expect(periodRange('lastQuarter', now)).toEqual({ key: 'lastQuarter', from: '2024-12-31T16:00:00.000Z', to: '2025-03-31T16:00:00.000Z', label: '2025-Q1' });
    expect(periodRange('fourQuarters', now)).toMatchObject({ from: '2024-03-31T16:00:00.000Z', to: '2025-03-31T16:00:00.000Z', label: '2024-Q2 – 2025-Q1' });
    expect(periodRange('thisQuarter', now)).toMatchObject({ from: '2025-03-31T16:00:00.000Z', to: '2025-06-30T11:00:00.000Z', label: '2025-Q2' });
    expect(periodDates(periodRange('lastQuarter', now))).toBe('2025-01-01 – 2025-03-31');
  });
});
