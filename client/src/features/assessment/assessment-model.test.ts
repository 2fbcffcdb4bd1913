import { describe, expect, it } from 'vitest';
import { formatPoints, parseQuarter, pointsLost, pointsPerObligation, recentQuarters, weightWithData } from './assessment-model';

const inds = [
  { id: 'meetings', weight: 30, value: 9 / 11, total: 11 },
  { id: 'attendance', weight: 15, value: 0.5, total: 2 },
  { id: 'learning', weight: 10, value: null, total: 0 },
];

describe('assessment arithmetic', () => {
  it('leaves indicators without data out of the weights', () => {
    expect(weightWithData(inds)).toBe(45);
  });

  it("splits an indicator's loss evenly over its obligations, and the losses add up to 100 minus the score", () => {
    const score = (100 * (30 * (9 / 11) + 15 * 0.5)) / 45;
    expect(pointsPerObligation(inds[0], inds)).toBeCloseTo((100 * 30) / (45 * 11), 12);
    expect(pointsLost(inds[0], inds)).toBeCloseTo(2 * pointsPerObligation(inds[0], inds), 12);
    expect(pointsLost(inds[0], inds) + pointsLost(inds[1], inds) + pointsLost(inds[2], inds)).toBeCloseTo(100 - score, 12);
    expect(pointsLost(inds[2], inds)).toBe(0);
    expect(pointsPerObligation(inds[2], inds)).toBe(0);
  });

  it('reads quarter labels and lists the recent quarters in China time, newest first', () => {
    expect(parseQuarter('2026-Q3')).toEqual({ year: 2026, q: 3 });
    expect(parseQuarter('2026-5')).toBeNull();
    // 31 Dec 2025 20:00 UTC is already 1 Jan 2026 in Beijing.
    expect(recentQuarters(Date.UTC(2025, 11, 31, 20), 3)).toEqual(['2026-Q1', '2025-Q4', '2025-Q3']);
    expect(recentQuarters(Date.UTC(2025, 11, 31, 12), 2)).toEqual(['2025-Q4', '2025-Q3']);
  });

  it('formats points with at most one decimal', () => {
    expect(formatPoints(7.25)).toBe('7.3');
    expect(formatPoints(5)).toBe('5');
    expect(formatPoints(0.04)).toBe('0');
  });
});
