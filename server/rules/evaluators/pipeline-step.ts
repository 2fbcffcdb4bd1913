/**
 * The development pipeline against its rules (kind 'pipeline-step'): whether a step may be recorded
 * now (refusals name the rule and its citation), and what is due next or late for a person.
 */
import type { Milestone, MilestoneEvidence, PipelineStep } from '../../../graph';
import type { AppError } from '../../errors';
import { type ErrorReason, refusalError, ruleParams } from '../../i18n/error-messages';
import { addDays, addMonths, dateOf } from '../../affairs/china-time';
import type { PipelineStepParams, Span } from '../catalogue/pipeline';
import type { Citation, Evidence, Obligation, ObligationStatus, RuleDef } from '../types';
import { encodeReason, reason } from '../../i18n/reasons';

export type PipelineRule = RuleDef<PipelineStepParams>;

/** The rule in force for each step (the caller picks them for the right date). */
export type RulesByStep = ReadonlyMap<PipelineStep, PipelineRule>;

/** Where a span ends, from the latest recorded `span.after` milestone; null when that step is missing. */
export function spanEnd(span: Span, done: Milestone[]): number | null {
  const base = latestOf(done, span.after);
  if (!base) return null;
  return addDays(addMonths(base.at, span.months ?? 0), span.days ?? 0);
}

function latestOf(done: Milestone[], step: PipelineStep): Milestone | undefined {
  for (let i = done.length - 1; i >= 0; i--) if (done[i].step === step) return done[i];
  return undefined;
}

const citeText = (c: Citation) => `《${c.document}》${c.article ?? ''}`;

/**
 * A refusal: BAD_USER_INPUT (or CONFLICT) naming the field, with the rule id and citation in the extensions
 * and the reason (server/i18n/error-messages.ts) citing the rule in the request's language.
 */
export function refusal(code: 'BAD_USER_INPUT' | 'CONFLICT', field: string, rule: PipelineRule, why: ErrorReason): AppError {
  return refusalError(
    code,
    { code: why.code, params: { ...why.params, ...ruleParams(rule, citeText(rule.citation)) } },
    { field, ruleId: rule.id, ruleVersion: rule.version, citation: rule.citation },
  );
}

export interface StepAttempt {
  step: PipelineStep;
  at: number;
  evidence: MilestoneEvidence;
  /** End of the public notice opened by each recorded step, when it opened one. */
  noticeEnds: ReadonlyMap<PipelineStep, number>;
}

/** Throw the first rule the attempt breaks; return normally when the step may be recorded. */
export function checkStep(rules: RulesByStep, done: Milestone[], a: StepAttempt): void {
  const rule = rules.get(a.step);
  if (!rule) throw refusalError('BAD_USER_INPUT', { code: 'STEP_NO_RULE', params: { step: a.step, date: dateOf(a.at) } }, { field: 'step' });
  const p = rule.params;
  const has = (s: PipelineStep) => done.some((m) => m.step === s);
  if (!p.repeatEveryMonths && has(a.step)) {
    throw refusal('CONFLICT', 'step', rule, { code: 'STEP_REPEATED', params: { step: a.step } });
  }
  const missing = p.requires.filter((s) => !has(s));
  if (missing.length) {
    throw refusal('BAD_USER_INPUT', 'step', rule, { code: 'STEP_OUT_OF_ORDER', params: { step: a.step, missing: missing.join(',') } });
  }
  if (p.repeatUntil && has(p.repeatUntil)) {
    throw refusal('BAD_USER_INPUT', 'step', rule, { code: 'STEP_AFTER_END', params: { step: a.step, until: p.repeatUntil } });
  }
  if (p.notBefore) {
    const earliest = spanEnd(p.notBefore, done);
    if (earliest !== null && a.at < earliest) {
      throw refusal('BAD_USER_INPUT', 'at', rule, { code: 'STEP_TOO_EARLY', params: { step: a.step, date: dateOf(a.at), earliest: dateOf(earliest) } });
    }
  }
  if (p.afterNoticeOf) {
    const end = a.noticeEnds.get(p.afterNoticeOf);
    if (end !== undefined && a.at < end) {
      throw refusal('BAD_USER_INPUT', 'at', rule, { code: 'STEP_NOTICE_RUNNING', params: { step: a.step, date: dateOf(a.at), until: dateOf(end - 1) } });
    }
  }
  if (p.sponsors) {
    const n = new Set(a.evidence.people).size;
    if (n < p.sponsors.min || n > p.sponsors.max) {
      throw refusal('BAD_USER_INPUT', 'evidence.people', rule, { code: 'STEP_SPONSORS', params: { step: a.step, min: p.sponsors.min, max: p.sponsors.max, got: n } });
    }
  }
  if (p.training) {
    const days = a.evidence.trainingDays ?? 0;
    const hours = a.evidence.trainingHours ?? 0;
    if (days < p.training.minDays && hours < p.training.minHours) {
      throw refusal('BAD_USER_INPUT', 'evidence.trainingHours', rule, {
        code: 'STEP_TRAINING_SHORT',
        params: { days, hours, minDays: p.training.minDays, minHours: p.training.minHours },
      });
    }
  }
}

