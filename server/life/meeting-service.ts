/**
 * Meetings and attendance of a branch (组织生活). Reading needs branch read scope; creating a
 * meeting and recording attendance need branch management (secretary or an admin above it).
 */
import { randomUUID } from 'node:crypto';
import type { Attendance, AttendanceStatus, Meeting } from '../../graph';
import { ATTENDANCE_STATUSES, MEETING_KINDS } from '../../graph';
import { assertCanManageBranch, assertCanManageInBranch, assertCanReadBranch, assertCanReadInBranch } from '../auth/scope';
import type { Session } from '../auth/session';
import { badInput, notFound } from '../errors';
import { getBranch } from '../org/org-service';
import { FUTURE_SKEW_MS, optionalId, optionalText, requireInt, requireOneOf, requireText } from '../validate';
import { type BranchLifeReport, computeBranchLife, lifeKey } from './branch-life';
import { checkReason } from './meeting-records';

const MAX_RANGE_MS = 5 * 366 * 86_400_000;

function requireRange(from: number, to: number): void {
  if (!(to > from)) throw badInput('to', 'to must be after from');
  if (to - from > MAX_RANGE_MS) throw badInput('to', 'the period from–to must be at most five years');
}

/** Meetings of a branch with from <= at < to, oldest first. */
export async function listMeetings(s: Session, branchId: string, from: number, to: number): Promise<Meeting[]> {
  requireRange(from, to);
  await getBranch(s, branchId);
  assertCanReadBranch(s.viewer, branchId);
  const meetings = await s.store.listMeetings([branchId], from, to);
  for (const m of meetings) s.loaders.meeting.prime(m.id, m);
  return meetings;
}

export async function getMeeting(s: Session, id: string): Promise<Meeting> {
  const m = await s.loaders.meeting.load(id);
  if (!m) throw notFound('Meeting', id);
  assertCanReadInBranch(s.viewer, m.branchId, 'Meeting', id);
  return m;
}

/** Attendance rows of a meeting the viewer may read. */
export async function listAttendance(s: Session, meeting: Meeting): Promise<Attendance[]> {
  assertCanReadBranch(s.viewer, meeting.branchId);
  const rows = await s.loaders.attendance.load(meeting.id);
  // Whether a person came, was excused or stayed away is theirs: each row is a read of their history.
  for (const a of rows) s.audit.note('READ_HISTORY', 'Member', a.memberId);
  return rows;
}

export interface CreateMeetingInput {
  id?: string | null;
  branchId: string;
  kind: string;
  title: string;
  at: number;
  minutes: number;
  record?: string | null;
  topicIds?: string[] | null;
}

/** Record a meeting of a branch the viewer manages. Meetings may be scheduled ahead (at in the future). */
export async function createMeeting(s: Session, input: CreateMeetingInput): Promise<Meeting> {
  const meeting: Meeting = {
    id: optionalId('id', input.id) ?? `mt-${randomUUID()}`,
    branchId: input.branchId,
    kind: requireOneOf('kind', input.kind, MEETING_KINDS),
    title: requireText('title', input.title, 100),
    at: input.at,
    minutes: requireInt('minutes', input.minutes, 1, 1440),
    record: optionalText('record', input.record, 20_000),
    topics: [],
  };
  if (!Number.isFinite(meeting.at)) throw badInput('at', 'at must be a date-time');
  const topicIds = input.topicIds ?? [];
  if (topicIds.length > 20) throw badInput('topicIds', 'topicIds must list at most 20 topics');
  await getBranch(s, meeting.branchId);
  assertCanManageBranch(s.viewer, meeting.branchId);
  if (topicIds.length > 0) {
    const known = new Set((await s.store.listTopics()).map((t) => t.id));
    for (const id of topicIds) if (!known.has(id)) throw notFound('Topic', id);
    meeting.topics = [...new Set(topicIds)].map((topicId) => ({ topicId, weight: 1, source: 'MANUAL' as const, confidence: 1 }));
  }
  await s.store.createMeeting(meeting);
  s.loaders.meeting.clear(meeting.id);
  return (await s.loaders.meeting.load(meeting.id)) ?? meeting;
}

export interface AttendanceRowInput {
  memberId: string;
  status: string;
  reason?: string | null;
}

/**
 * Record who attended a meeting that has taken place. Every member must exist and be readable by
 * the viewer; one bad row rejects the whole call and nothing is written.
 */
export async function recordAttendance(s: Session, meetingId: string, rows: AttendanceRowInput[]): Promise<Meeting> {
  if (rows.length === 0) throw badInput('rows', 'rows must list at least one member');
  if (rows.length > 500) throw badInput('rows', 'rows must list at most 500 members');
  const parsed = rows.map((r, i) => {
    const status = requireOneOf(`rows[${i}].status`, r.status, ATTENDANCE_STATUSES) as AttendanceStatus;
    return { memberId: r.memberId, status, reason: checkReason(i, status, r.reason) };
  });
  const seen = new Set<string>();
  parsed.forEach((r, i) => {
    if (seen.has(r.memberId)) throw badInput(`rows[${i}].memberId`, `Member "${r.memberId}" is listed twice`);
    seen.add(r.memberId);
  });
  const meeting = await s.loaders.meeting.load(meetingId);
  if (!meeting) throw notFound('Meeting', meetingId);
  assertCanManageInBranch(s.viewer, meeting.branchId, 'Meeting', meetingId);
  if (meeting.at > s.now() + FUTURE_SKEW_MS) {
    throw badInput('meetingId', `Meeting "${meeting.id}" has not taken place yet; record attendance after it`);
  }
  const members = await s.loaders.member.loadMany(parsed.map((r) => r.memberId));
  members.forEach((m, i) => {
    if (m instanceof Error) throw m;
    if (!m) throw notFound('Member', parsed[i].memberId);
    if (m.branchId !== meeting.branchId) throw badInput(`rows[${i}].memberId`, `Member "${m.id}" does not belong to branch "${meeting.branchId}"`);
  });
  await s.store.recordAttendance(meeting.id, parsed);
  for (const r of parsed) if (r.reason) s.audit.note('WRITE_ABSENCE_REASON', 'Member', r.memberId);
  s.loaders.attendance.clear(meeting.id);
  return meeting;
}

/** Organizational life of a branch in a period: held vs required per kind, attendance, missing meetings. */
export async function branchLife(s: Session, branchId: string, from: number, to: number): Promise<BranchLifeReport> {
  requireRange(from, to);
  await getBranch(s, branchId);
  assertCanReadBranch(s.viewer, branchId);
  const [meetings, groups] = await Promise.all([s.loaders.life.load(lifeKey(branchId, from, to)), s.loaders.groups.load(branchId)]);
  const rules = await s.rules.ruleSet();
  return computeBranchLife({ branchId, from, to, now: s.now(), hasGroups: groups.length > 0, meetings, rules });
}
