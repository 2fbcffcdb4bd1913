/**
 * The rules API through the real server: the catalogue with citations, overrides (who may, bad input
 * named and nothing written, versions and effective days, the access log), obligations by scope.
 */
import { describe, expect, it } from 'vitest';
import { codes, useApiWorld } from '../support/api-world';
import { cstDayStart } from '../support/rules-time';

const NOW = cstDayStart(2025, 6, 15, 10);
const t = useApiWorld({ deps: { now: () => NOW } });

const OVERRIDE = 'mutation($i: OverrideRuleInput!) { overrideRule(input: $i) { id version params effectiveFrom effectiveTo citation { text } } }';
const THEME = 'life.theme-day.minimum';
const iso = (ms: number) => new Date(ms).toISOString();

describe('the catalogue', () => {
  it('is readable by any signed-in member, each rule with its citation', async () => {
    const r = await t.as('a')('{ rules { id version kind appliesTo title titleEn params effectiveFrom citation { document article confirmed note text } } }');
    expect(r.body.errors).toBeUndefined();
    const byId = Object.fromEntries(r.body.data.rules.map((x: { id: string }) => [x.id, x]));
    expect(Object.keys(byId)).toEqual(
      expect.arrayContaining([
        'life.branch-assembly.minimum',
        'life.branch-committee.minimum',
        'life.group-meeting.minimum',
        'life.party-lecture.minimum',
        THEME,
        'life.org-life-meeting.minimum',
        'life.democratic-review.minimum',
      ]),
    );
    expect(byId['life.branch-assembly.minimum']).toMatchObject({
      version: 1,
      kind: 'meeting-minimum',
      appliesTo: 'BRANCH',
      title: '支部党员大会每季度至少1次',
      citation: { document: '中国共产党支部工作条例（试行）', article: '第十一条', confirmed: true, text: '《中国共产党支部工作条例（试行）》第十一条' },
    });
    expect(JSON.parse(byId['life.branch-assembly.minimum'].params)).toEqual({ meetingKind: 'BRANCH_ASSEMBLY', frequency: 'QUARTER', minimum: 1, onlyWithGroups: false });
    // An article that could not be checked is not claimed: the document alone is cited.
    expect(byId['life.democratic-review.minimum'].citation).toMatchObject({ article: null, confirmed: false, text: '《中国共产党支部工作条例（试行）》' });
    expect(byId['life.democratic-review.minimum'].citation.note).toMatch(/未能核实条目/);
  });

  it('needs a sign-in', async () => {
    expect(codes(await t.as(null)('{ rules { id } }'))).toEqual(['UNAUTHENTICATED']);
  });

  it('names an unknown rule', async () => {
    const r = await t.as('a')('{ rule(id: "life.nope") { id } }');
    expect(codes(r)).toEqual(['NOT_FOUND']);
    expect(r.body.errors[0].message).toContain('life.nope');
  });
});

