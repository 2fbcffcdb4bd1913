/**
 * Notices (党务公开): secretaries and administrators publish to a branch, a committee or the
 * university, optionally with a public-notice period in working days; members see their notices
 * unread first; publishers see read counts and who has not read, for audiences they manage.
 */
import { randomUUID } from 'node:crypto';
import { NOTICE_AUDIENCES, type Notice, type NoticeAudience } from '../../graph';
import type { Member } from '../../graph';
import { canManageBranch } from '../auth/scope';
import type { Session } from '../auth/session';
import { forbidden, notFound } from '../errors';
import { optionalId, requireInt, requireOneOf, requireText } from '../validate';
import { type AffairsDeps, rulesOf } from './affairs-deps';
import { workingDaysEnd } from './china-time';
import { noticePeriodRule } from './rule-source';

export interface PublishInput {
  id?: string | null;
  audience: string;
  audienceId: string;
  title: string;
  body: string;
  periodWorkingDays?: number | null;
}

/** May the viewer publish to (and see who has not read in) this audience? */
async function canPublish(s: Session, audience: NoticeAudience, audienceId: string): Promise<boolean> {
  const v = s.viewer;
  if (v.role === 'UNIVERSITY_ADMIN') return true;
  if (audience === 'BRANCH') return canManageBranch(v, audienceId);
  if (audience === 'COMMITTEE') return v.role === 'COMMITTEE_ADMIN' && v.committeeId === audienceId;
  return false;
}

export async function publishNotice(s: Session, deps: AffairsDeps, input: PublishInput): Promise<Notice> {
  const audience = requireOneOf('audience', input.audience, NOTICE_AUDIENCES);
  const title = requireText('title', input.title, 100);
  const body = requireText('body', input.body, 20_000);
  const now = s.now();
  let periodWorkingDays: number | null = null;
  if (input.periodWorkingDays != null) {
    const rule = await noticePeriodRule(rulesOf(deps, s), now);
    periodWorkingDays = requireInt('periodWorkingDays', input.periodWorkingDays, rule.params.minWorkingDays, rule.params.maxWorkingDays);
  }
  if (!(await canPublish(s, audience, input.audienceId))) throw forbidden(`You may not publish to ${audience.toLowerCase()} "${input.audienceId}"`);
  const n: Notice = {
    id: optionalId('id', input.id) ?? `notice-${randomUUID()}`,
    kind: 'GENERAL',
    audience,
    audienceId: input.audienceId,
    title,
    body,
    publishedAt: now,
    publishedBy: s.viewer.memberId,
    periodWorkingDays,
    periodEndsAt: periodWorkingDays === null ? null : workingDaysEnd(now, periodWorkingDays),
    subjectMemberId: null,
  };
  const r = await s.store.createNotice(n);
  return r.created ? n : (await s.store.getNoticesByIds([n.id]))[0];
}

async function viewerAudiences(s: Session): Promise<{ audience: NoticeAudience; id: string }[]> {
  const university = await s.store.getUniversity();
  return [
    { audience: 'BRANCH', id: s.viewer.branchId },
    { audience: 'COMMITTEE', id: s.viewer.committeeId },
    ...(university ? [{ audience: 'UNIVERSITY' as const, id: university.id }] : []),
  ];
}

export interface NoticeForViewer {
  notice: Notice;
  readAt: number | null;
}

/** The viewer's notices: unread first, then newest first. */
export async function myNotices(s: Session): Promise<NoticeForViewer[]> {
  const notices = await s.store.listNotices(await viewerAudiences(s));
  const reads = new Map((await s.store.listNoticeReads(notices.map((n) => n.id))).filter((r) => r.memberId === s.viewer.memberId).map((r) => [r.noticeId, r.at]));
  return notices
    .map((notice) => ({ notice, readAt: reads.get(notice.id) ?? null }))
    .sort((a, b) => Number(a.readAt !== null) - Number(b.readAt !== null) || b.notice.publishedAt - a.notice.publishedAt || a.notice.id.localeCompare(b.notice.id));
}

/** Mark a notice of the viewer's audiences read (the first read time is kept). */
export async function markNoticeRead(s: Session, id: string): Promise<NoticeForViewer> {
  const mine = await myNotices(s);
  const hit = mine.find((x) => x.notice.id === id);
  if (!hit) throw notFound('Notice', id);
  await s.store.markNoticeRead(id, s.viewer.memberId, s.now());
  return { notice: hit.notice, readAt: hit.readAt ?? s.now() };
}

export interface NoticeStats {
  notice: Notice;
  audienceSize: number;
  readCount: number;
  unread: Member[];
}

/** Read counts and who has not read, for a publisher of the notice's audience. */
export async function noticeStats(s: Session, id: string): Promise<NoticeStats> {
  const [notice] = await s.store.getNoticesByIds([id]);
  if (!notice || !(await canPublish(s, notice.audience, notice.audienceId))) throw notFound('Notice', id);
  const filter = notice.audience === 'BRANCH' ? { branchIds: [notice.audienceId] } : notice.audience === 'COMMITTEE' ? { committeeIds: [notice.audienceId] } : {};
  const members: Member[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await s.store.listMembers(filter, 500, after);
    members.push(...page.items);
    if (!page.hasNextPage) break;
    after = page.endCursor;
  }
  const readers = new Set((await s.store.listNoticeReads([id])).map((r) => r.memberId));
  const unread = members.filter((m) => !readers.has(m.id));
  for (const m of unread) {
    s.loaders.member.prime(m.id, m);
    s.audit.note('READ_MEMBER', 'Member', m.id);
  }
  return { notice, audienceSize: members.length, readCount: members.length - unread.length, unread };
}
