/**
 * Branch assessment (考核): a data-defined scheme of weighted indicators, scored per branch per calendar
 * quarter from the rules engine's obligations. An indicator over rules is the share of its obligations
 * falling due in the quarter that were met (DONE against DONE + OVERDUE, as of the quarter's end or now);
 * attendance is the share of recorded attendance that was PRESENT. An indicator with nothing to count
 * in the quarter shows "no data" and its weight is left out, so the score is over the indicators with
 * data. Each indicator lists the obligations that cost points, with their citation and where to act.
 */
import type { Session } from '../auth/session';
import { refusalError } from '../i18n/error-messages';
import { refuse } from '../validate';
import { getBranch, getCommittee } from '../org/org-service';
import { assertCanReadBranch } from '../auth/scope';
import type { Scope } from './engine';
import { periodAt, type Period } from './periods';
import type { LocalizedText, Obligation } from './types';
import { encodeReason, reason } from '../i18n/reasons';

export interface IndicatorDef {
  id: string;
  title: LocalizedText;
  /** Points out of the scheme's total. */
  weight: number;
  /** Counts obligations of rules whose id starts with one of these; or a measure of its own. */
  source: { rulePrefixes: string[] } | { measure: 'attendance' } | { measure: 'learning' };
}

export const ASSESSMENT_SCHEME: { id: string; version: number; indicators: IndicatorDef[] } = {
  id: 'branch.quarterly',
  version: 1,
  indicators: [
    { id: 'meetings', title: { zh: '组织生活按期开展', en: 'Meetings held as required' }, weight: 30, source: { rulePrefixes: ['life.'] } },
    { id: 'attendance', title: { zh: '党员出席率', en: 'Attendance' }, weight: 15, source: { measure: 'attendance' } },
    { id: 'pipeline', title: { zh: '发展党员按期推进', en: 'Admission steps on time' }, weight: 20, source: { rulePrefixes: ['pipeline.'] } },
    { id: 'dues', title: { zh: '党费按期缴纳', en: 'Dues paid on time' }, weight: 15, source: { rulePrefixes: ['dues.'] } },
    { id: 'notices', title: { zh: '党务公开按期', en: 'Notices on time' }, weight: 10, source: { rulePrefixes: ['notice.'] } },
    // Stage learning requirements are not catalogue rules yet: this indicator reports no data until they are.
    { id: 'learning', title: { zh: '学习要求完成情况', en: 'Learning requirements met' }, weight: 10, source: { measure: 'learning' } },
  ],
};

export interface IndicatorScore {
  id: string;
  title: LocalizedText;
  weight: number;
  /** 0..1, or null for no data. */
  value: number | null;
  met: number;
  total: number;
  /** Obligations that cost points (overdue), with their citation and action. */
  shortfalls: Obligation[];
  /** Every obligation counted (met and overdue), each with its evidence. */
  counted: Obligation[];
  /** For measures that are not obligations (attendance): the meetings counted, with present / recorded. */
  evidence: { kind: string; id: string; label: string; at: number }[];
  /** How the value was counted: a stored reason (server/i18n/reasons.ts), rendered per language by the API. */
  explanation: string;
}

export interface QuarterScore {
  branchId: string;
  branchName: string;
  quarter: Period;
  /** 0..100 over the indicators with data; null when none has data. */
  score: number | null;
  indicators: IndicatorScore[];
}

const branchOf = (o: Obligation) => (o.subject.kind === 'BRANCH' ? o.subject.id : (o.subject.branchId ?? ''));

function parseQuarter(label: string): Period {
  const m = /^(\d{4})-Q([1-4])$/.exec(label);
  if (!m) throw refuse('QUARTER_FORMAT', 'quarter');
  return periodAt('QUARTER', Date.UTC(Number(m[1]), (Number(m[2]) - 1) * 3, 15));
}

