/**
 * The part of the GraphStore that holds absence reasons, minutes history, member records and imported
 * profiles. Same conventions as graph/store.ts: unknown ids → NOT_FOUND with nothing written; batch reads
 * in the order asked for.
 */
import type { AbsenceReason, ImportedProfile, MeetingEdit, MemberRecord } from './records-model';
import type { WriteResult } from './store';
import type { PipelineGuard } from './write-checks';

export interface RecordsStore {
  /** Reasons of the meetings' EXCUSED / ABSENT rows, in the order of the meetings asked for, then by member id. */
  listAbsenceReasons(meetingIds: string[]): Promise<AbsenceReason[]>;
  /**
   * Replace a meeting's minutes and keep the text before the change with who and when (`edit`), in one
   * transaction. Unknown meeting → NOT_FOUND, nothing written. Same edit id again → no change.
   */
  updateMeetingRecord(meetingId: string, record: string, edit: { id: string; at: number; by: string }): Promise<void>;
  /** Changes of the meetings' minutes, newest first. */
  listMeetingEdits(meetingIds: string[]): Promise<MeetingEdit[]>;

  /** Records of the members that have one, in the order asked for. */
  getMemberRecords(memberIds: string[]): Promise<MemberRecord[]>;
  /**
   * Store a member's record when its stored version is still `expectVersion` (0 = none yet): a
   * compare-and-set, so two concurrent edits cannot both pass (a changed version → CONFLICT). The
   * record's version must be expectVersion + 1. `phone`, when not undefined, is set on the Member in
   * the same transaction. Unknown member, sponsor or contact → NOT_FOUND, nothing written. With
   * `pipeline`, the member's milestones must still be exactly those ids (the record was checked against
   * them), else CONFLICT with `details.changed = 'PIPELINE'`; together with addMilestone's `record`
   * guard, a record save and a pipeline step checked at the same moment cannot both pass.
   */
  saveMemberRecord(record: MemberRecord, expectVersion: number, phone?: string | null, pipeline?: PipelineGuard): Promise<void>;

  /** Keep an imported profile. Same id and content → `{ created: false }`; same id, other content → CONFLICT. Unknown member → NOT_FOUND. */
  saveImportedProfile(p: ImportedProfile): Promise<WriteResult>;
  /** Imported profiles of the members, newest first. */
  listImportedProfiles(memberIds: string[]): Promise<ImportedProfile[]>;
  /** Discard the imported profile `id` kept for `memberId`: true when it was there, false when not (nothing written). */
  deleteImportedProfile(id: string, memberId: string): Promise<boolean>;
}
