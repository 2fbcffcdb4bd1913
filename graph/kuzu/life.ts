/** Organizational life: Branch -HELD-> Meeting -DISCUSSED-> Topic, Member -ATTENDED {status}-> Meeting. */
import { badInput, meetingIdReused } from '../errors';
import type { Attendance, AttendanceStatus, Meeting, MeetingKind, MeetingTally } from '../model';
import type { NewMeeting, WriteResult } from '../store';
import { RECOUNT_MEETING } from './attendance-counts';
import type { KuzuExecutor, Runner } from './executor';
import { requireIds } from './guards';
import { byKeys } from './keyed';
import { inIdOrder, MEETING_COLUMNS, toMeeting } from './mapping';
import { readTags, writeTags } from './tags';
import { writeAbsenceReasons } from './records';

const Q = {
  create: `MATCH (b:Branch {id: $branchId})
    CREATE (b)-[:HELD]->(:Meeting {id: $id, kind: $kind, title: $title, at: $at, minutes: $minutes, record: $record})`,
  byIds: `MATCH (b:Branch)-[:HELD]->(mt:Meeting) WHERE mt.id IN $ids RETURN ${MEETING_COLUMNS}`,
  heldBy: `MATCH (mt:Meeting {id: $id}) OPTIONAL MATCH (b:Branch)-[:HELD]->(mt) RETURN b.id AS branchId`,
  inPeriod: `MATCH (b:Branch)-[:HELD]->(mt:Meeting) WHERE b.id IN $branchIds AND mt.at >= $from AND mt.at < $to
    AND (NOT $useKinds OR mt.kind IN $kinds) RETURN ${MEETING_COLUMNS} ORDER BY mt.at, mt.id`,
  // One branch: start at its key and filter its own meetings (the filter behind WITH; in the MATCH, Kuzu
  // 0.11 scans every Meeting and joins the whole HELD table).
  inPeriodOne: `MATCH (b:Branch {id: $id})-[:HELD]->(mt:Meeting) WITH b, mt WHERE mt.at >= $from AND mt.at < $to
    AND (NOT $useKinds OR mt.kind IN $kinds) RETURN ${MEETING_COLUMNS} ORDER BY mt.at, mt.id`,
  attend: `MATCH (m:Member {id: $memberId}), (mt:Meeting {id: $meetingId})
    MERGE (m)-[r:ATTENDED]->(mt) SET r.status = $status`,
  tallies: `MATCH (b:Branch)-[:HELD]->(mt:Meeting) WHERE b.id IN $branchIds AND mt.at >= $from AND mt.at < $to
    RETURN mt.id AS id, b.id AS branchId, mt.kind AS kind, mt.title AS title, mt.at AS at,
      mt.present AS present, mt.excused AS excused, mt.absent AS absent
    ORDER BY at, id`,
  attendanceOf: `MATCH (m:Member)-[r:ATTENDED]->(mt:Meeting) WHERE mt.id IN $ids
    RETURN mt.id AS meetingId, m.id AS memberId, r.status AS status ORDER BY m.id`,
} as const;

const STATUSES: AttendanceStatus[] = ['PRESENT', 'EXCUSED', 'ABSENT'];

export class LifeQueries {
  constructor(private readonly ex: KuzuExecutor) {}

  /**
   * Idempotent by meeting id: an existing meeting of the same branch is left as it is; an id
   * already used by another branch is a conflict (nothing of that meeting is read or changed).
   */
  createMeeting(m: NewMeeting): Promise<WriteResult> {
    return this.ex.write(async (tx) => {
      const held = await tx.run(Q.heldBy, { id: m.id });
      if (held.length > 0) {
        if (held.some((r) => r.branchId === m.branchId)) return { created: false };
        throw meetingIdReused(m.id);
      }
      await requireIds(tx, 'Branch', [m.branchId]);
      await requireIds(
        tx,
        'Topic',
        (m.topics ?? []).map((t) => t.topicId),
      );
      await tx.run(Q.create, { id: m.id, branchId: m.branchId, kind: m.kind, title: m.title, at: m.at, minutes: m.minutes, record: m.record });
      await writeTags(tx, 'Meeting', m.id, m.topics ?? []);
      return { created: true };
    });
  }