describe('overrideRule', () => {
  const good = { ruleId: THEME, params: '{"minimum":2}', effectiveFrom: '2025-07-01', reason: '校党委文件要求每月两次主题党日' };

  it('is refused to everyone but university administrators, and writes nothing', async () => {
    for (const who of ['a', 'sec', 'cm', 'cadmin'] as const) {
      expect(codes(await t.as(who)(OVERRIDE, { i: good })), who).toEqual(['FORBIDDEN']);
    }
    expect(await t.store.listRuleOverrides()).toEqual([]);
  });

  const bad: [string, Record<string, string>, string, RegExp][] = [
    ['a parameter the evaluator rejects', { params: '{"frequency":"FORTNIGHT"}' }, 'params.frequency', /params\.frequency须为以下之一：MONTH, QUARTER, YEAR/],
    ['a minimum of zero', { params: '{"minimum":0}' }, 'params.minimum', /params\.minimum/],
    ['text that is not JSON', { params: 'minimum=2' }, 'params', /JSON 对象/],
    ['a JSON array', { params: '[2]' }, 'params', /JSON 对象/],
    ['a day in the past', { effectiveFrom: '2025-06-14' }, 'effectiveFrom', /今天（2025-06-15）或以后/],
    ['a day that does not exist', { effectiveFrom: '2025-02-30' }, 'effectiveFrom', /YYYY-MM-DD/],
    ['an empty reason', { reason: '  ' }, 'reason', /reason/],
  ];
  for (const [what, patch, field, message] of bad) {
    it(`refuses ${what}, naming ${field}, and writes nothing`, async () => {
      const r = await t.as('uadmin')(OVERRIDE, { i: { ...good, ...patch } });
      expect(codes(r)).toEqual(['BAD_USER_INPUT']);
      expect(r.body.errors[0].extensions.field).toBe(field);
      expect(r.body.errors[0].message).toMatch(message);
      expect(await t.store.listRuleOverrides()).toEqual([]);
    });
  }

  it('names an unknown rule and writes nothing', async () => {
    expect(codes(await t.as('uadmin')(OVERRIDE, { i: { ...good, ruleId: 'life.nope' } }))).toEqual(['NOT_FOUND']);
    expect(await t.store.listRuleOverrides()).toEqual([]);
  });

  it('stores the next version from its day on; earlier days keep the old rule; the change is audited', async () => {
    const r = await t.as('uadmin')(OVERRIDE, { i: good });
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.overrideRule).toMatchObject({ id: THEME, version: 2, effectiveFrom: '2025-07-01' });
    expect(JSON.parse(r.body.data.overrideRule.params)).toEqual({ meetingKind: 'THEME_DAY', frequency: 'MONTH', minimum: 2, onlyWithGroups: false });
    const stored = await t.store.listRuleOverrides();
    expect(stored).toMatchObject([{ id: `${THEME}@2`, ruleId: THEME, version: 2, effectiveFrom: '2025-07-01', createdBy: 'm-uadmin', createdAt: NOW, reason: good.reason }]);

    const at = async (ms: number) => (await t.as('sec')(`{ rule(id: "${THEME}", at: "${iso(ms)}") { version params effectiveFrom effectiveTo } }`)).body.data.rule;
    expect(await at(cstDayStart(2025, 6, 30, 23))).toMatchObject({ version: 1, effectiveTo: '2025-07-01' });
    expect(await at(cstDayStart(2025, 7, 1))).toMatchObject({ version: 2, effectiveFrom: '2025-07-01', effectiveTo: null });

    const h = await t.as('sec')(`{ ruleHistory(id: "${THEME}") { rule { version } isOverride reason createdBy createdAt } }`);
    expect(h.body.data.ruleHistory).toEqual([
      { rule: { version: 1 }, isOverride: false, reason: null, createdBy: null, createdAt: null },
      { rule: { version: 2 }, isOverride: true, reason: good.reason, createdBy: 'm-uadmin', createdAt: iso(NOW) },
    ]);
    const log = await t.store.listAccess({ targetId: `${THEME}@2`, limit: 10 });
    expect(log).toMatchObject([{ viewerId: 'm-uadmin', action: 'OVERRIDE_RULE', targetKind: 'Rule' }]);

    // A further override is version 3 and merges over the version in force on its day.
    const r3 = await t.as('uadmin')(OVERRIDE, { i: { ...good, params: '{"frequency":"QUARTER"}', effectiveFrom: '2026-01-01' } });
    expect(JSON.parse(r3.body.data.overrideRule.params)).toMatchObject({ frequency: 'QUARTER', minimum: 2 });
    expect(r3.body.data.overrideRule.version).toBe(3);
  });

  it('changes the verdicts of branchLife and obligations from the effective day on', async () => {
    // b-1: one theme day in each month June–August 2025.
    for (const m of [6, 7, 8]) {
      const r = await t.as('sec')('mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id } }', {
        i: { id: `mt-theme-${m}`, branchId: 'b-1', kind: 'THEME_DAY', title: `${m}月主题党日`, at: iso(cstDayStart(2025, m, 10)), minutes: 120 },
      });
      expect(r.body.errors).toBeUndefined();
    }
    const q = `query($from: DateTime!, $to: DateTime!, $asOf: DateTime!) {
      obligations(scope: { kind: BRANCH, id: "b-1" }, asOf: $asOf, from: $from, to: $to) {
        ruleId ruleVersion status period { label } detail evidence { id } citation { text } } }`;
    const r = await t.as('sec')(q, { from: iso(cstDayStart(2025, 6)), to: iso(cstDayStart(2025, 9)), asOf: iso(cstDayStart(2025, 9, 2)) });
    expect(r.body.errors).toBeUndefined();
    const theme = r.body.data.obligations.filter((o: { ruleId: string }) => o.ruleId === THEME);
    expect(theme.map((o: { period: { label: string }; ruleVersion: number; status: string }) => [o.period.label, o.ruleVersion, o.status])).toEqual([
      ['2025-06', 1, 'DONE'],
      ['2025-07', 2, 'OVERDUE'],
      ['2025-08', 2, 'OVERDUE'],
    ]);
    expect(theme[1].citation.text).toBe('《中国共产党支部工作条例（试行）》第十六条');
    expect(JSON.parse(theme[1].detail)).toMatchObject({ held: 1, required: 2 });
  });
});

