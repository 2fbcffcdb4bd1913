/**
 * Calendar periods (month, quarter, year) and calendar days in China Standard Time (UTC+8, no
 * daylight saving), where the branches meet and where rule dates are read.
 */
export type Frequency = 'MONTH' | 'QUARTER' | 'YEAR';
export const FREQUENCIES: readonly Frequency[] = ['MONTH', 'QUARTER', 'YEAR'];

export interface Period {
  label: string;
  start: number;
  end: number;
}

export const CST_OFFSET_MS = 8 * 3600_000;
export const DAY_MS = 86_400_000;
const monthsPer: Record<Frequency, number> = { MONTH: 1, QUARTER: 3, YEAR: 12 };

/** Start (epoch ms) of a calendar month in UTC+8; month0 may overflow (12 → next January). */
export const monthStart = (year: number, month0: number) => Date.UTC(year, month0, 1) - CST_OFFSET_MS;

function labelOf(freq: Frequency, year: number, month0: number): string {
  if (freq === 'YEAR') return String(year);
  if (freq === 'QUARTER') return `${year}-Q${Math.floor(month0 / 3) + 1}`;
  return `${year}-${String(month0 + 1).padStart(2, '0')}`;
}

/** The period of a frequency that contains instant t. */
export function periodAt(freq: Frequency, t: number): Period {
  const step = monthsPer[freq];
  const local = new Date(t + CST_OFFSET_MS);
  const year = local.getUTCFullYear();
  const month0 = Math.floor(local.getUTCMonth() / step) * step;
  return { label: labelOf(freq, year, month0), start: monthStart(year, month0), end: monthStart(year, month0 + step) };
}

/** Every period of a frequency that overlaps [from, to), oldest first. */
export function periodsOverlapping(freq: Frequency, from: number, to: number): Period[] {
  const out: Period[] = [];
  let p = periodAt(freq, from);
  for (let guard = 0; guard < 2400 && p.start < to; guard++) {
    out.push(p);
    p = periodAt(freq, p.end);
  }
  return out;
}

/**
 * The whole periods of a frequency inside [from, to) that have ended by `now`: the periods in which
 * a meeting was required. A partial period at either edge, or the current one, is not (yet) required.
 */
export function requiredPeriods(freq: Frequency, from: number, to: number, now: number): Period[] {
  const limit = Math.min(to, now);
  return periodsOverlapping(freq, from, limit).filter((p) => p.start >= from && p.end <= limit);
}

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Epoch ms of local midnight of a 'YYYY-MM-DD' day; null when the text is not a real calendar day. */
export function parseDay(day: string): number | null {
  const m = DAY_RE.exec(day);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return t - CST_OFFSET_MS;
}

/** 'YYYY-MM-DD' of an instant in China Standard Time. */
export function formatDay(t: number): string {
  return new Date(t + CST_OFFSET_MS).toISOString().slice(0, 10);
}