  async getMeetingsByIds(ids: string[]): Promise<Meeting[]> {
    if (ids.length === 0) return [];
    return this.ex.readMany(async (r) => inIdOrder(ids, await this.withTags(r, await r.run(Q.byIds, { ids }))));
  }

  async listMeetings(branchIds: string[], from: number, to: number, kinds?: MeetingKind[]): Promise<Meeting[]> {
    if (branchIds.length === 0 || (kinds && kinds.length === 0)) return [];
    return this.ex.readMany(async (r) => {
      const p = { from, to, useKinds: kinds !== undefined, kinds: kinds ?? [''] };
      const rows = await byKeys(r, branchIds, { one: Q.inPeriodOne, many: Q.inPeriod, listParam: 'branchIds' }, p);
      // Lookups per branch come branch by branch: one order over all, as the set-based statement gives.
      rows.sort((a, b) => Number(a.at) - Number(b.at) || (String(a.id) < String(b.id) ? -1 : String(a.id) > String(b.id) ? 1 : 0));
      return this.withTags(r, rows);
    });
  }

  async recordAttendance(meetingId: string, rows: { memberId: string; status: AttendanceStatus; reason?: string | null }[]): Promise<void> {
    const bad = rows.find((r) => !STATUSES.includes(r.status));
    if (bad) throw badInput('status', `Attendance status must be PRESENT, EXCUSED or ABSENT, got "${bad.status}"`);
    await this.ex.write(async (tx) => {
      await requireIds(tx, 'Meeting', [meetingId]);
      await requireIds(
        tx,
        'Member',
        rows.map((r) => r.memberId),
      );
      const last = new Map(rows.map((r) => [r.memberId, r]));
      for (const [memberId, { status }] of last) await tx.run(Q.attend, { meetingId, memberId, status });
      await writeAbsenceReasons(tx, meetingId, [...last.values()]);
      // Kuzu admits one writer at a time, so the recount sees every committed row and this call's rows.
      await tx.run(RECOUNT_MEETING, { meetingId });
    });
  }

  async listAttendance(meetingIds: string[]): Promise<Attendance[]> {
    if (meetingIds.length === 0) return [];
    const rows = await this.ex.read(Q.attendanceOf, { ids: meetingIds });
    const order = new Map(meetingIds.map((id, i) => [id, i]));
    return rows
      .map((r) => ({ meetingId: String(r.meetingId), memberId: String(r.memberId), status: r.status as AttendanceStatus }))
      .sort((a, b) => order.get(a.meetingId)! - order.get(b.meetingId)! || a.memberId.localeCompare(b.memberId));
  }

  /** The counts kept on each meeting (./attendance-counts.ts); no attendance row is read. */
  async listMeetingTallies(branchIds: string[], from: number, to: number): Promise<MeetingTally[]> {
    if (branchIds.length === 0) return [];
    const rows = await this.ex.read(Q.tallies, { branchIds, from, to });
    return rows.map((r) => ({
      id: String(r.id),
      branchId: String(r.branchId),
      kind: r.kind as MeetingKind,
      title: String(r.title),
      at: Number(r.at),
      present: Number(r.present),
      excused: Number(r.excused),
      absent: Number(r.absent),
    }));
  }

  private async withTags(r: Runner, rows: Record<string, unknown>[]): Promise<Meeting[]> {
    const tags = await readTags(
      r,
      'Meeting',
      rows.map((x) => String(x.id)),
    );
    return rows.map((x) => toMeeting(x as never, tags.get(String(x.id)) ?? []));
  }
}