describe('obligations by scope', () => {
  const Q = 'query($s: ScopeInput!) { obligations(scope: $s) { ruleId subject { kind id branchId } status } }';
  const cases: [string, { kind: string; id: string }, string | null][] = [
    ['sec', { kind: 'BRANCH', id: 'b-1' }, null],
    ['sec', { kind: 'BRANCH', id: 'b-2' }, 'FORBIDDEN'],
    ['cm', { kind: 'BRANCH', id: 'b-1' }, null],
    ['a', { kind: 'BRANCH', id: 'b-1' }, 'FORBIDDEN'],
    ['a', { kind: 'MEMBER', id: 'm-a' }, null],
    // A member the viewer may not read answers as one who does not exist (server/auth/scope.ts).
    ['a', { kind: 'MEMBER', id: 'm-b' }, 'NOT_FOUND'],
    ['sec', { kind: 'MEMBER', id: 'm-a' }, null],
    ['cadmin', { kind: 'COMMITTEE', id: 'c-1' }, null],
    ['cadmin', { kind: 'COMMITTEE', id: 'c-2' }, 'FORBIDDEN'],
    ['sec', { kind: 'COMMITTEE', id: 'c-1' }, 'FORBIDDEN'],
    ['cadmin', { kind: 'UNIVERSITY', id: 'u-1' }, 'FORBIDDEN'],
    ['uadmin', { kind: 'UNIVERSITY', id: 'u-1' }, null],
    ['uadmin', { kind: 'BRANCH', id: 'b-9' }, 'NOT_FOUND'],
    ['uadmin', { kind: 'GROUP', id: 'g-1' }, 'BAD_USER_INPUT'],
  ];
  for (const [who, scope, code] of cases) {
    it(`${who} on ${scope.kind} ${scope.id}: ${code ?? 'allowed'}`, async () => {
      const r = await t.as(who as never)(Q, { s: scope });
      if (code) {
        expect(codes(r)).toEqual([code]);
        return;
      }
      expect(r.body.errors).toBeUndefined();
      type O = { subject: { kind: string; id: string; branchId: string | null } };
      const list: O[] = r.body.data.obligations;
      // Branch rules fall on the branches of the scope; member rules on members of those branches.
      const branches = new Set(list.map((o) => (o.subject.kind === 'BRANCH' ? o.subject.id : o.subject.branchId)));
      if (scope.kind === 'BRANCH') expect([...branches]).toEqual(['b-1']);
      if (scope.kind === 'COMMITTEE') expect([...branches].sort()).toEqual(['b-1', 'b-2']);
      if (scope.kind === 'UNIVERSITY') expect([...branches].sort()).toEqual(['b-1', 'b-2', 'b-3']);
      const subjects = new Set(list.map((o) => o.subject.id));
      if (scope.kind === 'MEMBER') expect([...subjects].every((id) => id === scope.id)).toBe(true);
    });
  }

  it('refuses half a window and a window over three years, naming the field', async () => {
    const r = await t.as('sec')('{ obligations(scope: { kind: BRANCH, id: "b-1" }, from: "2025-01-01T00:00:00Z") { ruleId } }');
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.body.errors[0].extensions.field).toBe('to');
    const r2 = await t.as('sec')('{ obligations(scope: { kind: BRANCH, id: "b-1" }, from: "2020-01-01T00:00:00Z", to: "2025-01-01T00:00:00Z") { ruleId } }');
    expect(r2.body.errors[0].extensions.field).toBe('to');
  });
});

