/**
 * branchLife: for one branch and period, per meeting rule of the catalogue, how many meetings were
 * held against the minimum the rule in force sets, the attendance rate, and which required periods
 * fell short. Pure: the service reads the meetings with their attendance counted by status (the store's
 * set-based tallies, never the per-member rows) and the rules, and passes them in.
 */
import type { Attendance, Meeting, MeetingKind, MeetingTally } from '../../graph';
import type { RuleSet } from '../rules/engine';
import { MEETING_MINIMUM_KIND, type MeetingMinimumParams, ruleSpan } from '../rules/evaluators/meeting-minimum';
import { type Frequency, type Period, periodsOverlapping } from '../rules/periods';
import type { Citation, ObligationStatus, RuleDef } from '../rules/types';

/** One required period of one meeting kind: held against the rule's minimum. */
export interface PeriodLife extends Period {
  held: number;
  required: number;
  status: ObligationStatus;
  meetingIds: string[];
}

export interface KindLife {
  kind: MeetingKind;
  frequency: Frequency;
  /** Whether this kind is required for the branch (group meetings only when it has groups). */
  applies: boolean;
  /** Meetings of this kind in the range, held or scheduled. */
  held: number;
  /** Number of whole, ended periods in the range times the minimum per period. */
  required: number;
  /** Meetings required in each period (the rule's minimum). */
  perPeriod: number;
  present: number;
  excused: number;
  absent: number;
  /** present / recorded attendance rows; null when no attendance was recorded. */
  attendanceRate: number | null;
  /** Required periods with fewer meetings than the minimum. */
  missing: Period[];
  /** Every whole, ended period in the range with held vs required. */
  periods: PeriodLife[];
  /** The rule that sets the minimum (the version in force at the end of the range). */
  rule: RuleDef<MeetingMinimumParams>;
  citation: Citation;
}

export interface BranchLifeReport {
  branchId: string;
  from: number;
  to: number;
  kinds: KindLife[];
  /** Over all meetings of the range. */
  attendanceRate: number | null;
  /** Total number of (kind, period) pairs that fell short. */
  missingCount: number;
}

/** Tallies made from meetings and their attendance rows (what the store counts; tests compare the two). */
export function tallyMeetings(meetings: readonly Pick<Meeting, 'id' | 'branchId' | 'kind' | 'title' | 'at'>[], attendance: readonly Attendance[]): MeetingTally[] {
  return meetings.map((m) => {
    const rows = attendance.filter((a) => a.meetingId === m.id);
    const count = (status: Attendance['status']) => rows.filter((a) => a.status === status).length;
    return { id: m.id, branchId: m.branchId, kind: m.kind, title: m.title, at: m.at, present: count('PRESENT'), excused: count('EXCUSED'), absent: count('ABSENT') };
  });
}

/** Key of a branch and period for the per-request `life` loader. */
export const lifeKey = (branchId: string, from: number, to: number) => `${from}|${to}|${branchId}`;

const rate = (present: number, total: number) => (total === 0 ? null : present / total);

/**
 * Answers that depend only on the rule set and their arguments, kept with the rule set (a dashboard asks the
 * same of it for hundreds of branches; looking rules up dominated). Bounded: a range reaching into the
 * current period has a new key each instant.
 */
const perRuleSet = new WeakMap<RuleSet, Map<string, unknown>>();
function memo<T>(rules: RuleSet, key: string, compute: () => T): T {
  let m = perRuleSet.get(rules);
  if (!m) perRuleSet.set(rules, (m = new Map()));
  if (m.has(key)) return m.get(key) as T;
  if (m.size >= 2000) m.clear();
  const v = compute();
  m.set(key, v);
  return v;
}

/** The meeting-minimum rules of the catalogue, each as the version in force at `at` (or its latest). */
export function meetingRules(rules: RuleSet, at: number): RuleDef<MeetingMinimumParams>[] {
  return memo(rules, `rules|${at}`, () => findMeetingRules(rules, at));
}

function findMeetingRules(rules: RuleSet, at: number): RuleDef<MeetingMinimumParams>[] {
  const out: RuleDef<MeetingMinimumParams>[] = [];
  for (const id of rules.ids()) {
    const r = rules.ruleInForce(id, at) ?? rules.ruleInForce(id, rules.timeline(id).at(-1)?.from ?? at);
    if (r && r.kind === MEETING_MINIMUM_KIND) out.push(r as RuleDef<MeetingMinimumParams>);
  }
  return out;
}

/** Meetings by time (the store reads them so; sorted only when they are not). */
function byTime(ms: readonly MeetingTally[]): readonly MeetingTally[] {
  for (let i = 1; i < ms.length; i++) if (ms[i - 1]!.at > ms[i]!.at) return [...ms].sort((a, b) => a.at - b.at);
  return ms;
}

