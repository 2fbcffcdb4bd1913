import { describe, expect, it } from 'vitest';
import { createProgressLines } from './progress-bar';

describe('progress without a terminal', () => {
  it('prints a line at the start, at most one per 10% or 5 s, and one when done', () => {
    const lines: string[] = [];
    let t = 0;
    const p = createProgressLines(
      (l) => lines.push(l),
      () => t,
    );
    p.onProgress(0, 1000, 'Member');
    for (let d = 1; d <= 1000; d++) p.onProgress(d, 1000, 'Member');
    p.onProgress(1000, 1000, 'Member');
    expect(lines[0]).toBe('Member: 0/1000 (0%)');
    expect(lines.at(-1)).toBe('Member: 1000/1000 (100%) done');
    expect(lines.length).toBe(11);
    p.onProgress(0, 10, 'Course');
    t = 6000;
    p.onProgress(1, 10, 'Course');
    p.onProgress(1, 10, 'Course');
    expect(lines.slice(11)).toEqual(['Course: 0/10 (0%)', 'Course: 1/10 (10%)']);
  });
});
