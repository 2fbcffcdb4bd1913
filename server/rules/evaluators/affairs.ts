/**
 * Engine evaluators of the party-affairs rule kinds. pipeline-step, dues-arrears and
 * transfer-receipt turn into obligations for the members in scope (from the scope's facts,
 * ctx.facts); dues-brackets, dues-fixed, dues-voluntary, transfer-sequence and notice-period are
 * parameters the services apply when a thing is recorded, so they yield no obligations of their own.
 */
import type { TransferCase } from '../../../graph';
import { dateOf, monthOf, shiftMonth, addMonths } from '../../affairs/china-time';
import type { DuesArrearsParams } from '../catalogue/dues';
import type { PipelineStepParams } from '../catalogue/pipeline';
import type { Evaluator, Obligation, RuleContext, RuleDef, SubjectRef } from '../types';
import {
  validateDuesArrears,
  validateDuesBrackets,
  validateDuesFixed,
  validateNoticePeriod,
  validatePipelineStep,
  validateTransferReceipt,
  validateTransferSequence,
} from './affairs-params';
import { derive } from '../facts';
import { type Arrears, arrearsOf } from './dues';
import { ruleSpan } from './meeting-minimum';
import { type PipelinePlan, pipelinePlan, planObligation } from './pipeline-step';
import { encodeReason, reason } from '../../i18n/reasons';

/**
 * These obligations have no calendar period: a person's state as of `asOf` is judged by the rule
 * version in force at `asOf` alone, so other versions the engine hands over yield nothing.
 */
const inForceAt = (rule: RuleDef<unknown>, asOf: number) => {
  const span = ruleSpan(rule);
  return span.from <= asOf && asOf < span.to;
};

export const pipelineStepEvaluator: Evaluator<PipelineStepParams> = {
  kind: 'pipeline-step',
  validate: validatePipelineStep,
  // A plan's due date, deadline or earliest day is reported; rule versions change on day boundaries.
  reportsChanges: true,
  async evaluate(ctx, rule, subjects, asOf) {
    if (!inForceAt(rule, asOf)) return [];
    const facts = await ctx.facts();
    const out: Obligation[] = [];
    const ruleKey = `pipeline|${rule.id}@${rule.version}|${JSON.stringify(rule.params)}`;
    for (const s of subjects) {
      if (s.kind !== 'MEMBER') continue;
      const slice = facts.branch(s.branchId);
      const done = slice.milestones.get(s.id);
      if (!done?.length) continue;
      // The plan depends on the milestones and the rule version only: kept with the slice's facts.
      const plans = derive(slice, ruleKey, () => new Map<string, PipelinePlan>());
      let plan = plans.get(s.id);
      if (plan === undefined) {
        plan = pipelinePlan(rule, done);
        plans.set(s.id, plan);
      }
      reportPlanChanges(ctx, plan, s.branchId);
      const o = planObligation(rule, plan, asOf, { id: s.id, name: s.name });
      if (o) {
        o.subject = s;
        out.push(o);
      }
    }
    return out;
  },
};

/** The instants at which planObligation's answer for this plan changes (it compares "as of" with them). */
function reportPlanChanges(ctx: RuleContext, plan: PipelinePlan, branchId: string | undefined): void {
  if (!plan) return;
  if (plan.kind === 'repeat') ctx.until(plan.dueAt + 1, branchId);
  if (plan.kind === 'pending') {
    if (plan.deadline !== null) ctx.until(plan.deadline + 1, branchId);
    if (plan.earliest !== null) ctx.until(plan.earliest, branchId);
  }
}

