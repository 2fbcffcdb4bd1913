/**
 * The rules engine on a real Kuzu store: the catalogue check at start, each catalogue rule just
 * inside and just outside its period (verdict and citation), and a changed parameter changing the
 * verdict from its effective day on, while earlier periods keep the rule they had.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '../../graph';
import { CATALOGUE } from '../../server/rules/catalogue/index';
import { LIFE_RULES } from '../../server/rules/catalogue/life';
import { type RuleOverride, RulesEngine } from '../../server/rules/engine';
import { EVALUATORS } from '../../server/rules/evaluators/index';
import { CatalogueError, loadCatalogue } from '../../server/rules/loader';
import { cstDayStart, periodAt } from '../support/rules-time';
import { useOrgStore } from '../support/org-store';

const BRANCHES = ['b-in', 'b-out', 'b-edge', 'b-before', 'b-nogroup', 'b-ov'];
const org = useOrgStore({ committeeName: '计算机学院党委', branches: BRANCHES.map((id) => [id, `支部${id}`] as const) });
let store: GraphStore;
let seq = 0;

beforeAll(async () => {
  store = org.store;
  for (const id of BRANCHES) if (id !== 'b-nogroup') await store.createGroup({ id: `g-${id}`, name: '第一党小组', branchId: id });
});

const meeting = (branchId: string, kind: string, at: number) =>
  store.createMeeting({ id: `mt-${++seq}`, branchId, kind: kind as never, title: `会议${seq}`, at, minutes: 60, record: '' });

describe('catalogue check at start', () => {
  it('accepts the shipped catalogue', () => {
    expect(loadCatalogue(CATALOGUE, EVALUATORS).size).toBe(CATALOGUE.length);
  });

  const bad: [string, (r: (typeof LIFE_RULES)[number]) => unknown, string, RegExp][] = [
    ['an unknown frequency', (r) => ({ ...r, params: { ...r.params, frequency: 'WEEK' } }), 'params.frequency', /params\.frequency must be one of MONTH, QUARTER, YEAR/],
    ['a minimum of zero', (r) => ({ ...r, params: { ...r.params, minimum: 0 } }), 'params.minimum', /params\.minimum must be a whole number/],
    ['an unknown kind', (r) => ({ ...r, kind: 'no-such-kind' }), 'kind', /no evaluator/],
    ['a day that does not exist', (r) => ({ ...r, effectiveFrom: '2025-02-30' }), 'effectiveFrom', /YYYY-MM-DD/],
    ['an unconfirmed article', (r) => ({ ...r, citation: { document: 'x', article: '第一条', confirmed: false } }), 'citation.article', /only when confirmed/],
    ['a confirmed citation without article', (r) => ({ ...r, citation: { document: 'x', confirmed: true } }), 'citation.article', /must give the article/],
    ['no title', (r) => ({ ...r, title: { zh: '', en: 'x' } }), 'title.zh', /title\.zh/],
  ];
  for (const [what, mutate, field, message] of bad) {
    it(`fails with the rule id and field on ${what}`, () => {
      const rule = LIFE_RULES[1];
      const broken = mutate(rule) as never;
      let err: unknown;
      try {
        loadCatalogue([LIFE_RULES[0], broken], EVALUATORS);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(CatalogueError);
      expect((err as CatalogueError).ruleId).toBe(rule.id);
      expect((err as CatalogueError).field).toBe(field);
      expect((err as Error).message).toContain(`rule "${rule.id}"`);
      expect((err as Error).message).toMatch(message);
    });
  }

  it('refuses two entries of one rule in force on the same day', () => {
    expect(() => loadCatalogue([LIFE_RULES[0], { ...LIFE_RULES[0], effectiveFrom: '2020-01-01' }], EVALUATORS)).toThrow(/in force on the same day/);
  });

  it('stops the server from starting', () => {
    const broken = { ...LIFE_RULES[0], params: { ...LIFE_RULES[0].params, meetingKind: 'PICNIC' } };
    expect(() => new RulesEngine({ store, catalogue: [broken] })).toThrow(/rule "life.branch-assembly.minimum": params.meetingKind/);
  });
});

describe('each catalogue rule just inside and just outside its period', () => {
  const engine = () => new RulesEngine({ store, loadOverrides: async () => [] });
  for (const rule of LIFE_RULES) {
    it(`${rule.id}: a meeting at the last instant counts, one an instant later does not`, async () => {
      const p = periodAt(rule.params.frequency, cstDayStart(2025, 2, 10));
      const kind = rule.params.meetingKind;
      await meeting('b-in', kind, p.end - 1);
      await meeting('b-out', kind, p.end);
      await meeting('b-edge', kind, p.start);
      await meeting('b-before', kind, p.start - 1);
      const asOf = cstDayStart(2026, 6, 1);
      const all = await engine().evaluate({ kind: 'COMMITTEE', id: 'c-1' }, asOf, { window: { from: p.start, to: p.end }, ruleIds: [rule.id] });
      const verdict = (b: string) => all.find((o) => o.subject.id === b && o.period?.label === p.label);
      expect(verdict('b-in')).toMatchObject({ status: 'DONE', ruleId: rule.id, ruleVersion: 1, citation: rule.citation, dueAt: p.end - 1 });
      expect(verdict('b-in')!.evidence).toHaveLength(1);
      expect(verdict('b-edge')?.status).toBe('DONE');
      expect(verdict('b-out')).toMatchObject({ status: 'OVERDUE', citation: rule.citation, evidence: [] });
      expect(verdict('b-before')?.status).toBe('OVERDUE');
      if (rule.params.onlyWithGroups) expect(verdict('b-nogroup')).toBeUndefined();
      else expect(verdict('b-nogroup')?.status).toBe('OVERDUE');
      // The same period seen from inside it: not late yet, still due.
      const during = await engine().evaluate({ kind: 'BRANCH', id: 'b-out' }, p.end - 1, { window: { from: p.start, to: p.end }, ruleIds: [rule.id] });
      expect(during.find((o) => o.period?.label === p.label)?.status).toBe('DUE');
    });
  }
});

describe('overrides', () => {
  it('a stricter minimum changes the verdict from its effective day on, and earlier periods keep the old rule', async () => {
    const rule = LIFE_RULES.find((r) => r.id === 'life.theme-day.minimum')!;
    // One theme day in each month March–June 2025.
    for (const m of [3, 4, 5, 6]) await meeting('b-ov', 'THEME_DAY', cstDayStart(2025, m, 12));
    const overrides: RuleOverride[] = [
      {
        id: `${rule.id}@2`,
        ruleId: rule.id,
        version: 2,
        params: { ...rule.params, minimum: 2 },
        effectiveFrom: '2025-05-01',
        reason: '本校要求每月两次主题党日',
        createdBy: 'm-uadmin',
        createdAt: cstDayStart(2025, 4, 20),
      },
    ];
    const engine = new RulesEngine({ store, loadOverrides: async () => overrides });
    const window = { from: cstDayStart(2025, 3, 1), to: cstDayStart(2025, 7, 1) };
    const got = await engine.evaluate({ kind: 'BRANCH', id: 'b-ov' }, cstDayStart(2025, 8, 1), { window, ruleIds: [rule.id] });
    expect(got.map((o) => [o.period!.label, o.ruleVersion, o.status, o.detail!.required])).toEqual([
      ['2025-03', 1, 'DONE', 1],
      ['2025-04', 1, 'DONE', 1],
      ['2025-05', 2, 'OVERDUE', 2],
      ['2025-06', 2, 'OVERDUE', 2],
    ]);
    expect(await engine.ruleInForce(rule.id, cstDayStart(2025, 4, 30))).toMatchObject({ version: 1, effectiveTo: '2025-05-01' });
    expect(await engine.ruleInForce(rule.id, cstDayStart(2025, 5, 1))).toMatchObject({ version: 2, effectiveFrom: '2025-05-01', params: { minimum: 2 } });
    // Just inside the stricter rule: a second theme day in May makes May DONE again.
    await meeting('b-ov', 'THEME_DAY', cstDayStart(2025, 5, 31, 23));
    const again = await engine.evaluate({ kind: 'BRANCH', id: 'b-ov' }, cstDayStart(2025, 8, 1), { window, ruleIds: [rule.id] });
    expect(again.find((o) => o.period!.label === '2025-05')).toMatchObject({ status: 'DONE', ruleVersion: 2 });
  });

  it('refuses override params its evaluator rejects, naming the field', () => {
    const engine = new RulesEngine({ store, loadOverrides: async () => [] });
    const rule = LIFE_RULES[0];
    expect(() =>
      engine.checkOverride({
        id: 'x',
        ruleId: rule.id,
        version: 2,
        params: { ...rule.params, frequency: 'FORTNIGHT' },
        effectiveFrom: '2026-01-01',
        reason: 'x',
        createdBy: 'm',
        createdAt: 0,
      }),
    ).toThrow(/params\.frequency/);
  });
});
