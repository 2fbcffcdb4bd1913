/**
 * Attendance counts kept on each meeting (Meeting.present, excused, absent): recounted from the meeting's
 * ATTENDED rows in the transaction that records its attendance, and filled for every meeting by the schema
 * migration and after a bulk load. The figures (listMeetingTallies) read the counts, never the rows.
 */
import type { ExclusiveRunner } from './executor';

export const COUNT_COLUMNS = ['present', 'excused', 'absent'] as const;

const COUNTED = `WITH mt, count(CASE WHEN r.status = 'PRESENT' THEN 1 END) AS present,
    count(CASE WHEN r.status = 'EXCUSED' THEN 1 END) AS excused, count(CASE WHEN r.status = 'ABSENT' THEN 1 END) AS absent
  SET mt.present = present, mt.excused = excused, mt.absent = absent`;

/** One meeting's counts from its rows (run after writing them, inside the same transaction). */
export const RECOUNT_MEETING = `MATCH (mt:Meeting {id: $meetingId}) OPTIONAL MATCH ()-[r:ATTENDED]->(mt) ${COUNTED}`;

/** Every meeting's counts from the rows (migration, bulk load). */
export const RECOUNT_ALL = `MATCH (mt:Meeting) OPTIONAL MATCH ()-[r:ATTENDED]->(mt) ${COUNTED}`;

/**
 * Schema version 8: the count columns on Meeting (zero for a new meeting), filled from the stored rows.
 * A column already present (a step interrupted before its version was written) is kept.
 */
export async function v8AttendanceCounts(r: ExclusiveRunner): Promise<void> {
  const have = new Set((await r.raw("CALL TABLE_INFO('Meeting') RETURN name")).map((c) => String(c.name)));
  for (const c of COUNT_COLUMNS) if (!have.has(c)) await r.raw(`ALTER TABLE Meeting ADD ${c} INT64 DEFAULT 0`);
  await r.raw(RECOUNT_ALL);
}
