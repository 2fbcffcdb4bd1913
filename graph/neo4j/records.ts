/** Absence reasons, minutes history, member records and imported profiles on Neo4j (the same behaviour as graph/kuzu/records.ts). */
import { notFound, profileReused } from '../errors';
import { checkPipelineUnchanged, checkRecordVersion, isRetry, type PipelineGuard, sameProfile } from '../write-checks';
import type { AbsenceReason, ImportedProfile, MeetingEdit, MemberRecord } from '../records-model';
import type { WriteResult } from '../store';
import { AFFAIRS_Q } from './affairs-queries';
import type { Executor, Tx } from './executor';
import { requireIds } from './guards';
import { int, num } from './mapping';
import { RECORDS_Q as Q } from './records-queries';
import { parseData } from '../rows';

const reasonId = (meetingId: string, memberId: string) => `${meetingId}|${memberId}`;

/** Inside recordAttendance's transaction: keep the reason of each EXCUSED / ABSENT row, drop it otherwise. */
export async function writeAbsenceReasons(tx: Tx, meetingId: string, rows: { memberId: string; status: string; reason?: string | null }[]): Promise<void> {
  const keep = rows.filter((r) => r.status !== 'PRESENT' && r.reason).map((r) => ({ id: reasonId(meetingId, r.memberId), memberId: r.memberId, reason: r.reason }));
  const drop = rows.filter((r) => !(r.status !== 'PRESENT' && r.reason)).map((r) => reasonId(meetingId, r.memberId));
  if (keep.length) await tx.write(Q.setReasons, { meetingId, rows: keep });
  if (drop.length) await tx.write(Q.dropReasons, { ids: drop });
}

export class RecordsOps {
  constructor(private readonly ex: Executor) {}

  async listAbsenceReasons(meetingIds: string[]): Promise<AbsenceReason[]> {
    if (meetingIds.length === 0) return [];
    const rows = await this.ex.read((tx) => tx.rows<AbsenceReason>(Q.reasonsOf, { meetingIds: [...new Set(meetingIds)] }));
    return rows.map((r) => ({ meetingId: String(r.meetingId), memberId: String(r.memberId), reason: String(r.reason) }));
  }

  updateMeetingRecord(meetingId: string, record: string, edit: { id: string; at: number; by: string }): Promise<void> {
    return this.ex.write(async (tx) => {
      // Locks the meeting, so two edits take turns and each keeps the text the other left.
      const [current] = await tx.rows<{ record: string | null }>(Q.lockMeeting, { id: meetingId });
      if (!current) throw notFound('Meeting', meetingId);
      if ((await tx.rows(Q.editById, { id: edit.id })).length > 0) return;
      await tx.write(Q.addEdit, { id: edit.id, meetingId, at: int(edit.at), by: edit.by, previous: current.record ?? '' });
      await tx.write(Q.setRecord, { id: meetingId, record });
    });
  }

  async listMeetingEdits(meetingIds: string[]): Promise<MeetingEdit[]> {
    if (meetingIds.length === 0) return [];
    const rows = await this.ex.read((tx) => tx.rows<Record<string, unknown>>(Q.editsOf, { ids: [...new Set(meetingIds)] }));
    return rows.map((r) => ({ id: String(r.id), meetingId: String(r.meetingId), at: num(r.at), by: String(r.byId), previous: String(r.previous) }));
  }

  async getMemberRecords(memberIds: string[]): Promise<MemberRecord[]> {
    if (memberIds.length === 0) return [];
    const got = parseData<MemberRecord>(await this.ex.read((tx) => tx.rows<{ data: unknown }>(Q.recordsOf, { ids: [...new Set(memberIds)] })));
    const by = new Map(got.map((r) => [r.memberId, r]));
    return memberIds.map((id) => by.get(id)).filter((r): r is MemberRecord => r !== undefined);
  }

  saveMemberRecord(record: MemberRecord, expectVersion: number, phone?: string | null, pipeline?: PipelineGuard): Promise<void> {
    return this.ex.write(async (tx) => {
      // Locks the member, so concurrent edits of one record run one after the other and the version check holds.
      if ((await tx.rows(AFFAIRS_Q.lockMember, { memberId: record.memberId })).length === 0) throw notFound('Member', record.memberId);
      await requireIds(tx, 'Member', [...record.sponsorIds, ...record.contactIds]);
      const [row] = await tx.rows<{ version: unknown }>(Q.versionOf, { id: record.memberId });
      const stored = row ? num(row.version) : 0;
      checkRecordVersion(record, stored, expectVersion);
      // addMilestone takes the same lock, so the milestones read here cannot change before commit.
      if (pipeline)
        checkPipelineUnchanged(record.memberId, parseData<{ id: string }>(await tx.rows<{ data: unknown }>(AFFAIRS_Q.milestonesOf, { ids: [record.memberId] })), pipeline);
      await tx.write(Q.putRecord, { id: record.memberId, version: int(record.version), data: JSON.stringify(record) });
      if (phone !== undefined) await tx.write(Q.setPhone, { id: record.memberId, phone, at: int(record.updatedAt) });
    });
  }

  saveImportedProfile(p: ImportedProfile): Promise<WriteResult> {
    return this.ex.write(async (tx) => {
      if ((await tx.rows(AFFAIRS_Q.lockMember, { memberId: p.memberId })).length === 0) throw notFound('Member', p.memberId);
      const [prior] = parseData<ImportedProfile>(await tx.rows<{ data: unknown }>(Q.profileById, { id: p.id }));
      if (
        isRetry(
          prior,
          (x) => sameProfile(x, p),
          () => profileReused(p.id),
        )
      )
        return { created: false };
      await tx.write(Q.addProfile, { id: p.id, memberId: p.memberId, importedAt: int(p.importedAt), data: JSON.stringify(p) });
      return { created: true };
    });
  }

  /** One statement: the match and the delete happen together, so two concurrent discards cannot both report it. */
  deleteImportedProfile(id: string, memberId: string): Promise<boolean> {
    return this.ex.write(async (tx) => (await tx.rows<{ id: unknown }>(Q.dropProfile, { id, memberId })).length > 0);
  }

  async listImportedProfiles(memberIds: string[]): Promise<ImportedProfile[]> {
    if (memberIds.length === 0) return [];
    return parseData<ImportedProfile>(await this.ex.read((tx) => tx.rows<{ data: unknown }>(Q.profilesOf, { ids: [...new Set(memberIds)] })));
  }
}
