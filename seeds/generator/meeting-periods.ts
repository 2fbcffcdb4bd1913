/**
 * The minimum meeting frequencies of docs/GLOSSARY.md as concrete periods of the simulated year:
 * "monthly" = every calendar month of the window, "quarterly" = every calendar quarter that
 * overlaps it (clipped to the window), "yearly" = once in the window. Calendar boundaries are in
 * China Standard Time.
 */
import type { MeetingFrequency, MeetingKind } from '../../graph/model';
import { LIFE_RULES } from '../../server/rules/catalogue/life';
import { cstDate, REFERENCE_DATE, WINDOW_START } from './scales';

export type Frequency = MeetingFrequency;
/** Frequency of each meeting kind as the rules catalogue first states it. */
export const MEETING_FREQUENCY = Object.fromEntries(LIFE_RULES.map((r) => [r.params.meetingKind, r.params.frequency])) as Readonly<Record<MeetingKind, MeetingFrequency>>;

export interface Period {
  label: string;
  start: number;
  end: number;
}

/** Local calendar (year, 1-based month) of an instant. */
export function cstYearMonth(t: number): { year: number; month: number } {
  const d = new Date(t + 8 * 3_600_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 };
}

function buildPeriods(stepMonths: number): Period[] {
  const out: Period[] = [];
  const first = cstYearMonth(WINDOW_START);
  let y = first.year,
    m = first.month - ((first.month - 1) % stepMonths);
  for (;;) {
    const start = cstDate(y, m);
    if (start >= REFERENCE_DATE) break;
    const nm = m + stepMonths;
    const end = nm > 12 ? cstDate(y + 1, nm - 12) : cstDate(y, nm);
    const label = stepMonths === 1 ? `${y}-${String(m).padStart(2, '0')}` : `${y}-Q${(m - 1) / 3 + 1}`;
    out.push({ label, start: Math.max(start, WINDOW_START), end: Math.min(end, REFERENCE_DATE) });
    [y, m] = nm > 12 ? [y + 1, nm - 12] : [y, nm];
  }
  return out;
}

const MONTHS = buildPeriods(1);
const QUARTERS = buildPeriods(3);
const YEAR: Period[] = [{ label: 'year', start: WINDOW_START, end: REFERENCE_DATE }];

/** The periods in which a meeting of this kind is required at least once. */
export function requiredPeriods(kind: MeetingKind): readonly Period[] {
  const f = MEETING_FREQUENCY[kind];
  return f === 'MONTH' ? MONTHS : f === 'QUARTER' ? QUARTERS : YEAR;
}
