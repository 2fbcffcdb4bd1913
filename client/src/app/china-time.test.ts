import { describe, expect, it } from 'vitest';
import { chinaDay, eventTime } from './china-time';

describe('China time', () => {
  it("gives China's day, which starts 8 hours before UTC's", () => {
    expect(chinaDay(Date.parse('2026-12-06T00:10:00Z'))).toBe('2026-12-06');
    expect(chinaDay(Date.parse('2026-12-05T16:10:00Z'))).toBe('2026-12-06');
    expect(chinaDay(Date.parse('2026-12-05T15:59:00Z'))).toBe('2026-12-05');
  });

  it('never dates an event of today later than now', () => {
    const now = Date.parse('2026-12-06T00:10:00Z'); // 08:10 in China
    expect(eventTime('2026-12-06', 12, now)).toBe('2026-12-06T00:10:00.000Z');
    expect(eventTime('2026-12-05', 12, now)).toBe('2026-12-05T04:00:00.000Z');
  });
});
