/**
 * The party-affairs rules through the rules engine on a real Kuzu store: each obligation-raising
 * rule just inside and just outside its limit (verdict and citation), the parameter-only rules
 * checked at load, and an override of the candidate waiting period changing the verdict from its
 * effective day on.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '../../graph';
import type { Milestone } from '../../graph/affairs-model';
import { addMonths } from '../../server/affairs/china-time';
import { PIPELINE_RULES } from '../../server/rules/catalogue/pipeline';
import { type RuleOverride, RulesEngine } from '../../server/rules/engine';
import { CatalogueError, loadCatalogue } from '../../server/rules/loader';
import { EVALUATORS } from '../../server/rules/evaluators/index';
import { DUES_RULES } from '../../server/rules/catalogue/dues';
import { buildMember } from '../support/builders';
import { useOrgStore } from '../support/org-store';

const org = useOrgStore({ branches: [['b-1', '一支部']] });
let store: GraphStore;
const DAY = 86_400_000;
const cst = (d: string) => Date.parse(`${d}T10:00:00+08:00`);

beforeAll(async () => {
  store = org.store;
  for (const id of ['m-talk', 'm-cand', 'm-dues3', 'm-dues6', 'm-letter']) await buildMember(store, { id, branchId: 'b-1', stage: 'APPLICANT' });
  const ms = (memberId: string, step: Milestone['step'], at: number, prev: string | null) =>
    store.addMilestone(
      {
        id: `${memberId}-${step}`,
        memberId,
        step,
        at,
        recordedAt: at,
        recordedBy: 'x',
        evidence: { meetingId: null, documentRef: null, people: [], trainingDays: null, trainingHours: null, note: null },
      },
      prev,
    );
  await ms('m-talk', 'APPLICATION', cst('2025-01-31'), null);
  await ms('m-cand', 'APPLICATION', cst('2024-01-02'), null);
  await ms('m-cand', 'TALK', cst('2024-01-10'), 'm-cand-APPLICATION');
  await ms('m-cand', 'ACTIVIST', cst('2024-03-01'), 'm-cand-TALK');
  await ms('m-cand', 'REVIEW', cst('2024-09-01'), 'm-cand-ACTIVIST');
  for (const id of ['m-dues3', 'm-dues6']) {
    await store.setDuesStandard({
      memberId: id,
      year: 2025,
      category: 'STUDENT',
      baseFen: null,
      computedFen: 20,
      monthlyFen: 20,
      ruleId: 'dues.fixed-minimum',
      ruleVersion: 1,
      recordedAt: 0,
      recordedBy: 'x',
    });
  }
  await store.recordDuesPayment({ id: 'p3', memberId: 'm-dues3', months: ['2025-01', '2025-02', '2025-03'], amountFen: 60, paidAt: 0, recordedBy: 'x' });
  await store.createTransferCase({
    id: 'tc-l',
    memberId: 'm-letter',
    kind: 'OUT',
    status: 'LETTER_ISSUED',
    fromBranchId: 'b-1',
    toBranchId: null,
    externalOrg: '外单位',
    letterNumber: '组转〔2025〕1号',
    validUntil: cst('2025-06-30'),
    duesPaidUntil: '2025-05',
    reason: '毕业',
    batchId: null,
    profileConsentAt: null,
    steps: [],
    createdAt: 0,
    updatedAt: 0,
  });
});

const verdict = async (engine: RulesEngine, ruleId: string, memberId: string, asOf: number) =>
  (await engine.evaluate({ kind: 'BRANCH', id: 'b-1' }, asOf, { ruleIds: [ruleId] }))
    .filter((o) => o.subject.id === memberId)
    .map((o) => ({ status: o.status, dueAt: o.dueAt, document: o.citation.document, article: o.citation.article }));

describe('party-affairs rules in the engine', () => {
  it('talk within a month: due on the last day, overdue the day after (calendar month, clamped)', async () => {
    const e = new RulesEngine({ store, loadOverrides: async () => [] });
    const deadline = addMonths(cst('2025-01-31'), 1); // 2025-02-28 10:00 CST
    expect(await verdict(e, 'pipeline.talk.within-month', 'm-talk', deadline)).toEqual([
      { status: 'DUE', dueAt: deadline, document: '中国共产党发展党员工作细则', article: undefined },
    ]);
    expect((await verdict(e, 'pipeline.talk.within-month', 'm-talk', deadline + 1))[0].status).toBe('OVERDUE');
  });

  it('development candidate: upcoming until a year after activist, due from then; an override to 24 months applies from its day on', async () => {
    const e = new RulesEngine({ store, loadOverrides: async () => [] });
    const year = addMonths(cst('2024-03-01'), 12);
    expect(await verdict(e, 'pipeline.candidate.min-wait', 'm-cand', year - 1)).toEqual([
      { status: 'UPCOMING', dueAt: year, document: '中国共产党发展党员工作细则', article: '第十三条' },
    ]);
    expect((await verdict(e, 'pipeline.candidate.min-wait', 'm-cand', year))[0].status).toBe('DUE');
    const base = PIPELINE_RULES.find((r) => r.id === 'pipeline.candidate.min-wait')!;
    const ov: RuleOverride = {
      id: 'pipeline.candidate.min-wait@2',
      ruleId: base.id,
      version: 2,
      effectiveFrom: '2025-03-10',
      reason: '学校从严',
      createdBy: 'm-u',
      createdAt: 0,
      params: { ...base.params, notBefore: { after: 'ACTIVIST', months: 24 } } as unknown as Record<string, unknown>,
    };
    const strict = new RulesEngine({ store, loadOverrides: async () => [ov] });
    expect((await verdict(strict, 'pipeline.candidate.min-wait', 'm-cand', cst('2025-03-05')))[0].status).toBe('DUE');
    const after = await verdict(strict, 'pipeline.candidate.min-wait', 'm-cand', cst('2025-03-11'));
    expect(after).toEqual([{ status: 'UPCOMING', dueAt: addMonths(cst('2024-03-01'), 24), document: '中国共产党发展党员工作细则', article: '第十三条' }]);
    expect(await strict.ruleInForce(base.id, cst('2025-03-11'))).toMatchObject({ version: 2 });
  });

  it('half-yearly review: upcoming until six months after the last one, overdue after', async () => {
    const e = new RulesEngine({ store, loadOverrides: async () => [] });
    const due = addMonths(cst('2024-09-01'), 6);
    expect((await verdict(e, 'pipeline.review.half-yearly', 'm-cand', due))[0].status).toBe('UPCOMING');
    expect((await verdict(e, 'pipeline.review.half-yearly', 'm-cand', due + 1))[0].status).toBe('OVERDUE');
  });

  it('dues arrears: 2 months no prompt, 3 months a warning; 5 months no case, 6 months the Constitution’s case', async () => {
    const e = new RulesEngine({ store, loadOverrides: async () => [] });
    // m-dues3 paid Jan–Mar 2025: in June, April and May are owed (2); in July, three.
    expect(await verdict(e, 'dues.arrears.warn', 'm-dues3', cst('2025-06-15'))).toEqual([]);
    expect((await verdict(e, 'dues.arrears.warn', 'm-dues3', cst('2025-07-01')))[0]).toMatchObject({ status: 'OVERDUE', document: '关于中国共产党党费收缴、使用和管理的规定' });
    // m-dues6 never paid: in June, Jan–May are owed (5); in July, six.
    expect(await verdict(e, 'dues.arrears.constitution', 'm-dues6', cst('2025-06-15'))).toEqual([]);
    expect((await verdict(e, 'dues.arrears.constitution', 'm-dues6', cst('2025-07-01')))[0]).toMatchObject({ status: 'OVERDUE', document: '中国共产党章程' });
    expect((await store.getMembersByIds(['m-dues6']))[0].stage).toBe('APPLICANT');
  });

  it('transfer receipt: due until the letter’s validity ends, overdue after', async () => {
    const e = new RulesEngine({ store, loadOverrides: async () => [] });
    expect((await verdict(e, 'transfer.receipt.overdue', 'm-letter', cst('2025-06-30')))[0].status).toBe('DUE');
    expect((await verdict(e, 'transfer.receipt.overdue', 'm-letter', cst('2025-06-30') + DAY))[0].status).toBe('OVERDUE');
  });

  it('refuses a bad catalogue at load with the rule id and field', () => {
    const brackets = DUES_RULES.find((r) => r.id === 'dues.employed.brackets')!;
    const broken = {
      ...brackets,
      params: {
        ...(brackets.params as object),
        brackets: [
          { upToFen: 500_000, basisPoints: 100 },
          { upToFen: 300_000, basisPoints: 50 },
          { upToFen: null, basisPoints: 200 },
        ],
      },
    };
    expect(() => loadCatalogue([broken], EVALUATORS)).toThrow(CatalogueError);
    expect(() => loadCatalogue([broken], EVALUATORS)).toThrow(/dues\.employed\.brackets.*params\.brackets\[1\]\.upToFen/);
    const talk = PIPELINE_RULES[1];
    expect(() => loadCatalogue([{ ...talk, params: { ...talk.params, step: 'NOPE' } }], EVALUATORS)).toThrow(/params\.step/);
  });
});
