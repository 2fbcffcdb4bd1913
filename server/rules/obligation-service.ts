/**
 * Obligations as the API serves them: the scope checked against the viewer, the evaluation run by
 * the engine, and reads of members' obligations noted in the access log.
 *
 * | scope      | who may ask                                                             |
 * |------------|-------------------------------------------------------------------------|
 * | MEMBER     | the member, or anyone who may read the member (secretary, admins above) |
 * | BRANCH     | anyone who may read the branch                                          |
 * | COMMITTEE  | its committee administrators and university administrators               |
 * | UNIVERSITY | university administrators                                                |
 */
import type { Session } from '../auth/session';
import { assertCanReadBranch, assertCanReadMember } from '../auth/scope';
import { notFound } from '../errors';
import { refusalError } from '../i18n/error-messages';
import { refuse } from '../validate';
import { getBranch, getCommittee } from '../org/org-service';
import type { EvaluateOptions, Scope } from './engine';
import { calendarWeeks, type CalendarWeek, weekStart } from './calendar';
import { DAY_MS } from './periods';
import type { Obligation, ObligationStatus } from './types';

const MAX_WINDOW_MS = 3 * 366 * DAY_MS;

export interface ObligationQuery {
  scope: { kind: string; id: string };
  asOf?: number | null;
  from?: number | null;
  to?: number | null;
  statuses?: readonly ObligationStatus[] | null;
}

/** Throws unless the viewer may see the obligations of the scope; returns the checked scope. */
export async function assertCanReadScope(s: Session, scope: { kind: string; id: string }): Promise<Scope> {
  switch (scope.kind) {
    case 'MEMBER': {
      const [m] = await s.loaders.member.loadMany([scope.id]).then((r) => r.map((x) => (x instanceof Error ? null : x)));
      if (!m) throw notFound('Member', scope.id);
      assertCanReadMember(s.viewer, m);
      return { kind: 'MEMBER', id: m.id };
    }
    case 'BRANCH':
      await getBranch(s, scope.id);
      assertCanReadBranch(s.viewer, scope.id);
      return { kind: 'BRANCH', id: scope.id };
    case 'COMMITTEE': {
      await getCommittee(s, scope.id);
      const v = s.viewer;
      if (!(v.role === 'UNIVERSITY_ADMIN' || (v.role === 'COMMITTEE_ADMIN' && v.committeeId === scope.id))) {
        throw refusalError('FORBIDDEN', { code: 'OBLIGATIONS_COMMITTEE_FORBIDDEN', params: { committee: scope.id } });
      }
      return { kind: 'COMMITTEE', id: scope.id };
    }
    case 'UNIVERSITY': {
      const u = await s.store.getUniversity();
      if (!u || u.id !== scope.id) throw notFound('University', scope.id);
      if (s.viewer.role !== 'UNIVERSITY_ADMIN') throw refusalError('FORBIDDEN', { code: 'OBLIGATIONS_UNIVERSITY_FORBIDDEN', params: {} });
      return { kind: 'UNIVERSITY', id: scope.id };
    }
    default:
      throw refuse('ONE_OF', 'scope.kind', { allowed: 'MEMBER, BRANCH, COMMITTEE, UNIVERSITY' });
  }
}

/** The evaluation window of a query: [from, to) or the default around asOf. */
export function windowOf(q: ObligationQuery, _asOf: number): EvaluateOptions['window'] {
  if (q.from == null && q.to == null) return undefined;
  if (q.from == null || q.to == null) throw refuse('PERIOD_BOTH_ENDS', q.from == null ? 'from' : 'to');
  if (!(q.to > q.from)) throw refuse('PERIOD_ORDER', 'to');
  if (q.to - q.from > MAX_WINDOW_MS) throw refuse('PERIOD_TOO_LONG', 'to', { years: 3 });
  return { from: q.from, to: q.to };
}

export async function listObligations(s: Session, q: ObligationQuery): Promise<Obligation[]> {
  const asOf = q.asOf ?? s.now();
  if (!Number.isFinite(asOf)) throw refuse('NOT_A_DATE_TIME', 'asOf');
  const window = windowOf(q, asOf);
  const scope = await assertCanReadScope(s, q.scope);
  const all = await s.rules.evaluate(scope, asOf, { window });
  const wanted = q.statuses?.length ? new Set(q.statuses) : null;
  const out = wanted ? all.filter((o) => wanted.has(o.status)) : all;
  for (const o of out) if (o.subject.kind === 'MEMBER') s.audit.note('READ_MEMBER', 'Member', o.subject.id);
  return out;
}

/** Stable key of an obligation: rule, subject and period. */
export const obligationKey = (o: Obligation) => `${o.ruleId}|${o.subject.kind}:${o.subject.id}|${o.period?.label ?? o.dueAt ?? ''}`;

/** A branch's obligations week by week from the week containing `from` (default now). */
export async function obligationCalendar(s: Session, branchId: string, from?: number | null, weeks?: number | null): Promise<CalendarWeek[]> {
  const n = weeks ?? 6;
  if (!Number.isInteger(n) || n < 1 || n > 26) throw refuse('WHOLE_NUMBER_RANGE', 'weeks', { min: 1, max: 26 });
  const start = weekStart(from ?? s.now());
  if (!Number.isFinite(start)) throw refuse('NOT_A_DATE_TIME', 'from');
  const scope = await assertCanReadScope(s, { kind: 'BRANCH', id: branchId });
  const end = start + n * 7 * DAY_MS;
  const all = await s.rules.evaluate(scope, s.now(), { window: { from: start, to: end } });
  for (const o of all) if (o.subject.kind === 'MEMBER') s.audit.note('READ_MEMBER', 'Member', o.subject.id);
  return calendarWeeks(all, start, n);
}
