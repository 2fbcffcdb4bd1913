import { describe, expect, it } from 'vitest';
import { orderPath } from './path-order';
import { currentWeek, weekItems } from './plan-week';

describe('orderPath', () => {
  it('draws member → gap ← prerequisite ← course as a chain, leaving side topics out', () => {
    const steps = orderPath({
      nodes: [
        { key: 'course:c-1', kind: 'COURSE', label: '党章导读' },
        { key: 'topic:t-pre', kind: 'TOPIC', label: '党的性质' },
        { key: 'member:m-1', kind: 'MEMBER', label: '我' },
        { key: 'topic:t-gap', kind: 'TOPIC', label: '入党程序' },
        { key: 'topic:t-other', kind: 'TOPIC', label: '别的知识点' },
      ],
      edges: [
        { from: 'member:m-1', to: 'topic:t-gap', kind: 'HAS_GAP' },
        { from: 'topic:t-pre', to: 'topic:t-gap', kind: 'PREREQUISITE_OF' },
        { from: 'course:c-1', to: 'topic:t-pre', kind: 'COVERS' },
        { from: 'course:c-1', to: 'topic:t-other', kind: 'COVERS' },
      ],
    });
    expect(steps.map((s) => [s.label, s.kind])).toEqual([
      ['我', 'member'],
      ['入党程序', 'gap'],
      ['党的性质', 'topic'],
      ['党章导读', 'course'],
    ]);
  });

  it('keeps nodes that no edge reaches and copes with an empty path', () => {
    expect(orderPath({ nodes: [], edges: [] })).toEqual([]);
    expect(
      orderPath({
        nodes: [
          { key: 'course:c', kind: 'COURSE', label: 'c' },
          { key: 'topic:t', kind: 'TOPIC', label: 't' },
        ],
        edges: [],
      }).map((s) => s.id),
    ).toEqual(['course:c', 'topic:t']);
  });
});

describe('plan weeks', () => {
  const start = '2025-03-03T00:00:00.000Z';
  it('finds the current week and clamps it to the plan', () => {
    expect(currentWeek(start, 4, Date.parse('2025-03-05T00:00:00Z'))).toBe(1);
    expect(currentWeek(start, 4, Date.parse('2025-03-12T00:00:00Z'))).toBe(2);
    expect(currentWeek(start, 4, Date.parse('2025-06-01T00:00:00Z'))).toBe(4);
    expect(currentWeek(start, 4, Date.parse('2025-01-01T00:00:00Z'))).toBe(1);
  });

  it("lists a week's items in order with progress", () => {
    const items = [
      { week: 1, order: 1, completed: true, minutes: 20 },
      { week: 1, order: 0, completed: false, minutes: 30 },
      { week: 2, order: 2, completed: false, minutes: 10 },
    ];
    const w = weekItems(items, 1);
    expect(w.list.map((i) => i.order)).toEqual([0, 1]);
    expect(w.done).toBe(1);
    expect(w.minutes).toBe(50);
  });
});
