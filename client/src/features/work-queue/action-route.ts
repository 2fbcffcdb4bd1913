/** Where the client goes to fulfil an obligation: its action's route, else the subject's page. */
import type { Route } from '../../app/routes';

export interface ActionTarget {
  action?: { kind: string; targetId?: string | null } | null;
  subject: { kind: string; id: string; branchId?: string | null };
  detail?: string | null;
  period?: { label: string } | null;
}

export function routeForObligation(o: ActionTarget): Route {
  const detail = o.detail ? (JSON.parse(o.detail) as Record<string, unknown>) : {};
  const a = o.action;
  if (a?.kind === 'schedule-meeting' && a.targetId) {
    return { name: 'meetingNew', branchId: a.targetId, kind: typeof detail.meetingKind === 'string' ? detail.meetingKind : null, period: o.period?.label ?? null };
  }
  if (a?.kind === 'pipeline-step' && a.targetId) return { name: 'pipeline', memberId: a.targetId };
  if (a?.kind === 'dues' && a.targetId) return { name: 'dues', memberId: a.targetId };
  if (a?.kind === 'transfer' && o.subject.branchId) return { name: 'affairs', branchId: o.subject.branchId };
  if (o.subject.kind === 'MEMBER') return { name: 'portrait', id: a?.targetId ?? o.subject.id };
  if (o.subject.kind === 'BRANCH') return { name: 'branch', id: o.subject.id };
  if (o.subject.branchId) return { name: 'branch', id: o.subject.branchId };
  return { name: 'home' };
}
