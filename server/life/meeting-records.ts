/**
 * What a secretary records about a meeting beyond who came: the reason a member was excused or absent
 * (personal data: the member themself and the branch's managers read it, each read audited) and later
 * changes of the minutes (who and when kept, with the text before each change).
 */
import { randomUUID } from 'node:crypto';
import type { Attendance, Meeting } from '../../graph';
import type { MeetingEdit } from '../../graph';
import { assertCanManageInBranch, assertCanReadInBranch, canManageBranch } from '../auth/scope';
import type { Session } from '../auth/session';
import { badInput, notFound } from '../errors';
import { optionalId, optionalText } from '../validate';

export const MAX_REASON = 200;

/**
 * The reason for one attendance row, or null: the member reads their own, the branch's managers every one;
 * anyone else (another member of the branch) gets null. Each reason shown is an audited read.
 */
export async function absenceReason(s: Session, meeting: Meeting, row: Attendance): Promise<string | null> {
  if (row.status === 'PRESENT') return null;
  const mayRead = row.memberId === s.viewer.memberId || canManageBranch(s.viewer, meeting.branchId);
  if (!mayRead) return null;
  const reasons = await s.store.listAbsenceReasons([meeting.id]);
  const hit = reasons.find((r) => r.memberId === row.memberId);
  if (!hit) return null;
  s.audit.note('READ_ABSENCE_REASON', 'Member', row.memberId);
  return hit.reason;
}

/** Check one attendance row's reason: only for EXCUSED / ABSENT, required for EXCUSED (请假), 1–200 characters. */
export function checkReason(i: number, status: string, reason: string | null | undefined): string | null {
  const field = `rows[${i}].reason`;
  const text = optionalText(field, reason, MAX_REASON) || null;
  if (status === 'PRESENT' && text) throw badInput(field, `A reason is kept only for members who were excused or absent; remove it from row ${i + 1} or change the status`);
  if (status === 'EXCUSED' && !text) throw badInput(field, `Give the reason the member was excused (请假事由) in row ${i + 1}`);
  return text;
}

export interface UpdateMinutesInput {
  meetingId: string;
  record: string;
  editId?: string | null;
}

/** Replace a meeting's minutes (summary) as a manager of its branch; the earlier text is kept with who and when. */
export async function updateMinutes(s: Session, input: UpdateMinutesInput): Promise<Meeting> {
  const record = optionalText('record', input.record, 20_000);
  if (!record.trim()) throw badInput('record', 'record (the minutes) must not be empty');
  const editId = optionalId('editId', input.editId) ?? `me-${randomUUID()}`;
  const meeting = await s.loaders.meeting.load(input.meetingId);
  if (!meeting) throw notFound('Meeting', input.meetingId);
  assertCanManageInBranch(s.viewer, meeting.branchId, 'Meeting', meeting.id);
  if (record === meeting.record) throw badInput('record', 'The minutes are unchanged; edit the text before saving');
  await s.store.updateMeetingRecord(meeting.id, record, { id: editId, at: s.now(), by: s.viewer.memberId });
  s.audit.note('EDIT_MINUTES', 'Meeting', meeting.id);
  s.loaders.meeting.clear(meeting.id);
  return (await s.loaders.meeting.load(meeting.id)) ?? meeting;
}

/** Earlier versions of a meeting's minutes, newest first (whoever reads the meeting reads its minutes). */
export async function minutesHistory(s: Session, meeting: Meeting): Promise<MeetingEdit[]> {
  assertCanReadInBranch(s.viewer, meeting.branchId, 'Meeting', meeting.id);
  return s.store.listMeetingEdits([meeting.id]);
}
