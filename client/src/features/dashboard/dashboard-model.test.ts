import { describe, expect, it } from 'vitest';
import { lastQuarters, meetingRatio, meetingWarnings, shortBranchName, sumKinds } from './dashboard-model';

describe('dashboard model', () => {
  it('lists the last four ended quarters in China Standard Time', () => {
    const qs = lastQuarters(Date.UTC(2026, 0, 15));
    expect(qs.map((q) => q.label)).toEqual(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4']);
    expect(qs[3]).toEqual({ label: '2025-Q4', from: '2025-09-30T16:00:00.000Z', to: '2025-12-31T16:00:00.000Z' });
  });

  it('counts at most the required number per kind', () => {
    expect(
      meetingRatio([
        { kind: 'THEME_DAY', applies: true, held: 6, required: 3 },
        { kind: 'PARTY_LECTURE', applies: true, held: 0, required: 1 },
        { kind: 'GROUP_MEETING', applies: false, held: 0, required: 3 },
      ]),
    ).toBe(0.75);
    expect(meetingRatio([])).toBeNull();
  });

  it('warns about each kind held too rarely, worst first', () => {
    const w = meetingWarnings([
      { id: 'b-1', name: '一支部', kinds: [{ kind: 'PARTY_LECTURE', applies: true, held: 0, required: 1 }] },
      {
        id: 'b-2',
        name: '二支部',
        kinds: [
          { kind: 'THEME_DAY', applies: true, held: 0, required: 3 },
          { kind: 'BRANCH_ASSEMBLY', applies: true, held: 1, required: 1 },
        ],
      },
    ]);
    expect(w).toEqual([
      { branchId: 'b-2', branchName: '二支部', kind: 'THEME_DAY', short: 3 },
      { branchId: 'b-1', branchName: '一支部', kind: 'PARTY_LECTURE', short: 1 },
    ]);
  });

  it('adds quarters together', () => {
    const k = { kind: 'THEME_DAY', applies: true, held: 2, required: 3 };
    expect(sumKinds([[k], [k]])).toEqual([{ kind: 'THEME_DAY', applies: true, held: 4, required: 6 }]);
  });

  it('shortens branch names by the committee prefix', () => {
    expect(shortBranchName('计算机学院本科生第一党支部', '计算机学院党委')).toBe('本科生第一党支部');
    expect(shortBranchName('机关党支部', '计算机学院党委')).toBe('机关党支部');
  });
});
