import { describe, expect, it } from 'vitest';
import { VisibleClock } from './visible-time';

describe('VisibleClock', () => {
  it('counts only visible time, never past the course length, and reports each second once', () => {
    const c = new VisibleClock(60_000, 0, true);
    c.setVisible(false, 10_000); // 10 s visible
    c.setVisible(true, 500_000); // hidden for a long time: not counted
    expect(c.visibleMs(520_000)).toBe(30_000);
    expect(c.takeUnsentSeconds(520_000)).toBe(30);
    expect(c.takeUnsentSeconds(520_500)).toBe(0);
    expect(c.visibleMs(10_000_000)).toBe(60_000);
    expect(c.takeUnsentSeconds(10_000_000)).toBe(30);
  });

  it('starts stopped on a page opened in the background', () => {
    const c = new VisibleClock(60_000, 0, false);
    expect(c.visibleMs(5_000)).toBe(0);
    c.setVisible(true, 5_000);
    expect(c.visibleMs(7_000)).toBe(2_000);
  });
});
