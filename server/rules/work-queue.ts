/**
 * The work queue (待办): one list of what the viewer's area owes, across every registered rule,
 * sorted by due date. A secretary (or branch committee member) sees the branch; a committee
 * administrator the committee; a university administrator the university; a member themself.
 * Items are open obligations (overdue or due) and those starting within the horizon.
 */
import type { Session } from '../auth/session';
import { refuse } from '../validate';
import type { Scope } from './engine';
import { DAY_MS } from './periods';
import type { Obligation } from './types';

export const DEFAULT_HORIZON_DAYS = 14;

export interface WorkQueue {
  scope: Scope;
  asOf: number;
  items: Obligation[];
  overdue: number;
  due: number;
  upcoming: number;
}

/** The scope whose obligations the viewer works on. */
export function workScope(s: Session): Scope {
  const v = s.viewer;
  switch (v.role) {
    case 'SECRETARY':
    case 'COMMITTEE_MEMBER':
      return { kind: 'BRANCH', id: v.branchId };
    case 'COMMITTEE_ADMIN':
      return { kind: 'COMMITTEE', id: v.committeeId };
    case 'UNIVERSITY_ADMIN':
      return { kind: 'UNIVERSITY', id: '' };
    default:
      return { kind: 'MEMBER', id: v.memberId };
  }
}

export async function workQueue(s: Session, opts: { asOf?: number | null; horizonDays?: number | null } = {}): Promise<WorkQueue> {
  const asOf = opts.asOf ?? s.now();
  if (!Number.isFinite(asOf)) throw refuse('NOT_A_DATE_TIME', 'asOf');
  const horizon = opts.horizonDays ?? DEFAULT_HORIZON_DAYS;
  if (!Number.isInteger(horizon) || horizon < 0 || horizon > 92) throw refuse('WHOLE_NUMBER_RANGE', 'horizonDays', { min: 0, max: 92 });
  let scope = workScope(s);
  if (scope.kind === 'UNIVERSITY') scope = { kind: 'UNIVERSITY', id: (await s.store.getUniversity())?.id ?? '' };
  const all = await s.rules.evaluate(scope, asOf);
  const until = asOf + horizon * DAY_MS;
  const items = all.filter((o) => o.status === 'OVERDUE' || o.status === 'DUE' || (o.status === 'UPCOMING' && (o.period ? o.period.from : (o.dueAt ?? Infinity)) <= until));
  for (const o of items) if (o.subject.kind === 'MEMBER') s.audit.note('READ_MEMBER', 'Member', o.subject.id);
  return {
    scope,
    asOf,
    items,
    overdue: items.filter((o) => o.status === 'OVERDUE').length,
    due: items.filter((o) => o.status === 'DUE').length,
    upcoming: items.filter((o) => o.status === 'UPCOMING').length,
  };
}
