import { describe, expect, it } from 'vitest';
import { clamp01, heatColor, heatTextColor, masteryColor } from './heat-scale';

describe('heat scale', () => {
  it('runs white → amber → red relative to the largest value', () => {
    expect(heatColor(0)).toBe('rgb(255, 255, 255)');
    expect(heatColor(0.5)).toBe('rgb(255, 183, 77)');
    expect(heatColor(1)).toBe('rgb(183, 28, 28)');
    expect(heatColor(0.4, 0.4)).toBe('rgb(183, 28, 28)');
  });

  it('does not blow tiny maxima up into alarming reds', () => {
    expect(heatColor(0.1, 0.1)).toBe(heatColor(0.4, 1));
  });

  it('clamps out-of-range and NaN values', () => {
    expect(clamp01(-1)).toBe(0);
    expect(clamp01(2)).toBe(1);
    expect(clamp01(Number.NaN)).toBe(0);
    expect(heatColor(5)).toBe('rgb(183, 28, 28)');
  });

  it('keeps text readable on dark cells', () => {
    expect(heatTextColor(1)).toBe('#fff');
    expect(heatTextColor(0.2)).toBe('#263238');
  });

  it('colours mastery by how it compares with the requirement', () => {
    expect(masteryColor(0.8, 0.7)).toBe('#2e7d32');
    expect(masteryColor(0.6, 0.7)).toBe('#f9a825');
    expect(masteryColor(0.3, 0.7)).toBe('#e53935');
    expect(masteryColor(0.3, null)).toBe('#5c6bc0');
  });
});
