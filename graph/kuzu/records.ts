/**
 * Absence reasons, minutes history, member records and imported profiles on Kuzu. Each is a node keyed
 * by id with the columns queries filter on (tables in RECORDS_DDL, created on every start).
 */
import { notFound, profileReused } from '../errors';
import { checkPipelineUnchanged, checkRecordVersion, isRetry, type PipelineGuard, sameProfile } from '../write-checks';
import type { AbsenceReason, ImportedProfile, MeetingEdit, MemberRecord } from '../records-model';
import type { WriteResult } from '../store';
import type { KuzuExecutor, Runner } from './executor';
import { requireIds } from './guards';
import { parseData } from '../rows';

export const RECORDS_DDL: string[] = [
  'CREATE NODE TABLE IF NOT EXISTS AbsenceReason(id STRING PRIMARY KEY, meetingId STRING, memberId STRING, reason STRING)',
  'CREATE NODE TABLE IF NOT EXISTS MeetingEdit(id STRING PRIMARY KEY, meetingId STRING, at INT64, byId STRING, previous STRING)',
  'CREATE NODE TABLE IF NOT EXISTS MemberRecord(id STRING PRIMARY KEY, version INT64, data STRING)',
  'CREATE NODE TABLE IF NOT EXISTS ImportedProfile(id STRING PRIMARY KEY, memberId STRING, importedAt INT64, data STRING)',
];

const Q = {
  setReason: `MERGE (x:AbsenceReason {id: $id}) SET x.meetingId = $meetingId, x.memberId = $memberId, x.reason = $reason`,
  dropReason: `MATCH (x:AbsenceReason {id: $id}) DELETE x`,
  reasonsOf: `MATCH (x:AbsenceReason) WHERE x.meetingId IN $ids RETURN x.meetingId AS meetingId, x.memberId AS memberId, x.reason AS reason`,
  editById: `MATCH (x:MeetingEdit {id: $id}) RETURN x.id AS id`,
  recordOf: `MATCH (mt:Meeting {id: $id}) RETURN mt.record AS record`,
  setRecord: `MATCH (mt:Meeting {id: $id}) SET mt.record = $record`,
  addEdit: `CREATE (:MeetingEdit {id: $id, meetingId: $meetingId, at: $at, byId: $by, previous: $previous})`,
  editsOf: `MATCH (x:MeetingEdit) WHERE x.meetingId IN $ids
    RETURN x.id AS id, x.meetingId AS meetingId, x.at AS at, x.byId AS byId, x.previous AS previous ORDER BY x.at DESC, x.id DESC`,
  recordsOf: `MATCH (x:MemberRecord) WHERE x.id IN $ids RETURN x.data AS data`,
  versionOf: `MATCH (x:MemberRecord {id: $id}) RETURN x.version AS version`,
  milestoneIdsOf: `MATCH (:Member {id: $id})-[:HAS_MILESTONE]->(x:Milestone) RETURN x.id AS id`,
  createRecord: `CREATE (:MemberRecord {id: $id, version: $version, data: $data})`,
  updateRecord: `MATCH (x:MemberRecord {id: $id}) SET x.version = $version, x.data = $data`,
  setPhone: `MATCH (m:Member {id: $id}) SET m.phone = $phone, m.updatedAt = $at`,
  profileById: `MATCH (x:ImportedProfile {id: $id}) RETURN x.data AS data`,
  addProfile: `CREATE (:ImportedProfile {id: $id, memberId: $memberId, importedAt: $importedAt, data: $data})`,
  profilesOf: `MATCH (x:ImportedProfile) WHERE x.memberId IN $ids RETURN x.data AS data ORDER BY x.importedAt DESC, x.id`,
  profileOfMember: `MATCH (x:ImportedProfile {id: $id}) WHERE x.memberId = $memberId RETURN x.id AS id`,
  dropProfile: `MATCH (x:ImportedProfile {id: $id}) DELETE x`,
} as const;

export const reasonId = (meetingId: string, memberId: string) => `${meetingId}|${memberId}`;

/** Inside recordAttendance's transaction: keep the reason of each EXCUSED / ABSENT row, drop it otherwise. */
export async function writeAbsenceReasons(tx: Runner, meetingId: string, rows: { memberId: string; status: string; reason?: string | null }[]): Promise<void> {
  for (const r of rows) {
    const id = reasonId(meetingId, r.memberId);
    if (r.status !== 'PRESENT' && r.reason) await tx.run(Q.setReason, { id, meetingId, memberId: r.memberId, reason: r.reason });
    else await tx.run(Q.dropReason, { id });
  }
}