/** Scores of the given branches for one quarter, from one evaluation of their scope. */
async function scoreQuarter(s: Session, scope: Scope, branches: { id: string; name: string }[], q: Period): Promise<QuarterScore[]> {
  const asOf = Math.min(q.end, s.now());
  const all = await s.rules.evaluate(scope, asOf, { window: { from: q.start, to: q.end } });
  const inQuarter = all.filter((o) => o.dueAt !== null && o.dueAt >= q.start && o.dueAt < q.end && (o.status === 'DONE' || o.status === 'OVERDUE'));
  const ids = branches.map((b) => b.id);
  const meetings = await s.store.listMeetings(ids, q.start, Math.min(q.end, s.now()));
  const attendance = meetings.length ? await s.store.listAttendance(meetings.map((m) => m.id)) : [];
  const branchOfMeeting = new Map(meetings.map((m) => [m.id, m.branchId]));
  return branches.map((b) => {
    const mine = inQuarter.filter((o) => branchOf(o) === b.id);
    const indicators = ASSESSMENT_SCHEME.indicators.map((ind): IndicatorScore => {
      const base = { id: ind.id, title: ind.title, weight: ind.weight };
      if ('rulePrefixes' in ind.source) {
        const prefixes = ind.source.rulePrefixes;
        const counted = mine.filter((o) => prefixes.some((p) => o.ruleId.startsWith(p)));
        const met = counted.filter((o) => o.status === 'DONE').length;
        const shortfalls = counted.filter((o) => o.status === 'OVERDUE');
        return {
          ...base,
          value: counted.length ? met / counted.length : null,
          met,
          total: counted.length,
          shortfalls,
          counted,
          evidence: [],
          explanation: encodeReason(counted.length ? reason('ASSESS_RULES', { due: counted.length, met }) : reason('ASSESS_RULES_NONE', {})),
        };
      }
      if (ind.source.measure === 'attendance') {
        const rows = attendance.filter((a) => branchOfMeeting.get(a.meetingId) === b.id);
        const present = rows.filter((a) => a.status === 'PRESENT').length;
        const evidence = meetings
          .filter((m) => m.branchId === b.id)
          .flatMap((m) => {
            const of = rows.filter((a) => a.meetingId === m.id);
            if (of.length === 0) return [];
            return [{ kind: 'Meeting', id: m.id, label: `${m.title} · ${of.filter((a) => a.status === 'PRESENT').length}/${of.length}`, at: m.at }];
          });
        return {
          ...base,
          value: rows.length ? present / rows.length : null,
          met: present,
          total: rows.length,
          shortfalls: [],
          counted: [],
          evidence,
          explanation: encodeReason(rows.length ? reason('ASSESS_ATTENDANCE', { records: rows.length, present }) : reason('ASSESS_ATTENDANCE_NONE', {})),
        };
      }
      return { ...base, value: null, met: 0, total: 0, shortfalls: [], counted: [], evidence: [], explanation: encodeReason(reason('ASSESS_LEARNING_NONE', {})) };
    });
    const withData = indicators.filter((i) => i.value !== null);
    const weight = withData.reduce((n, i) => n + i.weight, 0);
    const score = weight ? (100 * withData.reduce((n, i) => n + i.weight * i.value!, 0)) / weight : null;
    return { branchId: b.id, branchName: b.name, quarter: q, score, indicators };
  });
}

/** One branch's scores over the last `quarters` quarters (oldest first), the current one included. */
export async function branchAssessment(s: Session, branchId: string, quarters?: number | null): Promise<QuarterScore[]> {
  const n = quarters ?? 4;
  if (!Number.isInteger(n) || n < 1 || n > 12) throw refuse('QUARTERS_COUNT', 'first', { min: 1, max: 12 });
  const branch = await getBranch(s, branchId);
  assertCanReadBranch(s.viewer, branchId);
  const out: QuarterScore[] = [];
  let q = periodAt('QUARTER', s.now());
  const list: Period[] = [];
  for (let i = 0; i < n; i++) {
    list.unshift(q);
    q = periodAt('QUARTER', q.start - 1);
  }
  for (const p of list) out.push(...(await scoreQuarter(s, { kind: 'BRANCH', id: branchId }, [branch], p)));
  return out;
}

/** Every branch of a committee (its administrators, university administrators) or of the university, for one quarter. */
export async function compareBranches(s: Session, scope: { kind: 'COMMITTEE' | 'UNIVERSITY'; id?: string | null }, quarter?: string | null): Promise<QuarterScore[]> {
  const q = quarter ? parseQuarter(quarter) : periodAt('QUARTER', s.now());
  const v = s.viewer;
  if (scope.kind === 'COMMITTEE') {
    const c = await getCommittee(s, scope.id ?? '');
    if (!(v.role === 'UNIVERSITY_ADMIN' || (v.role === 'COMMITTEE_ADMIN' && v.committeeId === c.id))) {
      throw refusalError('FORBIDDEN', { code: 'ASSESSMENT_COMMITTEE_FORBIDDEN', params: { committee: c.id } });
    }
    const branches = await s.store.listBranches([c.id]);
    return (await scoreQuarter(s, { kind: 'COMMITTEE', id: c.id }, branches, q)).sort(byScore);
  }
  if (v.role !== 'UNIVERSITY_ADMIN') throw refusalError('FORBIDDEN', { code: 'ASSESSMENT_UNIVERSITY_FORBIDDEN', params: {} });
  const u = await s.store.getUniversity();
  const branches = await s.store.listBranches();
  return (await scoreQuarter(s, { kind: 'UNIVERSITY', id: u?.id ?? '' }, branches, q)).sort(byScore);
}

const byScore = (a: QuarterScore, b: QuarterScore) => (b.score ?? -1) - (a.score ?? -1) || a.branchId.localeCompare(b.branchId);
