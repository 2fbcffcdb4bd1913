/**
 * meeting-minimum: a branch holds at least `minimum` meetings of a kind in every calendar period
 * (month, quarter or year, China Standard Time). One obligation per branch and period.
 */
import { MEETING_KINDS, type Meeting, type MeetingKind } from '../../../graph';
import { FREQUENCIES, type Frequency, parseDay, type Period, periodsOverlapping, periodAt } from '../periods';
import type { Evaluator, Obligation, RuleDef, SubjectRef } from '../types';
import { derive } from '../facts';
import { requireInteger, requireObject, requireOneOf, optionalBoolean } from './params';
import { encodeReason, reason } from '../../i18n/reasons';

export interface MeetingMinimumParams {
  meetingKind: MeetingKind;
  frequency: Frequency;
  /** Meetings required per period (≥ 1). */
  minimum: number;
  /** Required only of branches that have party groups (党小组). */
  onlyWithGroups: boolean;
}

export const MEETING_MINIMUM_KIND = 'meeting-minimum';

function validate(raw: unknown): MeetingMinimumParams {
  const p = requireObject(raw);
  return {
    meetingKind: requireOneOf(p, 'meetingKind', MEETING_KINDS),
    frequency: requireOneOf(p, 'frequency', FREQUENCIES),
    minimum: requireInteger(p, 'minimum', 1, 31),
    onlyWithGroups: optionalBoolean(p, 'onlyWithGroups') ?? false,
  };
}

/** Span of instants the rule version covers: periods that start inside it are governed by it. */
export function ruleSpan(rule: RuleDef): { from: number; to: number } {
  return {
    from: parseDay(rule.effectiveFrom) ?? Number.NEGATIVE_INFINITY,
    to: rule.effectiveTo ? (parseDay(rule.effectiveTo) ?? Number.POSITIVE_INFINITY) : Number.POSITIVE_INFINITY,
  };
}

/**
 * The verdict of one rule version for one branch over the periods overlapping [from, to): pure, so
 * branchLife (over meetings it has already read) and the evaluator share it. `meetings` are the
 * branch's meetings of the rule's kind covering those periods, in any order.
 */
export function meetingVerdicts(
  rule: RuleDef<MeetingMinimumParams>,
  subject: SubjectRef,
  meetings: readonly Pick<Meeting, 'id' | 'kind' | 'title' | 'at'>[],
  window: { from: number; to: number },
  asOf: number,
  /** periodsOverlapping(rule's frequency, window), when the caller has it already. */
  periods: readonly Period[] = periodsOverlapping(rule.params.frequency, window.from, window.to),
): Obligation[] {
  const { meetingKind, frequency, minimum } = rule.params;
  const span = ruleSpan(rule);
  const out: Obligation[] = [];
  for (const p of periods) {
    if (p.start < span.from || p.start >= span.to) continue;
    const inPeriod = meetings.filter((m) => m.kind === meetingKind && m.at >= p.start && m.at < p.end);
    const held = inPeriod.filter((m) => m.at <= asOf);
    const status = held.length >= minimum ? 'DONE' : p.end <= asOf ? 'OVERDUE' : p.start <= asOf ? 'DUE' : 'UPCOMING';
    out.push({
      ruleId: rule.id,
      ruleVersion: rule.version,
      kind: rule.kind,
      subject,
      title: `${rule.title.zh}（${p.label}）`,
      titleDetail: encodeReason(reason('OBL_PERIOD', { period: p.label })),
      status,
      dueAt: p.end - 1,
      period: { from: p.start, to: p.end, label: p.label },
      evidence: inPeriod.map((m) => ({ kind: 'Meeting', id: m.id, label: m.title, at: m.at })),
      citation: rule.citation,
      action: { kind: 'schedule-meeting', targetId: subject.id },
      detail: {
        meetingKind,
        frequency,
        required: minimum,
        held: held.length,
        scheduled: inPeriod.length - held.length,
      },
    });
  }
  return out;
}

/** Instants to read meetings over so every period overlapping the window is complete. */
export function meetingReadSpan(window: { from: number; to: number }): { from: number; to: number } {
  return { from: periodAt('YEAR', window.from).start, to: periodAt('YEAR', window.to - 1).end };
}

/** The first meeting time after `asOf` in meetings ordered by time (a meeting held then changes the count). */
function nextMeetingAfter(meetings: readonly Pick<Meeting, 'at'>[], asOf: number): number | null {
  let lo = 0;
  let hi = meetings.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (meetings[mid].at <= asOf) lo = mid + 1;
    else hi = mid;
  }
  return lo < meetings.length ? meetings[lo].at : null;
}

export const meetingMinimumEvaluator: Evaluator<MeetingMinimumParams> = {
  kind: MEETING_MINIMUM_KIND,
  validate,
  // Periods start and end on day boundaries; a meeting scheduled for later is reported.
  reportsChanges: true,
  async evaluate(ctx, rule, subjects, asOf) {
    const branches = subjects.filter((s) => s.kind === 'BRANCH');
    if (branches.length === 0) return [];
    const facts = await ctx.facts();
    const kind = rule.params.meetingKind;
    const periods = periodsOverlapping(rule.params.frequency, ctx.window.from, ctx.window.to);
    const out: Obligation[] = [];
    for (const b of branches) {
      const slice = facts.branch(b.id);
      if (rule.params.onlyWithGroups && slice.groups === 0) continue;
      const ofKind = derive(slice, `meetings|${kind}`, () => slice.meetings.filter((m) => m.kind === kind));
      const next = nextMeetingAfter(ofKind, asOf);
      if (next !== null) ctx.until(next, b.id);
      for (const o of meetingVerdicts(rule, b, ofKind, ctx.window, asOf, periods)) out.push(o);
    }
    return out;
  },
};
