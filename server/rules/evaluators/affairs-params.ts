/** Parameter checks of the party-affairs rule kinds (each names the field; the loader adds the rule id). */
import { DUES_CATEGORIES, PIPELINE_STEPS, type DuesCategory, type PipelineStep } from '../../../graph';
import type { Bracket, DuesArrearsParams, DuesBracketParams, DuesFixedParams } from '../catalogue/dues';
import type { NoticePeriodParams } from '../catalogue/notices';
import type { PipelineStepParams, Span } from '../catalogue/pipeline';
import type { TransferReceiptParams, TransferSequenceParams } from '../catalogue/transfers';
import { ParamError, requireInteger, requireObject, requireOneOf } from './params';

function list<T extends string>(p: Record<string, unknown>, field: string, allowed: readonly T[], min = 0): T[] {
  const v = p[field];
  if (!Array.isArray(v) || v.length < min || v.some((x) => !(allowed as readonly unknown[]).includes(x))) {
    throw new ParamError(`params.${field}`, `params.${field} must be a list of ${allowed.join(', ')}${min ? ` (at least ${min})` : ''}`);
  }
  return v as T[];
}

function span(p: Record<string, unknown>, field: string): Span | undefined {
  if (p[field] === undefined) return undefined;
  const s = requireObject(p[field]);
  const out: Span = { after: requireOneOf(s, 'after', PIPELINE_STEPS) };
  if (s.months !== undefined) out.months = requireInteger(s, 'months', 0, 120);
  if (s.days !== undefined) out.days = requireInteger(s, 'days', 0, 3650);
  return out;
}

const optInt = (p: Record<string, unknown>, field: string, min: number, max: number) => (p[field] === undefined ? undefined : requireInteger(p, field, min, max));

export function validatePipelineStep(raw: unknown): PipelineStepParams {
  const p = requireObject(raw);
  const out: PipelineStepParams = { step: requireOneOf(p, 'step', PIPELINE_STEPS), requires: list<PipelineStep>(p, 'requires', PIPELINE_STEPS) };
  const nb = span(p, 'notBefore');
  if (nb) out.notBefore = nb;
  const dw = span(p, 'dueWithin');
  if (dw) out.dueWithin = dw;
  const every = optInt(p, 'repeatEveryMonths', 1, 24);
  if (every !== undefined) out.repeatEveryMonths = every;
  if (p.repeatUntil !== undefined) out.repeatUntil = requireOneOf(p, 'repeatUntil', PIPELINE_STEPS);
  if (p.sponsors !== undefined) {
    const s = requireObject(p.sponsors);
    out.sponsors = { min: requireInteger(s, 'min', 0, 10), max: requireInteger(s, 'max', 1, 10) };
    if (out.sponsors.min > out.sponsors.max) throw new ParamError('params.sponsors', 'params.sponsors.min must not exceed max');
  }
  if (p.training !== undefined) {
    const tr = requireObject(p.training);
    out.training = { minDays: requireInteger(tr, 'minDays', 0, 365), minHours: requireInteger(tr, 'minHours', 0, 2000) };
  }
  const nd = optInt(p, 'noticeWorkingDays', 1, 30);
  if (nd !== undefined) out.noticeWorkingDays = nd;
  if (p.afterNoticeOf !== undefined) out.afterNoticeOf = requireOneOf(p, 'afterNoticeOf', PIPELINE_STEPS);
  return out;
}

export function validateDuesBrackets(raw: unknown): DuesBracketParams {
  const p = requireObject(raw);
  const categories = list<DuesCategory>(p, 'categories', DUES_CATEGORIES, 1);
  if (!Array.isArray(p.brackets) || p.brackets.length === 0) throw new ParamError('params.brackets', 'params.brackets must be a non-empty list');
  let last = -1;
  const brackets: Bracket[] = p.brackets.map((b, i) => {
    const o = requireObject(b);
    const upToFen = o.upToFen === null ? null : requireInteger(o, 'upToFen', 0, 1_000_000_000);
    if (upToFen !== null && upToFen <= last) throw new ParamError(`params.brackets[${i}].upToFen`, `params.brackets[${i}].upToFen must increase`);
    if (upToFen === null && i !== (p.brackets as unknown[]).length - 1) throw new ParamError(`params.brackets[${i}].upToFen`, 'only the last bracket may be open (upToFen null)');
    last = upToFen ?? last;
    return { upToFen, basisPoints: requireInteger(o, 'basisPoints', 0, 10_000) };
  });
  if (brackets[brackets.length - 1].upToFen !== null) throw new ParamError('params.brackets', 'the last bracket must be open (upToFen null)');
  return { categories, brackets, rounding: requireOneOf(p, 'rounding', ['HALF_UP'] as const) };
}

export function validateDuesFixed(raw: unknown): DuesFixedParams {
  const p = requireObject(raw);
  return { categories: list<DuesCategory>(p, 'categories', DUES_CATEGORIES, 1), fixedFen: requireInteger(p, 'fixedFen', 0, 100_000) };
}

export function validateDuesArrears(raw: unknown): DuesArrearsParams {
  const p = requireObject(raw);
  return { months: requireInteger(p, 'months', 1, 60), severity: requireOneOf(p, 'severity', ['WARN', 'CONSTITUTION_CASE'] as const) };
}

export function validateTransferReceipt(raw: unknown): TransferReceiptParams {
  const p = requireObject(raw);
  const out = { defaultValidityDays: requireInteger(p, 'defaultValidityDays', 1, 365), maxValidityDays: requireInteger(p, 'maxValidityDays', 1, 365) };
  if (out.defaultValidityDays > out.maxValidityDays) throw new ParamError('params.defaultValidityDays', 'params.defaultValidityDays must not exceed maxValidityDays');
  return out;
}

export function validateTransferSequence(raw: unknown): TransferSequenceParams {
  const p = requireObject(raw);
  const steps = ['INITIATED', 'APPROVED', 'LETTER_ISSUED', 'LETTER_RECEIVED', 'COMPLETED'] as const;
  return { internal: list(p, 'internal', steps, 2), out: list(p, 'out', steps, 2), in: list(p, 'in', steps, 2) };
}

export function validateNoticePeriod(raw: unknown): NoticePeriodParams {
  const p = requireObject(raw);
  return { minWorkingDays: requireInteger(p, 'minWorkingDays', 1, 30), maxWorkingDays: requireInteger(p, 'maxWorkingDays', 1, 60) };
}