export const duesArrearsEvaluator: Evaluator<DuesArrearsParams> = {
  kind: 'dues-arrears',
  validate: validateDuesArrears,
  // Arrears count whole months up to the month before "as of": they change where months start.
  reportsChanges: true,
  async evaluate(ctx, rule: RuleDef<DuesArrearsParams>, subjects, asOf) {
    if (!inForceAt(rule, asOf)) return [];
    const facts = await ctx.facts();
    const out: Obligation[] = [];
    const lastOwed = shiftMonth(monthOf(asOf), -1);
    for (const s of subjects) {
      if (s.kind !== 'MEMBER') continue;
      const slice = facts.branch(s.branchId);
      const st = slice.standards.get(s.id);
      if (!st?.length) continue;
      const arrears = derive(slice, `arrears|${lastOwed}`, () => new Map<string, Arrears>());
      let a = arrears.get(s.id);
      if (!a) {
        a = arrearsOf(st, slice.payments.get(s.id) ?? [], `${Math.min(...st.map((x) => x.year))}-01`, lastOwed);
        arrears.set(s.id, a);
      }
      if (a.consecutiveUnpaid < rule.params.months) continue;
      const firstUnpaid = a.unpaidMonths[a.unpaidMonths.length - a.consecutiveUnpaid];
      const dueAt = addMonths(Date.parse(`${firstUnpaid}-01T00:00:00+08:00`), rule.params.months) - 1;
      out.push({
        ruleId: rule.id,
        ruleVersion: rule.version,
        kind: rule.kind,
        subject: s,
        title: `${rule.title.zh}（${s.name ?? s.id}，已连续${a.consecutiveUnpaid}个月未交）`,
        status: 'OVERDUE',
        dueAt,
        titleDetail: encodeReason(reason('OBL_DUES_ARREARS', { member: s.name ?? s.id, months: a.consecutiveUnpaid })),
        evidence: [{ kind: 'DuesArrears', id: s.id, label: encodeReason(reason('OBL_UNPAID_SINCE', { month: firstUnpaid })) }],
        citation: rule.citation,
        action: { kind: 'dues', targetId: s.id },
        detail: { consecutiveUnpaid: a.consecutiveUnpaid, owedFen: a.owedFen, severity: rule.params.severity },
      });
    }
    return out;
  },
};

export const transferReceiptEvaluator: Evaluator = {
  kind: 'transfer-receipt',
  validate: validateTransferReceipt,
  // A letter turns overdue just after its validity ends.
  reportsChanges: true,
  async evaluate(ctx, rule, subjects, asOf) {
    if (!inForceAt(rule, asOf)) return [];
    const facts = await ctx.facts();
    const bySubject = new Map<string, SubjectRef>();
    const cases: TransferCase[] = [];
    for (const s of subjects) {
      if (s.kind !== 'MEMBER' || bySubject.has(s.id)) continue;
      bySubject.set(s.id, s);
      cases.push(...(facts.branch(s.branchId).letters.get(s.id) ?? []));
    }
    cases.sort((a, b) => b.createdAt - a.createdAt || a.id.localeCompare(b.id));
    for (const c of cases) if (c.validUntil !== null) ctx.until(c.validUntil + 1, bySubject.get(c.memberId)?.branchId);
    return cases
      .filter((c) => c.validUntil !== null)
      .map((c) => ({
        ruleId: rule.id,
        ruleVersion: rule.version,
        kind: rule.kind,
        subject: bySubject.get(c.memberId)!,
        title: `${rule.title.zh}（${c.letterNumber ?? c.id}，有效期至${dateOf(c.validUntil!)}）`,
        titleDetail: encodeReason(reason('OBL_LETTER_VALID', { letter: c.letterNumber ?? c.id, until: dateOf(c.validUntil!) })),
        status: asOf > c.validUntil! ? ('OVERDUE' as const) : ('DUE' as const),
        dueAt: c.validUntil,
        evidence: [{ kind: 'TransferCase', id: c.id, label: c.letterNumber ?? undefined }],
        citation: rule.citation,
        action: { kind: 'transfer', targetId: c.id },
      }));
  },
};

/** Rules that parameterise what services record and carry no obligations of their own. */
const parameterOnly = (kind: string, validate: (raw: unknown) => unknown): Evaluator => ({
  kind,
  validate,
  reportsChanges: true,
  evaluate: async () => [],
});

export const AFFAIRS_EVALUATORS: Evaluator[] = [
  pipelineStepEvaluator,
  duesArrearsEvaluator,
  transferReceiptEvaluator,
  parameterOnly('dues-brackets', validateDuesBrackets),
  parameterOnly('dues-fixed', validateDuesFixed),
  parameterOnly('dues-voluntary', (raw) => raw ?? {}),
  parameterOnly('transfer-sequence', validateTransferSequence),
  parameterOnly('notice-period', validateNoticePeriod),
];
