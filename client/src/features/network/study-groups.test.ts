import { describe, expect, it } from 'vitest';
import { detectStudyGroups, jaccard } from './study-groups';

describe('study groups', () => {
  it('measures overlap of gap sets', () => {
    expect(jaccard(new Set(['a', 'b']), new Set(['b', 'c']))).toBeCloseTo(1 / 3);
    expect(jaccard(new Set(), new Set())).toBe(0);
  });

  it('groups members with alike gaps and leaves loners out', () => {
    const groups = detectStudyGroups([
      { id: 'm-1', gapTopicIds: ['history.a', 'history.b'] },
      { id: 'm-2', gapTopicIds: ['history.a', 'history.b', 'history.c'] },
      { id: 'm-3', gapTopicIds: ['history.b', 'history.a'] },
      { id: 'm-4', gapTopicIds: ['theory.x', 'theory.y'] },
      { id: 'm-5', gapTopicIds: ['theory.x', 'theory.y', 'theory.z'] },
      { id: 'm-6', gapTopicIds: ['service.q'] },
      { id: 'm-7', gapTopicIds: [] },
    ]);
    expect(groups).toEqual([
      ['m-1', 'm-2', 'm-3'],
      ['m-4', 'm-5'],
    ]);
  });

  it('is deterministic whatever the input order', () => {
    const ms = Array.from({ length: 30 }, (_, i) => ({ id: `m-${String(i).padStart(2, '0')}`, gapTopicIds: [`t${i % 3}`, `u${i % 2}`] }));
    expect(detectStudyGroups([...ms].reverse())).toEqual(detectStudyGroups(ms));
  });
});