describe('workQueue', () => {
  const Q =
    '{ workQueue { scopeKind scopeId overdue due upcoming items { key ruleId status dueAt period { label } subject { kind id branchId } action { kind targetId } citation { text } } } }';

  it("lists the secretary's branch obligations that are open, by due date, each with its action and citation", async () => {
    const r = await t.as('sec')(Q);
    expect(r.body.errors).toBeUndefined();
    const q = r.body.data.workQueue;
    expect(q).toMatchObject({ scopeKind: 'BRANCH', scopeId: 'b-1' });
    expect(q.items.length).toBeGreaterThan(0);
    expect(q.items.every((o: { status: string }) => o.status !== 'DONE')).toBe(true);
    expect(q.items.every((o: { subject: { id: string; branchId: string } }) => o.subject.id === 'b-1' || o.subject.branchId === 'b-1')).toBe(true);
    const due = q.items.map((o: { dueAt: string }) => Date.parse(o.dueAt));
    expect(due).toEqual([...due].sort((a, b) => a - b));
    expect(q.overdue + q.due + q.upcoming).toBe(q.items.length);
    // June 2025 has begun and b-1 has held no branch committee meeting in it: due, not yet late.
    const june = q.items.find((o: { ruleId: string; period: { label: string } }) => o.ruleId === 'life.branch-committee.minimum' && o.period.label === '2025-06');
    expect(june).toMatchObject({ status: 'DUE', action: { kind: 'schedule-meeting', targetId: 'b-1' }, citation: { text: '《中国共产党支部工作条例（试行）》第十二条' } });
    // The theme day of June was held (created above), so it is not in the queue.
    expect(q.items.find((o: { ruleId: string; period: { label: string } }) => o.ruleId === THEME && o.period.label === '2025-06')).toBeUndefined();
  });

  it('covers the committee for its administrator and only the member themself for a member', async () => {
    const c = (await t.as('cadmin')(Q)).body.data.workQueue;
    expect(c).toMatchObject({ scopeKind: 'COMMITTEE', scopeId: 'c-1' });
    expect(new Set(c.items.map((o: { subject: { kind: string; id: string; branchId: string } }) => (o.subject.kind === 'BRANCH' ? o.subject.id : o.subject.branchId)))).toEqual(
      new Set(['b-1', 'b-2']),
    );
    const m = (await t.as('a')(Q)).body.data.workQueue;
    expect(m).toMatchObject({ scopeKind: 'MEMBER', scopeId: 'm-a' });
    expect(m.items.every((o: { subject: { id: string } }) => o.subject.id === 'm-a')).toBe(true);
  });

  it('refuses a horizon out of range, naming it', async () => {
    const r = await t.as('sec')('{ workQueue(horizonDays: 400) { overdue } }');
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.body.errors[0].extensions.field).toBe('horizonDays');
  });
});
