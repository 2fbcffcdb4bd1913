import { describe, expect, it } from 'vitest';
import { labelBox, placeLabels, textWidth, type LabelCandidate } from './label-placement';
import { radialTreePositions } from './radial-layout';
import { fitRange } from './stylesheet';

const at = (id: string, x: number, y: number, label: string, priority = 1): LabelCandidate => ({
  id,
  x,
  y,
  w: 16,
  h: 16,
  label,
  fontSize: 10,
  maxWidth: 90,
  priority,
});
const overlap = (a: ReturnType<typeof labelBox>, b: ReturnType<typeof labelBox>) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

describe('label placement', () => {
  it('measures CJK characters at one em and Latin ones narrower', () => {
    expect(textWidth('党支部', 10)).toBe(30);
    expect(textWidth('ab', 10)).toBe(13);
  });

  it('gives the higher-priority label its first choice and moves the other to a free side', () => {
    const shown = placeLabels([at('m-1', 0, 0, '张三丰'), at('c-1', 10, 0, '计算机学院党委', 5), at('m-2', 400, 0, '李四')]);
    expect(Object.fromEntries(shown)).toEqual({ 'c-1': 'bottom', 'm-1': 'top', 'm-2': 'bottom' });
  });

  it('never lets a label cover another node: it moves to a free side, or is left out', () => {
    // m-2's body sits right under m-1: the label goes above.
    expect(placeLabels([at('m-1', 0, 0, '王五', 2), at('m-2', 0, 20, '', 1)]).get('m-1')).toBe('top');
    // Boxed in on all four sides.
    const boxed = placeLabels([at('m-1', 0, 0, '王五', 2), at('a', 0, 20, ''), at('b', 0, -20, ''), at('c', 22, 0, ''), at('d', -22, 0, '')]);
    expect(boxed.has('m-1')).toBe(false);
  });

  it('wraps a long name onto more lines instead of cutting it', () => {
    const one = labelBox(at('x', 0, 0, '党支部'));
    const two = labelBox(at('x', 0, 0, '计算机学院本科生第一党支部'));
    expect(two.y2 - two.y1).toBeGreaterThan(1.8 * (one.y2 - one.y1) - 4);
    expect(two.x2 - two.x1).toBeLessThanOrEqual(90 * 1.1 + 4);
  });

  it('leaves no two shown labels overlapping in a dense grid', () => {
    const cands: LabelCandidate[] = [];
    for (let i = 0; i < 400; i++) cands.push(at(`n-${i}`, (i % 20) * 25, Math.floor(i / 20) * 40, `成员${i}`, i % 3));
    const placed = placeLabels(cands);
    const boxes = cands.filter((c) => placed.has(c.id)).map((c) => labelBox(c, placed.get(c.id)));
    expect(boxes.length).toBeGreaterThan(20);
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) expect(overlap(boxes[i]!, boxes[j]!)).toBe(false);
    }
  });
});

describe('radial tree layout', () => {
  it('puts the root in the middle, each level on a wider ring, and every node somewhere', () => {
    const nodes = [
      { id: 'u', kind: 'university' },
      { id: 'c1', kind: 'committee' },
      { id: 'c2', kind: 'committee' },
      ...Array.from({ length: 30 }, (_, i) => ({ id: `b${i}`, kind: 'branch' })),
      { id: 't', kind: 'topic' },
    ];
    const edges = [
      { source: 'u', target: 'c1', kind: 'under' },
      { source: 'u', target: 'c2', kind: 'under' },
      ...Array.from({ length: 30 }, (_, i) => ({ source: i < 20 ? 'c1' : 'c2', target: `b${i}`, kind: 'under' })),
      { source: 'b0', target: 't', kind: 'gap' },
    ];
    const pos = radialTreePositions(nodes, edges);
    expect(pos.size).toBe(nodes.length);
    expect(pos.get('u')).toEqual({ x: 0, y: 0 });
    const r = (id: string) => Math.hypot(pos.get(id)!.x, pos.get(id)!.y);
    expect(r('c1')).toBeCloseTo(r('c2'));
    expect(r('b0')).toBeGreaterThan(r('c1'));
    // Distinct places on the branch ring.
    expect(new Set(Array.from({ length: 30 }, (_, i) => `${Math.round(pos.get(`b${i}`)!.x)},${Math.round(pos.get(`b${i}`)!.y)}`)).size).toBe(30);
  });
});

describe('colour ramp', () => {
  it('spans the values shown, at least 0.1 wide, and nothing when there are none', () => {
    expect(fitRange([0.2, 0.45, 0.7])).toEqual([0.2, 0.7]);
    expect(fitRange([0.31, 0.33])).toEqual([0.27, 0.37]);
    expect(fitRange([])).toBeNull();
  });
});
