/**
 * Statements for absence reasons, minutes history, member records and imported profiles (catalogued in
 * ./catalog.ts and linted like the rest). Nodes are keyed by id and carry the properties queries filter on.
 */
export const RECORDS_Q = {
  setReasons: `UNWIND $rows AS row
MERGE (x:AbsenceReason {id: row.id})
SET x.meetingId = $meetingId, x.memberId = row.memberId, x.reason = row.reason`,
  dropReasons: `UNWIND $ids AS rid MATCH (x:AbsenceReason {id: rid}) DELETE x`,
  reasonsOf: `UNWIND range(0, size($meetingIds) - 1) AS i
MATCH (x:AbsenceReason {meetingId: $meetingIds[i]})
RETURN x.meetingId AS meetingId, x.memberId AS memberId, x.reason AS reason ORDER BY i, memberId`,
  lockMeeting: `MATCH (mt:Meeting {id: $id}) SET mt.affairsLock = coalesce(mt.affairsLock, 0) + 1 RETURN mt.record AS record`,
  editById: `MATCH (x:MeetingEdit {id: $id}) RETURN x.id AS id`,
  setRecord: `MATCH (mt:Meeting {id: $id}) SET mt.record = $record`,
  addEdit: `CREATE (:MeetingEdit {id: $id, meetingId: $meetingId, at: $at, byId: $by, previous: $previous})`,
  editsOf: `MATCH (x:MeetingEdit) WHERE x.meetingId IN $ids
RETURN x.id AS id, x.meetingId AS meetingId, x.at AS at, x.byId AS byId, x.previous AS previous ORDER BY at DESC, id DESC`,
  recordsOf: `UNWIND $ids AS rid MATCH (x:MemberRecord {id: rid}) RETURN x.data AS data`,
  versionOf: `MATCH (x:MemberRecord {id: $id}) RETURN x.version AS version`,
  putRecord: `MERGE (x:MemberRecord {id: $id}) SET x.version = $version, x.data = $data`,
  setPhone: `MATCH (m:Member {id: $id}) SET m.phone = $phone, m.updatedAt = $at`,
  profileById: `MATCH (x:ImportedProfile {id: $id}) RETURN x.data AS data`,
  addProfile: `CREATE (:ImportedProfile {id: $id, memberId: $memberId, importedAt: $importedAt, data: $data})`,
  profilesOf: `MATCH (x:ImportedProfile) WHERE x.memberId IN $ids RETURN x.data AS data ORDER BY x.importedAt DESC, x.id`,
  dropProfile: `MATCH (x:ImportedProfile {id: $id, memberId: $memberId})
WITH x, x.id AS id
DELETE x
RETURN id`,
} as const;
