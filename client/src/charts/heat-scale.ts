/**
 * Colour scales for the SVG charts. Pure, so they are unit-tested.
 */

/** Clamp to 0..1; NaN becomes 0. */
export const clamp01 = (v: number) => (Number.isNaN(v) ? 0 : Math.min(1, Math.max(0, v)));

function mix(a: [number, number, number], b: [number, number, number], t: number): string {
  const c = a.map((x, i) => Math.round(x + (b[i] - x) * t));
  return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
}

const WHITE: [number, number, number] = [255, 255, 255];
const AMBER: [number, number, number] = [255, 183, 77];
const RED: [number, number, number] = [183, 28, 28];

/**
 * Gap severity 0..1 → white → amber → deep red. The scale is relative to `max` (the largest value on the
 * heatmap) so a branch with mild gaps still shows its worst cells; `max` below 0.25 is treated as 0.25 so
 * tiny differences are not blown up into alarming reds.
 */
export function heatColor(value: number, max = 1): string {
  const m = Math.max(0.25, clamp01(max));
  const t = clamp01(value / m);
  return t < 0.5 ? mix(WHITE, AMBER, t * 2) : mix(AMBER, RED, (t - 0.5) * 2);
}

/** Text colour that stays readable on a heat cell. */
export function heatTextColor(value: number, max = 1): string {
  return clamp01(value / Math.max(0.25, clamp01(max))) > 0.6 ? '#fff' : '#263238';
}

/** Mastery against a requirement: below it amber/red, at or above it green. */
export function masteryColor(p: number, required: number | null): string {
  if (required === null) return '#5c6bc0';
  if (p >= required) return '#2e7d32';
  return p >= required * 0.7 ? '#f9a825' : '#e53935';
}
