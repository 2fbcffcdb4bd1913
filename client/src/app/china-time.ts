/** Days of Party life are China's (UTC+8), whatever the browser's time zone. */

/** The calendar day in China at `ms`, as YYYY-MM-DD. */
export function chinaDay(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * When something recorded for `day` happened: `hour`:00 China time, or `now` if that is still to come (an event
 * recorded today is never sent as later than now, which the server refuses).
 */
export function eventTime(day: string, hour: number, now: number): string {
  const at = new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`).getTime();
  return new Date(Math.min(at, now)).toISOString();
}
