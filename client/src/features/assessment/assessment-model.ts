/**
 * Arithmetic behind the assessment screens. The server's score is 100 × Σ weight·value / Σ weight over the
 * indicators with data, so an indicator of weight w with n obligations counted loses 100·w / (W·n) points
 * for each obligation missed (W = the weights with data), and 100·w·(1 − value) / W in all.
 */

export interface IndicatorLike {
  id: string;
  weight: number;
  value: number | null;
  total: number;
}

/** Sum of the weights of the indicators that have data (W). */
export function weightWithData(indicators: readonly IndicatorLike[]): number {
  return indicators.reduce((n, i) => n + (i.value === null ? 0 : i.weight), 0);
}

/** Points of the score this indicator cost the branch; 0 without data. */
export function pointsLost(ind: IndicatorLike, all: readonly IndicatorLike[]): number {
  const w = weightWithData(all);
  if (ind.value === null || w === 0) return 0;
  return (100 * ind.weight * (1 - ind.value)) / w;
}

/** Points one missed obligation of this indicator cost; 0 without data. */
export function pointsPerObligation(ind: IndicatorLike, all: readonly IndicatorLike[]): number {
  const w = weightWithData(all);
  if (ind.value === null || w === 0 || ind.total === 0) return 0;
  return (100 * ind.weight) / (w * ind.total);
}

/** `2026-Q3` → { year: 2026, q: 3 }; null for anything else. */
export function parseQuarter(label: string): { year: number; q: number } | null {
  const m = /^(\d{4})-Q([1-4])$/.exec(label);
  return m ? { year: Number(m[1]), q: Number(m[2]) } : null;
}

const CST = 8 * 3_600_000;

/** The current quarter in China Standard Time and the `count - 1` before it, newest first. */
export function recentQuarters(now = Date.now(), count = 4): string[] {
  const local = new Date(now + CST);
  let y = local.getUTCFullYear();
  let q = Math.floor(local.getUTCMonth() / 3) + 1;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    out.push(`${y}-Q${q}`);
    q -= 1;
    if (q === 0) {
      q = 4;
      y -= 1;
    }
  }
  return out;
}

/** One decimal place, without a trailing .0: 7.25 → "7.3", 5 → "5". */
export function formatPoints(n: number): string {
  const r = Math.round(n * 10) / 10;
  return Number.isInteger(r) ? String(r) : r.toFixed(1);
}
