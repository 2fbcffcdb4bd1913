/** Organizational life: Branch -HELD-> Meeting -DISCUSSED-> Topic, Member -ATTENDED {status}-> Meeting. */
import { badInput, meetingIdReused, notFound } from '../errors';
import { ATTENDANCE_STATUSES, type Attendance, type AttendanceStatus, type Meeting, type MeetingKind, type MeetingTally } from '../model';
import type { NewMeeting, WriteResult } from '../store';
import type { Executor } from './executor';
import { lastPerKey, requireIds } from './guards';
import { inIdOrder, int, num, toAttendance, toMeeting } from './mapping';
import { Q } from './queries';
import { replaceAllTags } from './tags';
import { writeAbsenceReasons } from './records';

/** Meetings filled per transaction by fillAttendanceCounts. */
const FILL_PAGE = 2_000;

/**
 * Give every meeting without attendance counts its counts from its rows, a bounded page per transaction (on
 * start, for meetings stored before counts were kept, and after a bulk load). Returns the meetings filled.
 */
export async function fillAttendanceCounts(ex: Executor): Promise<number> {
  let filled = 0;
  for (;;) {
    const [row] = await ex.write((tx) => tx.rows(Q.fillAttendanceCounts, { limit: int(FILL_PAGE) }));
    const n = row ? num(row.filled) : 0;
    filled += n;
    if (n < FILL_PAGE) return filled;
  }
}

export class LifeOps {
  constructor(private readonly ex: Executor) {}

  /**
   * Idempotent by meeting id: an existing meeting of the same branch is left as it is; an id
   * already used by another branch is a conflict (nothing of that meeting is read or changed).
   */
  createMeeting(m: NewMeeting): Promise<WriteResult> {
    return this.ex.write(async (tx) => {
      const [check] = await tx.rows<{ branchExists: boolean; existingBranch: string[] }>(Q.meetingCheck, { id: m.id, branchId: m.branchId });
      if (check && check.existingBranch.length > 0) {
        if (check.existingBranch.includes(m.branchId)) return { created: false };
        throw meetingIdReused(m.id);
      }
      if (!check?.branchExists) throw notFound('Branch', m.branchId);
      await requireIds(
        tx,
        'Topic',
        (m.topics ?? []).map((t) => t.topicId),
      );
      const { nodesCreated } = await tx.write(Q.createMeeting, {
        id: m.id,
        branchId: m.branchId,
        kind: m.kind,
        title: m.title,
        at: int(m.at),
        minutes: int(m.minutes),
        record: m.record,
      });
      if (nodesCreated === 0) {
        // A concurrent writer created this id after the check above (MERGE waited for its commit under
        // the uniqueness constraint, and linked nothing): answer as if it had been there before.
        const [again] = await tx.rows<{ existingBranch: string[] }>(Q.meetingCheck, { id: m.id, branchId: m.branchId });
        if (again?.existingBranch.includes(m.branchId)) return { created: false };
        throw meetingIdReused(m.id);
      }
      await replaceAllTags(tx, 'Meeting', m.id, m.topics ?? []);
      return { created: true };
    });
  }

  async getMeetingsByIds(ids: string[]): Promise<Meeting[]> {
    if (ids.length === 0) return [];
    return inIdOrder(ids, (await this.ex.read((tx) => tx.rows(Q.getMeetingsByIds, { ids }))).map(toMeeting));
  }

  async listMeetings(branchIds: string[], from: number, to: number, kinds?: MeetingKind[]): Promise<Meeting[]> {
    if (branchIds.length === 0 || (kinds && kinds.length === 0)) return [];
    const rows = await this.ex.read((tx) => tx.rows(Q.listMeetings, { branchIds, fromTime: int(from), toTime: int(to), kinds: kinds ?? null }));
    return rows.map(toMeeting);
  }

  /** One status per member (the last row wins); unknown meeting or member → NOT_FOUND, nothing written. */
  async recordAttendance(meetingId: string, rows: { memberId: string; status: AttendanceStatus; reason?: string | null }[]): Promise<void> {
    const bad = rows.find((r) => !ATTENDANCE_STATUSES.includes(r.status));
    if (bad) throw badInput('status', `Attendance status must be PRESENT, EXCUSED or ABSENT, got "${bad.status}"`);
    await this.ex.write(async (tx) => {
      if ((await tx.rows(Q.lockMeeting, { meetingId })).length === 0) throw notFound('Meeting', meetingId);
      await requireIds(
        tx,
        'Member',
        rows.map((r) => r.memberId),
      );
      const last = lastPerKey(rows, (r) => r.memberId);
      const latest = last.map((r) => ({ memberId: r.memberId, status: r.status }));
      if (latest.length) await tx.write(Q.recordAttendance, { meetingId, rows: latest });
      await writeAbsenceReasons(tx, meetingId, last);
      await tx.write(Q.recountAttendance, { meetingId });
    });
  }

  async listMeetingTallies(branchIds: string[], from: number, to: number): Promise<MeetingTally[]> {
    if (branchIds.length === 0) return [];
    const rows = await this.ex.read((tx) => tx.rows<Record<string, unknown>>(Q.listMeetingTallies, { branchIds, fromTime: int(from), toTime: int(to) }));
    return rows.map((r) => ({
      id: String(r.id),
      branchId: String(r.branchId),
      kind: r.kind as MeetingKind,
      title: String(r.title),
      at: num(r.at),
      present: num(r.present),
      excused: num(r.excused),
      absent: num(r.absent),
    }));
  }

  /** In the order of the meetings asked for, then by member id. */
  async listAttendance(meetingIds: string[]): Promise<Attendance[]> {
    if (meetingIds.length === 0) return [];
    const ids = [...new Set(meetingIds)];
    return (await this.ex.read((tx) => tx.rows(Q.listAttendance, { meetingIds: ids }))).map(toAttendance);
  }
}
