/**
 * GET /calendar/<personal access token>.ics: the work queue of the token's owner as an iCalendar feed,
 * for a calendar app that cannot send headers. The token is a personal access token (revocable, stored
 * hashed, expiring); a bad, revoked or expired one gets 401 and no detail. Only titles, dates, the rule
 * cited and a member's name leave; reads of members' obligations are noted in the access log.
 */
import { storeViewerReads, loadViewer } from '../auth/viewer';
import { verifyAccessToken } from '../auth/access-tokens';
import { AccessLog } from '../audit/access-log';
import type { GraphStore } from '../../graph';
import { citationText } from './citation';
import { eventUid, icsCalendar, type FeedEvent } from './calendar';
import type { RulesEngine, Scope } from './engine';
import { DAY_MS } from './periods';
import type { Obligation } from './types';
import type { Viewer } from '../auth/viewer';

export const FEED_PATH = /^\/calendar\/([^/]+)\.ics$/;

/** The area a viewer's calendar covers (as their work queue). */
function feedScope(v: Viewer, universityId: string): Scope {
  switch (v.role) {
    case 'SECRETARY':
    case 'COMMITTEE_MEMBER':
      return { kind: 'BRANCH', id: v.branchId };
    case 'COMMITTEE_ADMIN':
      return { kind: 'COMMITTEE', id: v.committeeId };
    case 'UNIVERSITY_ADMIN':
      return { kind: 'UNIVERSITY', id: universityId };
    default:
      return { kind: 'MEMBER', id: v.memberId };
  }
}

export async function calendarFeed(deps: { store: GraphStore; rules: RulesEngine; now: () => number }, token: string): Promise<{ status: number; body: string }> {
  const now = deps.now();
  let memberId: string;
  try {
    memberId = (await verifyAccessToken(deps.store, decodeURIComponent(token), now)).memberId;
  } catch {
    return { status: 401, body: 'Invalid, expired or revoked token\n' };
  }
  const viewer = await loadViewer(memberId, storeViewerReads(deps.store));
  const university = await deps.store.getUniversity();
  const scope = feedScope(viewer, university?.id ?? '');
  const obligations = await deps.rules.evaluate(scope, now, { window: { from: now - 28 * DAY_MS, to: now + 91 * DAY_MS } });
  const open = obligations.filter((o) => o.status !== 'DONE' && o.dueAt !== null);
  const set = await deps.rules.ruleSet(now);
  const audit = new AccessLog(viewer.memberId, () => now);
  const events: FeedEvent[] = open.map((o: Obligation) => {
    if (o.subject.kind === 'MEMBER') audit.note('READ_MEMBER', 'Member', o.subject.id);
    // A member's obligation shows the rule's general title and the name only, never its figures.
    const rule = set.ruleInForce(o.ruleId, o.dueAt!) ?? set.baseRule(o.ruleId);
    const summary = o.subject.kind === 'MEMBER' ? `${rule?.title.zh ?? o.ruleId}：${o.subject.name ?? ''}` : o.title;
    return {
      uid: eventUid(`${o.ruleId}|${o.subject.kind}:${o.subject.id}|${o.period?.label ?? o.dueAt}`),
      summary,
      description: `依据：${citationText(o.citation)}`,
      day: o.dueAt!,
    };
  });
  await audit.flush(deps.store);
  return { status: 200, body: icsCalendar('红图 待办', events, now) };
}
