import { describe, expect, it } from 'vitest';
import { labelBox, placeLabels, textWidth, type LabelCandidate } from './label-placement';
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

describe('colour ramp', () => {
  it('spans the values shown, at least 0.1 wide, and nothing when there are none', () => {
    expect(fitRange([0.2, 0.45, 0.7])).toEqual([0.2, 0.7]);
    expect(fitRange([0.31, 0.33])).toEqual([0.27, 0.37]);
    expect(fitRange([])).toBeNull();
  });
});
