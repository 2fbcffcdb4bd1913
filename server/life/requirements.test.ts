import { describe, expect, it } from 'vitest';
import { computeBranchLife, tallyMeetings } from './branch-life';
import { requiredPeriods } from './requirements';
import { catalogueRuleSet } from '../rules/engine';

// 2025-01-01T00:00+08:00 and 2025-07-01T00:00+08:00
const JAN = Date.UTC(2024, 11, 31, 16);
const JUL = Date.UTC(2025, 5, 30, 16);
const NOW = Date.UTC(2026, 0, 1);

describe('requiredPeriods', () => {
  it('lists whole months, quarters and years in China time', () => {
    expect(requiredPeriods('MONTH', JAN, JUL, NOW).map((p) => p.label)).toEqual(['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06']);
    expect(requiredPeriods('QUARTER', JAN, JUL, NOW).map((p) => p.label)).toEqual(['2025-Q1', '2025-Q2']);
    expect(requiredPeriods('YEAR', JAN, JUL, NOW)).toEqual([]);
  });
  it('skips a partial first period and periods not yet ended', () => {
    const midJan = JAN + 10 * 86_400_000;
    const now = Date.UTC(2025, 3, 15); // mid-April: April is not over
    expect(requiredPeriods('MONTH', midJan, JUL, now).map((p) => p.label)).toEqual(['2025-02', '2025-03']);
  });
});

describe('computeBranchLife', () => {
  it('counts held against required and names the missing periods', () => {
    const day = 86_400_000;
    const meetings = [
      { id: 'x1', branchId: 'b', kind: 'THEME_DAY' as const, title: '', at: JAN + 5 * day, minutes: 60, record: '', topics: [] },
      { id: 'x2', branchId: 'b', kind: 'THEME_DAY' as const, title: '', at: JAN + 70 * day, minutes: 60, record: '', topics: [] },
    ];
    const r = computeBranchLife({
      branchId: 'b',
      from: JAN,
      to: JAN + 90 * day,
      now: NOW,
      hasGroups: false,
      rules: catalogueRuleSet(),
      meetings: tallyMeetings(meetings, [
        { meetingId: 'x1', memberId: 'm1', status: 'PRESENT' },
        { meetingId: 'x1', memberId: 'm2', status: 'ABSENT' },
      ]),
    });
    const theme = r.kinds.find((k) => k.kind === 'THEME_DAY')!;
    expect(theme).toMatchObject({ held: 2, required: 3, perPeriod: 1, present: 1, absent: 1, attendanceRate: 0.5 });
    expect(theme.periods.map((p) => [p.label, p.held, p.required, p.status])).toEqual([
      ['2025-01', 1, 1, 'DONE'],
      ['2025-02', 0, 1, 'OVERDUE'],
      ['2025-03', 1, 1, 'DONE'],
    ]);
    expect(theme.citation).toMatchObject({ document: '中国共产党支部工作条例（试行）', article: '第十六条', confirmed: true });
    expect(theme.missing.map((p) => p.label)).toEqual(['2025-02']);
    expect(r.kinds.find((k) => k.kind === 'GROUP_MEETING')).toMatchObject({ applies: false, required: 0, missing: [] });
  });
});