/** Index of the first of the ascending `ats` at or after `t`. */
function firstAtOrAfter(ats: readonly number[], t: number): number {
  let lo = 0;
  let hi = ats.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ats[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The periods of the rule version's frequency that lie wholly inside [from, limit) and start inside the span
 * the version governs (the periods its meeting-minimum verdicts cover that a branch's figures count).
 */
function wholePeriods(rule: RuleDef<MeetingMinimumParams>, from: number, limit: number): Period[] {
  const span = ruleSpan(rule);
  return periodsOverlapping(rule.params.frequency, from, limit).filter((p) => p.start >= span.from && p.start < span.to && p.start >= from && p.end <= limit);
}

/**
 * One period's verdict of a meeting-minimum rule version, counted over the branch's meetings of its kind by
 * time (`ats` their instants): the same held, required and status as the rule's evaluator gives
 * (meetingVerdicts; server/life/branch-life.test.ts compares the two), without building its obligation.
 */
function periodLife(rule: RuleDef<MeetingMinimumParams>, p: Period, meetings: readonly MeetingTally[], ats: readonly number[], asOf: number): PeriodLife {
  const lo = meetings.length ? firstAtOrAfter(ats, p.start) : 0;
  const hi = meetings.length ? firstAtOrAfter(ats, p.end) : 0;
  const held = meetings.length ? Math.max(0, firstAtOrAfter(ats, Math.min(p.end, asOf + 1)) - lo) : 0;
  const { minimum } = rule.params;
  const status: ObligationStatus = held >= minimum ? 'DONE' : p.end <= asOf ? 'OVERDUE' : p.start <= asOf ? 'DUE' : 'UPCOMING';
  const meetingIds: string[] = [];
  for (let i = lo; i < hi; i++) meetingIds.push(meetings[i]!.id);
  return { label: p.label, start: p.start, end: p.end, held, required: minimum, status, meetingIds };
}

/** Per meeting rule in force: its versions over [from, limit), each with the whole periods it governs there. */
interface RulePlan {
  rule: RuleDef<MeetingMinimumParams>;
  segments: { rule: RuleDef<MeetingMinimumParams>; periods: Period[] }[];
}

/** The same for every branch asked about one range: worked out once per rule set and range. */
function planFor(rules: RuleSet, from: number, limit: number): RulePlan[] {
  return memo(rules, `plan|${from}|${limit}`, () =>
    meetingRules(rules, Math.max(from, limit - 1)).map((rule) => ({
      rule,
      segments: rules.segments(rule.id, from, limit).map((seg) => {
        const r = seg.rule as RuleDef<MeetingMinimumParams>;
        return { rule: r, periods: wholePeriods(r, from, limit) };
      }),
    })),
  );
}

/** Meetings by kind, each list by time, in one pass. */
function byKind(meetings: readonly MeetingTally[]): Map<MeetingKind, MeetingTally[]> {
  const out = new Map<MeetingKind, MeetingTally[]>();
  for (const m of byTime(meetings)) {
    const l = out.get(m.kind);
    if (l) l.push(m);
    else out.set(m.kind, [m]);
  }
  return out;
}

export function computeBranchLife(args: {
  branchId: string;
  from: number;
  to: number;
  now: number;
  hasGroups: boolean;
  meetings: readonly MeetingTally[];
  rules: RuleSet;
}): BranchLifeReport {
  const { branchId, from, to, now, rules } = args;
  const limit = Math.min(to, now);
  const meetingsOf = byKind(args.meetings);
  const kinds = planFor(rules, from, limit).map(({ rule, segments }): KindLife => {
    const kind = rule.params.meetingKind;
    const applies = !rule.params.onlyWithGroups || args.hasGroups;
    const held = meetingsOf.get(kind) ?? [];
    const periods: PeriodLife[] = [];
    if (applies) {
      const ats = held.map((m) => m.at);
      for (const seg of segments) {
        const counted = seg.rule.params.meetingKind === kind ? held : [];
        for (const p of seg.periods) periods.push(periodLife(seg.rule, p, counted, ats, now));
      }
    }
    let present = 0;
    let excused = 0;
    let absent = 0;
    for (const m of held) {
      present += m.present;
      excused += m.excused;
      absent += m.absent;
    }
    return {
      kind,
      frequency: rule.params.frequency,
      applies,
      held: held.length,
      required: periods.reduce((n, p) => n + p.required, 0),
      perPeriod: rule.params.minimum,
      present,
      excused,
      absent,
      attendanceRate: rate(present, present + excused + absent),
      missing: periods.filter((p) => p.status === 'OVERDUE').map(({ label, start, end }) => ({ label, start, end })),
      periods,
      rule,
      citation: rule.citation,
    };
  });
  const present = kinds.reduce((n, k) => n + k.present, 0);
  const total = kinds.reduce((n, k) => n + k.present + k.excused + k.absent, 0);
  return {
    branchId,
    from,
    to,
    kinds,
    attendanceRate: rate(present, total),
    missingCount: kinds.reduce((n, k) => n + k.missing.length, 0),
  };
}
