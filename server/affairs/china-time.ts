/**
 * Calendar arithmetic in China Standard Time (UTC+8, no daylight saving): months 'YYYY-MM',
 * dates 'YYYY-MM-DD', adding calendar months (clamped to the month's last day) and working days
 * from the `chinese-days` calendar (holidays skipped, adjusted working days counted).
 */
import chineseDays from 'chinese-days';

const OFFSET = 8 * 3_600_000;
const DAY = 86_400_000;

/** 'YYYY-MM-DD' of an instant in China time. */
export const dateOf = (at: number): string => new Date(at + OFFSET).toISOString().slice(0, 10);
/** 'YYYY-MM' of an instant in China time. */
export const monthOf = (at: number): string => dateOf(at).slice(0, 7);
/** Midnight China time at the start of a 'YYYY-MM-DD'. */
export const startOfDate = (date: string): number => Date.parse(`${date}T00:00:00Z`) - OFFSET;

/** The same instant `months` calendar months later (day clamped: Jan 31 + 1 month = Feb 28/29). */
export function addMonths(at: number, months: number): number {
  const d = new Date(at + OFFSET);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const t = Date.UTC(y, m, Math.min(d.getUTCDate(), last), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds());
  return t - OFFSET;
}

export const addDays = (at: number, days: number): number => at + days * DAY;

/** 'YYYY-MM' + n months. */
export function shiftMonth(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return d.toISOString().slice(0, 7);
}

/** Months from `from` to `to` inclusive, ascending ('YYYY-MM'); empty when from > to. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to && out.length < 1200; m = shiftMonth(m, 1)) out.push(m);
  return out;
}

export const isMonth = (s: string): boolean => /^\d{4}-(0[1-9]|1[0-2])$/.test(s);

/**
 * The end (exclusive: midnight China time after the last day) of a period of `workingDays` working
 * days that starts on the first working day on or after `at`'s date.
 */
export function workingDaysEnd(at: number, workingDays: number): number {
  let date = dateOf(at);
  let counted = 0;
  for (let guard = 0; guard < 400; guard++) {
    if (chineseDays.isWorkday(date)) counted++;
    if (counted === workingDays) return startOfDate(date) + DAY;
    date = dateOf(startOfDate(date) + DAY);
  }
  throw new Error(`No ${workingDays} working days found after ${dateOf(at)}`);
}