export class RecordsQueries {
  constructor(private readonly ex: KuzuExecutor) {}

  async listAbsenceReasons(meetingIds: string[]): Promise<AbsenceReason[]> {
    if (meetingIds.length === 0) return [];
    const order = new Map(meetingIds.map((id, i) => [id, i]));
    return (await this.ex.read(Q.reasonsOf, { ids: [...new Set(meetingIds)] }))
      .map((r) => ({ meetingId: String(r.meetingId), memberId: String(r.memberId), reason: String(r.reason) }))
      .sort((a, b) => order.get(a.meetingId)! - order.get(b.meetingId)! || a.memberId.localeCompare(b.memberId));
  }

  updateMeetingRecord(meetingId: string, record: string, edit: { id: string; at: number; by: string }): Promise<void> {
    return this.ex.write(async (tx) => {
      const [current] = await tx.run(Q.recordOf, { id: meetingId });
      if (!current) throw notFound('Meeting', meetingId);
      if ((await tx.run(Q.editById, { id: edit.id })).length > 0) return;
      await tx.run(Q.addEdit, { id: edit.id, meetingId, at: edit.at, by: edit.by, previous: String(current.record ?? '') });
      await tx.run(Q.setRecord, { id: meetingId, record });
    });
  }

  async listMeetingEdits(meetingIds: string[]): Promise<MeetingEdit[]> {
    if (meetingIds.length === 0) return [];
    return (await this.ex.read(Q.editsOf, { ids: [...new Set(meetingIds)] })).map((r) => ({
      id: String(r.id),
      meetingId: String(r.meetingId),
      at: Number(r.at),
      by: String(r.byId),
      previous: String(r.previous),
    }));
  }

  async getMemberRecords(memberIds: string[]): Promise<MemberRecord[]> {
    if (memberIds.length === 0) return [];
    const by = new Map(parseData<MemberRecord>(await this.ex.read(Q.recordsOf, { ids: [...new Set(memberIds)] })).map((r) => [r.memberId, r]));
    return memberIds.map((id) => by.get(id)).filter((r): r is MemberRecord => r !== undefined);
  }

  saveMemberRecord(record: MemberRecord, expectVersion: number, phone?: string | null, pipeline?: PipelineGuard): Promise<void> {
    return this.ex.write(async (tx) => {
      await requireIds(tx, 'Member', [record.memberId, ...record.sponsorIds, ...record.contactIds]);
      const [row] = await tx.run(Q.versionOf, { id: record.memberId });
      const stored = row ? Number(row.version) : 0;
      checkRecordVersion(record, stored, expectVersion);
      // Writes run one at a time here, so the milestones read now are those this record is written beside.
      if (pipeline)
        checkPipelineUnchanged(
          record.memberId,
          (await tx.run(Q.milestoneIdsOf, { id: record.memberId })).map((r) => ({ id: String(r.id) })),
          pipeline,
        );
      const params = { id: record.memberId, version: record.version, data: JSON.stringify(record) };
      await tx.run(row ? Q.updateRecord : Q.createRecord, params);
      if (phone !== undefined) await tx.run(Q.setPhone, { id: record.memberId, phone, at: record.updatedAt });
    });
  }

  saveImportedProfile(p: ImportedProfile): Promise<WriteResult> {
    return this.ex.write(async (tx) => {
      await requireIds(tx, 'Member', [p.memberId]);
      const [prior] = parseData<ImportedProfile>(await tx.run(Q.profileById, { id: p.id }));
      if (
        isRetry(
          prior,
          (x) => sameProfile(x, p),
          () => profileReused(p.id),
        )
      )
        return { created: false };
      await tx.run(Q.addProfile, { id: p.id, memberId: p.memberId, importedAt: p.importedAt, data: JSON.stringify(p) });
      return { created: true };
    });
  }

  async listImportedProfiles(memberIds: string[]): Promise<ImportedProfile[]> {
    if (memberIds.length === 0) return [];
    return parseData<ImportedProfile>(await this.ex.read(Q.profilesOf, { ids: [...new Set(memberIds)] }));
  }

  deleteImportedProfile(id: string, memberId: string): Promise<boolean> {
    return this.ex.write(async (tx) => {
      if ((await tx.run(Q.profileOfMember, { id, memberId })).length === 0) return false;
      await tx.run(Q.dropProfile, { id });
      return true;
    });
  }
}
