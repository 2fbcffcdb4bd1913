/**
 * Obligations on a calendar: week by week (weeks start on Monday, China Standard Time) for the client,
 * and as an iCalendar feed (RFC 5545) for a secretary's own calendar app. The feed carries titles and
 * dates only: what is due, the rule it comes from, and at most a member's name.
 */
import { createHash } from 'node:crypto';
import { CST_OFFSET_MS, DAY_MS, formatDay } from './periods';
import type { Obligation } from './types';

export interface CalendarWeek {
  start: number;
  end: number;
  label: string;
  items: Obligation[];
}

/** Monday 00:00 (China Standard Time) of the week containing t. */
export function weekStart(t: number): number {
  const local = t + CST_OFFSET_MS;
  const day = Math.floor(local / DAY_MS);
  const dow = (new Date(day * DAY_MS).getUTCDay() + 6) % 7; // Monday = 0
  return (day - dow) * DAY_MS - CST_OFFSET_MS;
}

/** `weeks` consecutive weeks from the week containing `from`, each with the obligations due in it. */
export function calendarWeeks(obligations: readonly Obligation[], from: number, weeks: number): CalendarWeek[] {
  const first = weekStart(from);
  const out: CalendarWeek[] = Array.from({ length: weeks }, (_, i) => {
    const start = first + i * 7 * DAY_MS;
    return { start, end: start + 7 * DAY_MS, label: formatDay(start), items: [] };
  });
  for (const o of obligations) {
    if (o.dueAt === null) continue;
    const i = Math.floor((o.dueAt - first) / (7 * DAY_MS));
    if (i >= 0 && i < weeks) out[i].items.push(o);
  }
  return out;
}

/** RFC 5545 text escaping. */
const esc = (s: string) => s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

/** Fold a content line at 75 octets (continuation lines start with one space), never inside a UTF-8 character. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let cur = '';
  let bytes = 0;
  for (const ch of line) {
    const n = Buffer.byteLength(ch);
    const limit = out.length === 0 ? 75 : 74;
    if (bytes + n > limit) {
      out.push(cur);
      cur = '';
      bytes = 0;
    }
    cur += ch;
    bytes += n;
  }
  out.push(cur);
  return out.join('\r\n ');
}

const icsDate = (t: number) => formatDay(t).replace(/-/g, '');
const icsStamp = (t: number) =>
  new Date(t)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

export interface FeedEvent {
  uid: string;
  summary: string;
  description: string;
  day: number;
}

/** One all-day event per obligation on its due day. `summary` is what the caller decided may leave. */
export function icsCalendar(name: string, events: readonly FeedEvent[], stamp: number): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Hongtu//Rules calendar//ZH',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${esc(name)}`,
    'X-WR-TIMEZONE:Asia/Shanghai',
  ];
  for (const e of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${e.uid}`,
      `DTSTAMP:${icsStamp(stamp)}`,
      `DTSTART;VALUE=DATE:${icsDate(e.day)}`,
      `DTEND;VALUE=DATE:${icsDate(e.day + DAY_MS)}`,
      `SUMMARY:${esc(e.summary)}`,
      `DESCRIPTION:${esc(e.description)}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

/** A stable event id for an obligation (the same duty keeps its id across refreshes). */
export const eventUid = (key: string) => `${createHash('sha256').update(key).digest('hex').slice(0, 32)}@hongtu`;
