/**
 * Talk records (谈心谈话). A record is readable by the people in it and by the secretary of the branch of
 * the member talked with; by the committee administrators above that branch only when it is marked for
 * them. University administrators see counts per branch, never records. Every read is audited, and the
 * people in a record can see who read it and when. Records are never embedded, tagged, searched,
 * recommended from or exported: only this file reads them.
 *
 * Yearly talk: the rules catalogue's `talk.yearly` (server/rules/catalogue/talks.ts) puts one obligation per
 * branch and year in the work queue; `membersWithoutYearlyTalk` names the members for the secretary.
 */
import { randomUUID } from 'node:crypto';
import type { Member, TalkRecord } from '../../graph';
import type { Viewer } from '../auth/viewer';
import { assertCanManageBranch, assertCanReadMember, canManageBranch } from '../auth/scope';
import type { Session } from '../auth/session';
import { badInput, conflict, forbidden, notFound } from '../errors';
import { loadMemberRaw } from '../members/member-service';
import { getBranch } from '../org/org-service';
import { FUTURE_SKEW_MS, optionalId, optionalText, requireOneOf, requireText } from '../validate';
import { TALK_KINDS, type TalkKind } from './talk-kinds';

export { TALK_KINDS };

const KINDS = Object.keys(TALK_KINDS) as TalkKind[];

export function canReadTalk(v: Viewer, t: TalkRecord): boolean {
  if (t.participantIds.includes(v.memberId) || t.subjectId === v.memberId) return true;
  if (v.role === 'SECRETARY' && v.branchId === t.branchId) return true;
  return t.forCommittee && v.role === 'COMMITTEE_ADMIN' && v.branchIds?.has(t.branchId) === true;
}

/** Who may record a talk with a member: the branch's secretary and committee members, and administrators above it. */
function mayRecordWith(v: Viewer, subject: Member): boolean {
  if (v.role === 'COMMITTEE_MEMBER' && v.branchId === subject.branchId) return true;
  return v.role !== 'UNIVERSITY_ADMIN' && canManageBranch(v, subject.branchId);
}

export interface TalkInput {
  id?: string | null;
  subjectId: string;
  participantIds: string[];
  kind: string;
  at: number;
  summary: string;
  followUp?: string | null;
  forCommittee?: boolean | null;
}

export async function createTalk(s: Session, input: TalkInput): Promise<TalkRecord> {
  const id = optionalId('id', input.id) ?? `tk-${randomUUID()}`;
  const kind = requireOneOf('kind', input.kind, KINDS);
  const summary = requireText('summary', input.summary, 2000);
  const followUp = optionalText('followUp', input.followUp, 1000);
  if (!Number.isFinite(input.at) || input.at > s.now() + FUTURE_SKEW_MS) throw badInput('at', 'at must be the date of a talk that has taken place');
  const subject = await loadMemberRaw(s, input.subjectId);
  assertCanReadMember(s.viewer, subject);
  if (!mayRecordWith(s.viewer, subject)) {
    throw forbidden('Only the secretary, branch committee members and committee administrators above the branch record talks with its members');
  }
  const participantIds = [...new Set([input.subjectId, ...input.participantIds])];
  if (!participantIds.includes(s.viewer.memberId)) throw badInput('participantIds', 'you can only record a talk you took part in: add yourself');
  if (participantIds.length < 2 || participantIds.length > 10) throw badInput('participantIds', 'a talk has 2 to 10 participants');
  const [existing] = await s.store.getTalkRecordsByIds([id]);
  if (existing) {
    if (existing.createdBy !== s.viewer.memberId) throw conflict(`Talk record id "${id}" is already in use; choose another id`);
    return existing;
  }
  const record: TalkRecord = {
    id,
    subjectId: subject.id,
    branchId: subject.branchId,
    kind,
    at: input.at,
    participantIds,
    summary,
    followUp,
    forCommittee: input.forCommittee === true,
    createdBy: s.viewer.memberId,
    createdAt: s.now(),
  };
  const { created } = await s.store.createTalkRecord(record);
  if (!created) throw conflict(`Talk record id "${id}" is already in use; choose another id`);
  s.audit.note('READ_TALK', 'TalkRecord', record.id);
  return record;
}

