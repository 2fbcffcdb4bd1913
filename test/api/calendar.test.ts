/**
 * The obligation calendar: week by week through GraphQL, and the iCalendar feed of a secretary's work
 * queue at /calendar/<personal access token>.ics (titles, dates and citations only; revocable token).
 */
import { describe, expect, it } from 'vitest';
import { createAccessToken } from '../../server/auth/access-tokens';
import { codes, useApiWorld } from '../support/api-world';
import { cstDayStart } from '../support/rules-time';

const NOW = cstDayStart(2025, 6, 15, 10);
const t = useApiWorld({ deps: { now: () => NOW } });

describe('obligationCalendar', () => {
  it('lists six weeks from Monday, each with the obligations due in it', async () => {
    const r = await t.as('sec')('{ obligationCalendar(branchId: "b-1") { start end label items { ruleId dueAt period { label } citation { text } } } }');
    expect(r.body.errors).toBeUndefined();
    const weeks = r.body.data.obligationCalendar;
    expect(weeks.map((w: { label: string }) => w.label)).toEqual(['2025-06-09', '2025-06-16', '2025-06-23', '2025-06-30', '2025-07-07', '2025-07-14']);
    for (const w of weeks) {
      for (const o of w.items) {
        expect(Date.parse(o.dueAt)).toBeGreaterThanOrEqual(Date.parse(w.start));
        expect(Date.parse(o.dueAt)).toBeLessThan(Date.parse(w.end));
      }
    }
    // June's monthly meetings fall due on 30 June (a Monday), the second quarter's too.
    const due = weeks[3].items.map((o: { ruleId: string; period: { label: string } }) => `${o.ruleId} ${o.period.label}`);
    expect(due).toEqual(expect.arrayContaining(['life.branch-committee.minimum 2025-06', 'life.branch-assembly.minimum 2025-Q2']));
  });

  it('is scoped like the branch and refuses an out-of-range length, naming it', async () => {
    expect(codes(await t.as('sec')('{ obligationCalendar(branchId: "b-2") { label } }'))).toEqual(['FORBIDDEN']);
    const r = await t.as('sec')('{ obligationCalendar(branchId: "b-1", weeks: 27) { label } }');
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.body.errors[0].extensions.field).toBe('weeks');
  });
});

describe('the iCalendar feed', () => {
  it("gives the secretary's open obligations as all-day events with their citation, and nothing personal", async () => {
    const { token } = await createAccessToken(t.store, 'm-sec', { name: '日历', scope: 'READ', introspect: false, days: 30 } as never, 90, NOW);
    const res = await t.server.get(`/calendar/${token}.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(res.headers.get('cache-control')).toContain('no-store');
    const text = await res.text();
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    for (const l of lines) expect(Buffer.byteLength(l)).toBeLessThanOrEqual(75);
    const unfolded = text.replace(/\r\n /g, '');
    expect(unfolded).toContain('SUMMARY:支部委员会会议每月至少1次（2025-06）');
    expect(unfolded).toContain('DTSTART;VALUE=DATE:20250630');
    expect(unfolded).toContain('DESCRIPTION:依据：《中国共产党支部工作条例（试行）》第十二条');
    const events = unfolded.split('BEGIN:VEVENT').length - 1;
    expect(events).toBeGreaterThan(3);
    expect(new Set([...unfolded.matchAll(/UID:(\S+)/g)].map((m) => m[1])).size).toBe(events);
    // No phone numbers, id numbers or other members' records.
    expect(unfolded).not.toContain('13812345678');
    expect(unfolded).not.toContain('110101199001011234');
  });

  it('answers 401 with no detail for a wrong, unknown or revoked token', async () => {
    const { token, record } = await createAccessToken(t.store, 'm-sec', { name: '日历2', scope: 'READ', introspect: false, days: 30 } as never, 90, NOW);
    expect((await t.server.get(`/calendar/${token.slice(0, -2)}xx.ics`)).status).toBe(401);
    expect((await t.server.get('/calendar/nonsense.ics')).status).toBe(401);
    expect((await t.server.get(`/calendar/${token}.ics`)).status).toBe(200);
    await t.store.revokeAccessTokens('m-sec', NOW, { only: record.id });
    const res = await t.server.get(`/calendar/${token}.ics`);
    expect(res.status).toBe(401);
    expect(await res.text()).not.toContain('VCALENDAR');
  });
});
