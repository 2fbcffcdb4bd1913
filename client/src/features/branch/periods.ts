/** The periods a secretary can look at: the last 3, 6 or 12 months up to now. */
export type PeriodKey = 'quarter' | 'half' | 'year';
export const PERIOD_MONTHS: Record<PeriodKey, number> = { quarter: 3, half: 6, year: 12 };

/** `from`/`to` as ISO strings for the API, rounded to the hour so the query is cache-friendly. */
export function periodRange(key: PeriodKey, now = Date.now()): { from: string; to: string } {
  const to = new Date(Math.ceil(now / 3600_000) * 3600_000);
  const from = new Date(to);
  from.setUTCMonth(from.getUTCMonth() - PERIOD_MONTHS[key]);
  return { from: from.toISOString(), to: to.toISOString() };
}
