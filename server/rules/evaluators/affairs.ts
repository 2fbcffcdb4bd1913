/**
 * Engine evaluators of the party-affairs rule kinds. pipeline-step, dues-arrears and
 * transfer-receipt turn into obligations for the members in scope (read once per evaluation through
 * ctx.memo); dues-brackets, dues-fixed, dues-voluntary, transfer-sequence and notice-period are
 * parameters the services apply when a thing is recorded, so they yield no obligations of their own.
 */
import type { DuesPayment, DuesStandard, Milestone, TransferCase } from '../../../graph';
import { dateOf, monthOf, shiftMonth, addMonths } from '../../affairs/china-time';
import type { DuesArrearsParams } from '../catalogue/dues';
import type { PipelineStepParams } from '../catalogue/pipeline';
import type { Evaluator, Obligation, RuleContext, RuleDef, SubjectRef } from '../types';
import {
  validateDuesArrears, validateDuesBrackets, validateDuesFixed, validateNoticePeriod, validatePipelineStep,
  validateTransferReceipt, validateTransferSequence,
} from './affairs-params';
import { arrearsOf } from './dues';
import { ruleSpan } from './meeting-minimum';
import { pipelineObligations } from './pipeline-step';

/**
 * These obligations have no calendar period: a person's state as of `asOf` is judged by the rule
 * version in force at `asOf` alone, so other versions the engine hands over yield nothing.
 */
const inForceAt = (rule: RuleDef<unknown>, asOf: number) => {
  const span = ruleSpan(rule);
  return span.from <= asOf && asOf < span.to;
};

const memberIds = (subjects: SubjectRef[]) => subjects.filter((x) => x.kind === 'MEMBER').map((x) => x.id);
const key = (name: string, ids: string[]) => `${name}:${ids.join(',')}`;

const milestonesOf = (ctx: RuleContext, ids: string[]) =>
  ctx.memo(key('affairs.milestones', ids), () => (ids.length ? ctx.store.listMilestones(ids) : Promise.resolve(new Map<string, Milestone[]>())));

export const pipelineStepEvaluator: Evaluator<PipelineStepParams> = {
  kind: 'pipeline-step',
  validate: validatePipelineStep,
  async evaluate(ctx, rule, subjects, asOf) {
    if (!inForceAt(rule, asOf)) return [];
    const ids = memberIds(subjects);
    const all = await milestonesOf(ctx, ids);
    const rules = new Map([[rule.params.step, rule]]);
    return subjects.flatMap((s) => {
      const done = all.get(s.id) ?? [];
      if (done.length === 0) return [];
      return pipelineObligations(rules, done, asOf, { id: s.id, name: s.name }).map((o) => ({ ...o, subject: s }));
    });
  },
};

async function duesOf(ctx: RuleContext, ids: string[]): Promise<{ standards: DuesStandard[]; payments: DuesPayment[] }> {
  return ctx.memo(key('affairs.dues', ids), async () => ({
    standards: ids.length ? await ctx.store.listDuesStandards(ids) : [],
    payments: ids.length ? await ctx.store.listDuesPayments(ids) : [],
  }));
}

export const duesArrearsEvaluator: Evaluator<DuesArrearsParams> = {
  kind: 'dues-arrears',
  validate: validateDuesArrears,
  async evaluate(ctx, rule: RuleDef<DuesArrearsParams>, subjects, asOf) {
    if (!inForceAt(rule, asOf)) return [];
    const { standards, payments } = await duesOf(ctx, memberIds(subjects));
    const out: Obligation[] = [];
    const lastOwed = shiftMonth(monthOf(asOf), -1);
    for (const s of subjects) {
      const st = standards.filter((x) => x.memberId === s.id);
      if (!st.length) continue;
      const a = arrearsOf(st, payments.filter((x) => x.memberId === s.id), `${Math.min(...st.map((x) => x.year))}-01`, lastOwed);
      if (a.consecutiveUnpaid < rule.params.months) continue;
      const firstUnpaid = a.unpaidMonths[a.unpaidMonths.length - a.consecutiveUnpaid];
      const dueAt = addMonths(Date.parse(`${firstUnpaid}-01T00:00:00+08:00`), rule.params.months) - 1;
      out.push({
        ruleId: rule.id, ruleVersion: rule.version, kind: rule.kind, subject: s,
        title: `${rule.title.zh}（${s.name ?? s.id}，已连续${a.consecutiveUnpaid}个月未交）`, status: 'OVERDUE', dueAt,
        evidence: [{ kind: 'DuesArrears', id: s.id, label: `${firstUnpaid} 起未交` }],
        citation: rule.citation, action: { kind: 'dues', targetId: s.id },
        detail: { consecutiveUnpaid: a.consecutiveUnpaid, owedFen: a.owedFen, severity: rule.params.severity },
      });
    }
    return out;
  },
};

export const transferReceiptEvaluator: Evaluator = {
  kind: 'transfer-receipt',
  validate: validateTransferReceipt,
  async evaluate(ctx, rule, subjects, asOf) {
    if (!inForceAt(rule, asOf)) return [];
    const ids = memberIds(subjects);
    const cases: TransferCase[] = await ctx.memo(key('affairs.transfers', ids), () => (ids.length
      ? ctx.store.listTransferCases({ memberIds: ids, statuses: ['LETTER_ISSUED'] }) : Promise.resolve([])));
    const bySubject = new Map(subjects.map((s) => [s.id, s]));
    return cases.filter((c) => c.validUntil !== null && bySubject.has(c.memberId)).map((c) => ({
      ruleId: rule.id, ruleVersion: rule.version, kind: rule.kind, subject: bySubject.get(c.memberId)!,
      title: `${rule.title.zh}（${c.letterNumber ?? c.id}，有效期至${dateOf(c.validUntil!)}）`,
      status: asOf > c.validUntil! ? 'OVERDUE' as const : 'DUE' as const, dueAt: c.validUntil,
      evidence: [{ kind: 'TransferCase', id: c.id, label: c.letterNumber ?? undefined }],
      citation: rule.citation, action: { kind: 'transfer', targetId: c.id },
    }));
  },
};

/** Rules that parameterise what services record and carry no obligations of their own. */
const parameterOnly = (kind: string, validate: (raw: unknown) => unknown): Evaluator => ({
  kind, validate, evaluate: async () => [],
});

export const AFFAIRS_EVALUATORS: Evaluator[] = [
  pipelineStepEvaluator, duesArrearsEvaluator, transferReceiptEvaluator,
  parameterOnly('dues-brackets', validateDuesBrackets),
  parameterOnly('dues-fixed', validateDuesFixed),
  parameterOnly('dues-voluntary', (raw) => raw ?? {}),
  parameterOnly('transfer-sequence', validateTransferSequence),
  parameterOnly('notice-period', validateNoticePeriod),
];
