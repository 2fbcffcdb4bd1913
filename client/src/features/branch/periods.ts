/**
 * The statistical periods of the branch page, defined exactly as the dashboard's (calendar quarters in China
 * Standard Time, as the API counts periods), so the same branch shows the same figure on both screens:
 *   lastQuarter   the most recent ended quarter (the dashboard's warnings and latest column)
 *   fourQuarters  the four most recent ended quarters (the dashboard's comparison bars)
 *   thisQuarter   the current quarter so far
 */
import { lastQuarters } from '../dashboard/dashboard-model';

export type PeriodKey = 'lastQuarter' | 'fourQuarters' | 'thisQuarter';
export const PERIOD_KEYS: readonly PeriodKey[] = ['lastQuarter', 'fourQuarters', 'thisQuarter'];

export interface Period {
  key: PeriodKey;
  from: string;
  to: string /** e.g. 2026-Q3 or 2025-Q4 – 2026-Q3 */;
  label: string;
}

const CST = 8 * 3600_000;

/** `from`/`to` (ISO) and a label for the period containing `now`. `to` of thisQuarter is the next hour (cache-friendly). */
export function periodRange(key: PeriodKey, now = Date.now()): Period {
  const qs = lastQuarters(now, 4);
  const last = qs[3];
  if (key === 'lastQuarter') return { key, from: last.from, to: last.to, label: last.label };
  if (key === 'fourQuarters') return { key, from: qs[0].from, to: last.to, label: `${qs[0].label} – ${last.label}` };
  const local = new Date(now + CST);
  const q = Math.floor(local.getUTCMonth() / 3);
  const to = new Date(Math.ceil(now / 3600_000) * 3600_000).toISOString();
  return { key, from: last.to, to, label: `${local.getUTCFullYear()}-Q${q + 1}` };
}

/** "2026-07-01 – 2026-09-30" in China Standard Time (the last day included). */
export function periodDates(p: { from: string; to: string }): string {
  const day = (ms: number) => new Date(ms + CST).toISOString().slice(0, 10);
  return `${day(Date.parse(p.from))} – ${day(Date.parse(p.to) - 1)}`;
}