/** One record, audited; NOT_FOUND for anyone who may not read it (existence is not revealed). */
export async function getTalk(s: Session, id: string): Promise<TalkRecord> {
  const [t] = await s.store.getTalkRecordsByIds([id]);
  if (!t || !canReadTalk(s.viewer, t)) throw notFound('TalkRecord', id);
  s.audit.note('READ_TALK', 'TalkRecord', t.id);
  return t;
}

/** Records with a member that the viewer may read (all of their own), newest first; each read audited. */
export async function listTalks(s: Session, memberId: string): Promise<TalkRecord[]> {
  const self = memberId === s.viewer.memberId;
  // Someone the viewer may not read gets the answer of a member who does not exist.
  if (!self) assertCanReadMember(s.viewer, await loadMemberRaw(s, memberId));
  const records = self
    ? [
        ...new Map(
          [...(await s.store.listTalkRecords({ subjectIds: [memberId] })), ...(await s.store.listTalkRecords({ participantId: memberId }))].map((t) => [t.id, t]),
        ).values(),
      ].sort((a, b) => b.at - a.at || a.id.localeCompare(b.id))
    : await s.store.listTalkRecords({ subjectIds: [memberId] });
  const readable = records.filter((t) => canReadTalk(s.viewer, t));
  for (const t of readable) s.audit.note('READ_TALK', 'TalkRecord', t.id);
  return readable;
}

/** Who read a record and when: for the people in it (the member talked with above all). */
export async function talkReads(s: Session, id: string): Promise<{ viewerId: string; viewerName: string; at: number }[]> {
  const [t] = await s.store.getTalkRecordsByIds([id]);
  if (!t || !(t.participantIds.includes(s.viewer.memberId) || t.subjectId === s.viewer.memberId)) throw notFound('TalkRecord', id);
  const rows = (await s.store.listAccess({ targetId: id, limit: 500 })).filter((r) => r.targetKind === 'TalkRecord');
  const names = new Map((await s.store.getMembersByIds([...new Set(rows.map((r) => r.viewerId))])).map((m) => [m.id, m.name]));
  return rows.map((r) => ({ viewerId: r.viewerId, viewerName: names.get(r.viewerId) ?? '', at: r.at })).sort((a, b) => b.at - a.at);
}

/** Records per branch in a period: counts only, for committee and university administrators. */
export async function talkCounts(s: Session, from: number, to: number): Promise<{ branchId: string; count: number }[]> {
  if (s.viewer.role !== 'COMMITTEE_ADMIN' && s.viewer.role !== 'UNIVERSITY_ADMIN') throw forbidden('Talk counts are for committee and university administrators');
  if (!(to > from)) throw badInput('to', 'to must be after from');
  const ids = s.viewer.branchIds === null ? null : [...s.viewer.branchIds];
  const counts = await s.store.countTalkRecords(ids, from, to);
  return [...counts].map(([branchId, count]) => ({ branchId, count })).sort((a, b) => a.branchId.localeCompare(b.branchId));
}

const YEAR_MS = (year: number) => [Date.UTC(year, 0, 1) - 8 * 3_600_000, Date.UTC(year + 1, 0, 1) - 8 * 3_600_000] as const;

/** Full and probationary members of a branch with no yearly talk in the calendar year (Asia/Shanghai). */
export async function membersWithoutYearlyTalk(s: Session, branchId: string, year: number): Promise<Member[]> {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw badInput('year', 'year must be 2000–2100');
  await getBranch(s, branchId);
  assertCanManageBranch(s.viewer, branchId);
  const [from, to] = YEAR_MS(year);
  const talks = await s.store.listTalkRecords({ branchIds: [branchId], from, to });
  const talked = new Set(talks.filter((t) => t.kind === 'YEARLY').map((t) => t.subjectId));
  const out: Member[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await s.store.listMembers({ branchIds: [branchId], stages: ['FULL', 'PROBATIONARY'] }, 100, after);
    out.push(...page.items.filter((m) => !talked.has(m.id)));
    if (!page.hasNextPage) break;
    after = page.endCursor;
  }
  for (const m of out) s.audit.note('READ_MEMBER', 'Member', m.id);
  return out;
}