/** Whether a step is among the milestones. */
function hasStep(done: Milestone[], step: PipelineStep): boolean {
  for (const m of done) if (m.step === step) return true;
  return false;
}

function obligationOf(rule: PipelineRule, subject: { id: string; name?: string }, status: ObligationStatus, dueAt: number | null, evidence: Evidence[]): Obligation {
  return {
    ruleId: rule.id,
    ruleVersion: rule.version,
    kind: rule.kind,
    subject: { kind: 'MEMBER', ...subject },
    title: rule.title.zh,
    status,
    dueAt,
    evidence: [...evidence],
    citation: rule.citation,
    action: { kind: 'pipeline-step', targetId: subject.id },
  };
}

function milestoneEvidence(m: Milestone): Evidence {
  return { kind: 'Milestone', id: m.id, label: `${m.step} ${dateOf(m.at)}` };
}

/**
 * What one rule asks of a person, worked out from the milestones alone (no "as of"): nothing, a
 * repeating step due at a date, a step done late, or a step pending between its earliest day and its
 * deadline. The status follows from the plan and the instant (planStatus).
 */
export type PipelinePlan =
  | null
  | { kind: 'repeat'; dueAt: number; evidence: Evidence[] }
  | { kind: 'late'; dueAt: number; evidence: Evidence[] }
  | { kind: 'pending'; earliest: number | null; deadline: number | null; evidence: Evidence[] };

export function pipelinePlan(rule: PipelineRule, done: Milestone[]): PipelinePlan {
  const p = rule.params;
  // The first step (the application) starts the pipeline; nothing asks for it.
  if (p.requires.length === 0) return null;
  if (p.repeatEveryMonths) {
    const anchor = latestOf(done, p.step) ?? latestOf(done, p.requires[0]);
    if (!anchor || (p.repeatUntil && hasStep(done, p.repeatUntil))) return null;
    return { kind: 'repeat', dueAt: addMonths(anchor.at, p.repeatEveryMonths), evidence: [milestoneEvidence(anchor)] };
  }
  let mine: Milestone | undefined;
  for (const m of done)
    if (m.step === p.step) {
      mine = m;
      break;
    }
  if (mine) {
    const late = p.dueWithin ? spanEnd(p.dueWithin, done) : null;
    return late !== null && mine.at > late ? { kind: 'late', dueAt: late, evidence: [milestoneEvidence(mine)] } : null;
  }
  for (const s of p.requires) if (!hasStep(done, s)) return null;
  const evidence: Evidence[] = [];
  for (const s of p.requires) {
    const m = latestOf(done, s);
    if (m) evidence.push(milestoneEvidence(m));
  }
  return {
    kind: 'pending',
    evidence,
    earliest: p.notBefore ? spanEnd(p.notBefore, done) : null,
    deadline: p.dueWithin ? spanEnd(p.dueWithin, done) : null,
  };
}

/** The obligation a plan gives as of `asOf` (null for no plan). */
export function planObligation(rule: PipelineRule, plan: PipelinePlan, asOf: number, subject: { id: string; name?: string }): Obligation | null {
  if (!plan) return null;
  switch (plan.kind) {
    case 'repeat':
      return obligationOf(rule, subject, asOf > plan.dueAt ? 'OVERDUE' : 'UPCOMING', plan.dueAt, plan.evidence);
    case 'late':
      return { ...obligationOf(rule, subject, 'DONE', plan.dueAt, plan.evidence), title: `${rule.title.zh}（逾期完成）`, titleDetail: encodeReason(reason('OBL_DONE_LATE', {})) };
    case 'pending': {
      const { earliest, deadline, evidence } = plan;
      if (deadline !== null && asOf > deadline) return obligationOf(rule, subject, 'OVERDUE', deadline, evidence);
      if (earliest !== null && asOf < earliest) return obligationOf(rule, subject, 'UPCOMING', earliest, evidence);
      return obligationOf(rule, subject, 'DUE', deadline, evidence);
    }
  }
}

/** What one rule asks of a person with these milestones as of `asOf`, appended to `out`. */
function pipelineObligation(rule: PipelineRule, done: Milestone[], asOf: number, subject: { id: string; name?: string }, out: Obligation[]): void {
  const o = planObligation(rule, pipelinePlan(rule, done), asOf, subject);
  if (o) out.push(o);
}

const byDueAt = (a: Obligation, b: Obligation) => (a.dueAt ?? Infinity) - (b.dueAt ?? Infinity);

/** What is due next (or late) for a person with these milestones, as of `asOf`. */
export function pipelineObligations(rules: RulesByStep, done: Milestone[], asOf: number, subject: { id: string; name?: string }): Obligation[] {
  const out: Obligation[] = [];
  for (const rule of rules.values()) pipelineObligation(rule, done, asOf, subject, out);
  return out.sort(byDueAt);
}
