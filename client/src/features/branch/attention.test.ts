import { describe, expect, it } from 'vitest';
import { needsAttention } from './attention';

const now = Date.parse('2026-12-01T00:00:00Z');
const ago = (d: number) => new Date(now - d * 86400_000).toISOString();
const member = (id: string, stage: string, statuses: string, studiedDaysAgo: number[]) => ({
  id,
  name: id,
  stage,
  recentActivity: {
    studies: studiedDaysAgo.map((d) => ({ at: ago(d) })),
    attendance: [...statuses].map((c) => ({ status: c === 'P' ? 'PRESENT' : c === 'E' ? 'EXCUSED' : 'ABSENT' })),
  },
});

describe('needsAttention', () => {
  it('flags attendance far below the branch (excused counts as not present), long no-study, and next-stage gaps', () => {
    const members = [
      member('low', 'APPLICANT', 'EEEEEEAP', [5]), // 1/8 = 13% against 90%
      member('ok75', 'FULL', 'PPPPPPAA', [3]), // 75%: within 25 points of 90%
      member('idle', 'FULL', 'PPPPPPPP', [120]),
      member('never', 'FULL', 'PPPPPPPP', []),
      member('cand', 'CANDIDATE', 'PPPPPPPP', [1]),
      member('fine', 'FULL', 'PPPPPPPP', [1]),
      member('early', 'ACTIVIST', 'PPPPPPPP', [1]),
    ];
    const gaps = [
      {
        member: { id: 'cand' },
        cells: [
          { area: 'history', mastery: 0.3, target: 0.6 },
          { area: 'theory', mastery: 0.5, target: 0.55 },
          { area: 'affairs', mastery: 0.1, target: null },
        ],
      },
      { member: { id: 'fine' }, cells: [{ area: 'history', mastery: 0.3, target: 0.7 }] },
      { member: { id: 'early' }, cells: [{ area: 'history', mastery: 0.3, target: 0.5 }] },
    ];
    const items = needsAttention(members, 0.9, gaps, now);
    expect(items.map((x) => x.id)).toEqual(['low', 'idle', 'never', 'cand']);
    expect(items[0].reasons).toEqual([{ kind: 'attendance', present: 1, meetings: 8, rate: 0.125, branchRate: 0.9 }]);
    expect(items[1].reasons).toEqual([{ kind: 'noStudy', days: 120 }]);
    expect(items[2].reasons).toEqual([{ kind: 'noStudy', days: null }]);
    expect(items[3].reasons).toEqual([
      {
        kind: 'stageGap',
        nextStage: 'PROBATIONARY',
        areas: [
          { area: 'history', mastery: 0.3, target: 0.6 },
          { area: 'theory', mastery: 0.5, target: 0.55 },
        ],
      },
    ]);
  });

  it('needs three meetings and a branch rate before comparing attendance', () => {
    expect(needsAttention([member('a', 'FULL', 'AA', [1])], 0.9, [], now)).toEqual([]);
    expect(needsAttention([member('a', 'FULL', 'AAAA', [1])], null, [], now)).toEqual([]);
  });
});
