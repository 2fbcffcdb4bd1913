/**
 * The minimum frequency of each meeting kind (docs/GLOSSARY.md, 组织生活) and the calendar periods they
 * are counted in. Periods follow China Standard Time (UTC+8), where the branches meet.
 */
import { MEETING_MINIMUM, type MeetingFrequency } from '../../graph';

export type Frequency = MeetingFrequency;
export { MEETING_MINIMUM };

export interface Period { label: string; start: number; end: number }

const CST_OFFSET_MS = 8 * 3600_000;
const monthsPer: Record<Frequency, number> = { MONTH: 1, QUARTER: 3, YEAR: 12 };

/** Start (epoch ms) of a calendar month in UTC+8; month may overflow (13 → next January). */
const monthStart = (year: number, month0: number) => Date.UTC(year, month0, 1) - CST_OFFSET_MS;

function labelOf(freq: Frequency, year: number, month0: number): string {
  if (freq === 'YEAR') return String(year);
  if (freq === 'QUARTER') return `${year}-Q${Math.floor(month0 / 3) + 1}`;
  return `${year}-${String(month0 + 1).padStart(2, '0')}`;
}

/**
 * The whole periods of a frequency that lie inside [from, to) and have ended by `now`: those are
 * the periods a meeting was required in. A partial period at either edge, or the current one, is
 * not (yet) required.
 */
export function requiredPeriods(freq: Frequency, from: number, to: number, now: number): Period[] {
  const step = monthsPer[freq];
  const local = new Date(from + CST_OFFSET_MS);
  let year = local.getUTCFullYear();
  let month0 = Math.floor(local.getUTCMonth() / step) * step;
  const out: Period[] = [];
  const limit = Math.min(to, now);
  for (let guard = 0; guard < 1200; guard++) {
    const start = monthStart(year, month0);
    const end = monthStart(year, month0 + step);
    if (end > limit) break;
    if (start >= from) out.push({ label: labelOf(freq, year, month0), start, end });
    month0 += step;
    if (month0 >= 12) { year += 1; month0 -= 12; }
  }
  return out;
}
